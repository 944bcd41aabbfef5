/**
 * Embeds that never change silently, legible on a slide (issue 11, items
 * 10–11): the compact snippet of a heavily edited scenario stays under
 * 1,000 characters and restores its state; an embed whose pinned model
 * version differs says so on the chart, in its language, and in its PNG; a
 * value it cannot use is named on the chart; settings changed since it was
 * made are said; type scales with the frame (ticks of 16 px and more at
 * 1280×720, in the embed and its PNG); inside a cross-site iframe there are
 * no console errors and no service worker.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { MODEL_VERSION, PARAMS } from '../../src/engine/index.ts';
import { translate } from '../../src/i18n/index.ts';
import { issueText } from '../../src/i18n/messages.ts';
import { expandEmbedUrl, packEmbedQuery } from '../../src/share/embed.ts';
import { checkCode, decodeState, diffFromPreset, scenarioOf } from '../../src/share/urlState.ts';
import { chromiumForFile } from './fixtures.ts';
import { waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

/** Records the font of every year tick drawn on any canvas ("2030" etc.), in CSS px. */
const RECORD_TICKS = `(() => {
  const sizes = [];
  window.__tickFonts = sizes;
  for (const proto of [CanvasRenderingContext2D.prototype, OffscreenCanvasRenderingContext2D.prototype]) {
    const fill = proto.fillText;
    proto.fillText = function (text, ...rest) {
      if (/^20\\d\\d$/.test(String(text))) {
        const m = /(\\d+(?:\\.\\d+)?)px/.exec(this.font);
        if (m) sizes.push(Number(m[1]));
      }
      return fill.call(this, text, ...rest);
    };
  }
})()`;

/** A query with its check code (as the app writes links). */
function signed(pairs: [string, string][]): string {
  const q = new URLSearchParams(pairs).toString();
  return `${q}&c=${checkCode(pairs)}`;
}

/** The compact embed link of `chart` for these pairs (the model version, options, settings). */
function compact(pairs: [string, string][], extra = ''): Promise<string> {
  return packEmbedQuery(url, signed(pairs) + extra);
}

async function open(link: string, viewport = { width: 800, height: 500 }, lang = 'en-US') {
  const context = await browser().newContext({ viewport, locale: lang, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(RECORD_TICKS);
  await page.goto(link);
  return { context, page, errors };
}

async function ready(page: Page) {
  await waitForUpdate(page, 'A', 0);
  await waitForUpdate(page, 'B', 0);
}

/** Year-tick font sizes drawn so far (CSS px). */
const tickFonts = (page: Page) =>
  page.evaluate(() => [...(window as unknown as { __tickFonts: number[] }).__tickFonts]);

/** How many pixels of a PNG have the notice box's amber (#fff8e1), decoded in the page. */
function amber(page: Page, bytes: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bin], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const { data } = ctx.getImageData(0, 0, bmp.width, bmp.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] === 255 && data[i + 1] === 248 && data[i + 2] === 225) n++;
    }
    return n;
  }, bytes.toString('base64'));
}

async function downloadPng(page: Page, size: '720p' | '1080p'): Promise<Buffer> {
  await page.click('[data-embed-export] summary');
  const pending = page.waitForEvent('download');
  await page.click(`[data-embed-export] button[data-export="png-${size}"]`);
  return readFileSync(await (await pending).path());
}

const BASE: [string, string][] = [
  ['v', '3'],
  ['model', MODEL_VERSION],
  ['embed', 'wage'],
  ['a', 'large-firm-led'],
  ['b', 'layered'],
];

describe('embeds that never change silently', () => {
  it('a heavily edited scenario: the snippet stays under 1,000 characters and its embed restores both scenarios', async () => {
    // 20 settings moved in each scenario, to values on each parameter's grid.
    const numbers = PARAMS.filter((p) => p.kind === 'number').slice(0, 20);
    const edits = (k: 'a' | 'b', f: number) =>
      numbers.map((p) => {
        const q = p as { min: number; max: number; step: number; path: string };
        const v = q.min + q.step * Math.round(((q.max - q.min) / q.step) * f);
        return `${k}.${q.path}=${+v.toFixed(6)}`;
      });
    const query = ['v=3', ...edits('a', 0.37), ...edits('b', 0.61)].join('&');
    const made = decodeState(`?${query}`);
    const changed =
      Object.keys(flat(diffFromPreset(scenarioOf(made.state.a), made.state.a.preset))).length +
      Object.keys(flat(diffFromPreset(scenarioOf(made.state.b), made.state.b.preset))).length;
    expect(changed).toBeGreaterThanOrEqual(30);

    const { context, page } = await open(`${url}?${query}&lang=en`, { width: 1280, height: 900 });
    await ready(page);
    await page.click('figure[data-chart="burden"] details.menu summary');
    await page.click('figure[data-chart="burden"] button[data-export="embed"]');
    await expect.poll(() => page.inputValue('dialog[open] textarea')).toMatch(/^<iframe/);
    const snippet = await page.inputValue('dialog[open] textarea');
    expect(snippet.length).toBeLessThan(1000);
    const src = /src="([^"]+)"/.exec(snippet)![1].replace(/&amp;/g, '&');
    const expanded = await expandEmbedUrl(src);
    if (!expanded?.ok) throw new Error('the snippet does not expand');
    // The model version is pinned, and both full scenarios come back exactly.
    expect(new URL(expanded.href).searchParams.get('model')).toBe(MODEL_VERSION);
    const back = decodeState(expanded.href).state;
    expect(scenarioOf(back.a)).toEqual(scenarioOf(made.state.a));
    expect(scenarioOf(back.b)).toEqual(scenarioOf(made.state.b));
    await context.close();

    // Opened: the one chart, with no notice (same model, same settings).
    const embed = await open(src);
    await ready(embed.page);
    expect(await embed.page.getAttribute('figure[data-chart]', 'data-chart')).toBe('burden');
    expect(await embed.page.locator('[data-embed-notices], [data-notice-badge]').count()).toBe(0);
    expect(embed.errors).toEqual([]);
    await embed.context.close();
  });

  for (const lang of ['en', 'ja'] as const) {
    it(`an embed pinned with another model version says so on the chart and in its PNG (${lang})`, async () => {
      const link = await compact([
        ...BASE.map(([k, v]): [string, string] => (k === 'model' ? [k, '2.0.0-rc.1'] : [k, v])),
        ['lang', lang],
      ]);
      const { context, page, errors } = await open(link);
      await ready(page);
      const notice = page.locator('figure[data-chart] [data-embed-notices]');
      await expect.poll(() => notice.isVisible()).toBe(true);
      const expected = translate(lang, 'share.issue.pinnedModel', {
        pinned: '2.0.0-rc.1',
        current: MODEL_VERSION,
      });
      expect(await notice.textContent()).toContain(expected);
      // Inside the chart's figure, under its plot.
      const plot = (await page.locator('figure[data-chart] .plot').boundingBox())!;
      const box = (await notice.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(plot.y + plot.height - 1);
      expect(plot.height).toBeGreaterThan(150);
      // The PNG carries it: its amber box is drawn.
      const png = await downloadPng(page, '720p');
      expect(await amber(page, png)).toBeGreaterThan(1000);
      // Closed, it leaves a badge naming the versions; the badge opens it again.
      await page.click('[data-embed-notices] button');
      const badge = page.locator('[data-notice-badge]');
      expect(await badge.textContent()).toContain(`2.0.0-rc.1 → ${MODEL_VERSION}`);
      await badge.click();
      await expect.poll(() => notice.isVisible()).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('a PNG of an embed without notices has no amber box (the check above can fail)', async () => {
    const link = await compact([...BASE, ['lang', 'en']]);
    const { context, page } = await open(link);
    await ready(page);
    expect(await amber(page, await downloadPng(page, '720p'))).toBe(0);
    await context.close();
  });

  it('a value the embed cannot use is named on the chart, in its language', async () => {
    for (const lang of ['en', 'ja'] as const) {
      const pairs: [string, string][] = [
        ...BASE,
        ['lang', lang],
        ['a.policy.costDown', '7'],
        ['b.policy.noSuchSetting', '1'],
      ];
      const link = await compact(pairs);
      const { context, page, errors } = await open(link);
      await ready(page);
      const notice = page.locator('figure[data-chart] [data-embed-notices]');
      await expect.poll(() => notice.isVisible()).toBe(true);
      const text = (await notice.textContent()) ?? '';
      const issues = decodeState(`?${signed(pairs)}`).issues;
      expect(issues.map((i) => i.code).sort()).toEqual(['outOfRange', 'unknownSetting']);
      for (const i of issues) expect(text).toContain(issueText(lang, i));
      expect(text).toContain('noSuchSetting');
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('settings changed since the embed was made (its fingerprint differs) are said on the chart', async () => {
    const link = await compact([...BASE, ['lang', 'en']], '&fp=zzzz');
    const { context, page } = await open(link);
    await ready(page);
    const notice = page.locator('[data-embed-notices] [data-notice="drift"]');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.textContent()).toBe(translate('en', 'embed.drift'));
    await context.close();
  });

  it('a compact link cut short says so, in the page language, with a way to the app', async () => {
    const link = await compact([...BASE, ['lang', 'ja']]);
    const { context, page, errors } = await open(link.slice(0, -12), undefined, 'ja-JP');
    const alert = page.locator('[data-embed-broken]');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toMatch(/埋め込みグラフのリンクを読み取れません/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('legible at slide size', () => {
  it('a 1280×720 embed draws its ticks at 16 px or more, its PNG too; an 800×500 one keeps 13 px', async () => {
    const link = await compact([...BASE, ['lang', 'en']]);
    const big = await open(link, { width: 1280, height: 720 });
    await ready(big.page);
    const size = await big.page.$eval('figure[data-chart] canvas', (c) => {
      const o = (
        c as unknown as {
          chart: { options: { scales: { x: { ticks: { font: { size: number } } } } } };
        }
      ).chart.options;
      return o.scales.x.ticks.font.size;
    });
    expect(size).toBeGreaterThanOrEqual(16);
    expect(Math.min(...(await tickFonts(big.page)).slice(-4))).toBeGreaterThanOrEqual(16);
    // The title and caption grow with it.
    const title = await big.page.$eval('figure[data-chart] h3', (h) =>
      parseFloat(getComputedStyle(h).fontSize),
    );
    expect(title).toBeGreaterThanOrEqual(20);
    // The PNG at 1280×720: every year tick drawn at 16 px or more.
    const before = (await tickFonts(big.page)).length;
    await downloadPng(big.page, '720p');
    const png = (await tickFonts(big.page)).slice(before);
    expect(png.length).toBeGreaterThan(3);
    expect(Math.min(...png)).toBeGreaterThanOrEqual(16);
    await big.context.close();

    const small = await open(link, { width: 800, height: 500 });
    await ready(small.page);
    expect(Math.min(...(await tickFonts(small.page)).slice(-4))).toBe(13);
    await small.context.close();
  });

  it('the caption wraps long names instead of cutting them, and the cost-ups chart shows its A/B key', async () => {
    const link = await compact([
      ['v', '3'],
      ['model', MODEL_VERSION],
      ['embed', 'burden'],
      ['a', 'large-firm-led'],
      ['b', 'japan-2000s'],
      ['a.policy.costDown', '0.01'],
      ['lang', 'ja'],
    ]);
    const { context, page } = await open(link, { width: 420, height: 480 }, 'ja-JP');
    await ready(page);
    const names = await page.$$eval('.caption .name', (els) =>
      els.map((e) => ({ text: e.textContent, cut: e.scrollWidth > e.clientWidth + 1 })),
    );
    expect(names).toHaveLength(2);
    for (const n of names) expect(n.cut).toBe(false);
    const legend = await page.$eval('figure[data-chart] canvas', (c) => {
      const chart = (
        c as unknown as {
          chart: {
            legend: { legendItems?: { text: string }[] };
            options: { plugins: { legend: { display: boolean } } };
          };
        }
      ).chart;
      return {
        display: chart.options.plugins.legend.display,
        items: chart.legend.legendItems?.map((i) => i.text),
      };
    });
    expect(legend.display).toBe(true);
    expect(legend.items).toEqual(expect.arrayContaining(['A', 'B']));
    await context.close();
  });

  it('the cost-ups chart shows its A/B key in the grid of the Simulation page too', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${url}?v=3&lang=en`);
    await ready(page);
    // Charts are drawn once on screen: bring it there, and wait for its legend.
    await page.locator('figure[data-chart="burden"]').scrollIntoViewIfNeeded();
    await expect
      .poll(() =>
        page.$eval(
          'figure[data-chart="burden"] canvas',
          (c) =>
            ((c as unknown as { chart: { legend: { legendItems?: unknown[] } } }).chart.legend
              .legendItems?.length ?? 0) > 0,
        ),
      )
      .toBe(true);
    const legend = await page.$eval('figure[data-chart="burden"] canvas', (c) => {
      const chart = (
        c as unknown as {
          chart: {
            legend: { legendItems?: { text: string }[] };
            options: { plugins: { legend: { display: boolean } } };
          };
        }
      ).chart;
      return {
        display: chart.options.plugins.legend.display,
        items: chart.legend.legendItems?.map((i) => i.text),
      };
    });
    expect(legend.display).toBe(true);
    expect(legend.items).toEqual(expect.arrayContaining(['A', 'B']));
    await context.close();
  });

  it('inside a cross-site iframe: no console errors and no service worker', async () => {
    const link = await compact([...BASE, ['lang', 'en']]);
    const context = await browser().newContext({ viewport: { width: 1400, height: 900 } });
    // The slide deck's page, on another site: "localhost" while the app is on 127.0.0.1.
    const deck = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><title>Deck</title><iframe src="${link.replace(/&/g, '&amp;')}" width="1280" height="720"></iframe>`,
      );
    });
    await new Promise<void>((done) => deck.listen(0, '127.0.0.1', done));
    const port = (deck.address() as AddressInfo).port;
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://localhost:${port}/deck.html`);
    expect(new URL(url).hostname).toBe('127.0.0.1');
    await expect.poll(() => page.frames().some((f) => f.url().startsWith(url))).toBe(true);
    const frame = page.frames().find((f) => f.url().startsWith(url))!;
    await expect
      .poll(
        () =>
          frame.evaluate(
            () =>
              document
                .querySelector('figure[data-chart] canvas[data-digest-a]')
                ?.getAttribute('data-digest-a') ?? '',
          ),
        { timeout: 30_000 },
      )
      .not.toBe('');
    await page.waitForTimeout(1500);
    // Chromium refuses service workers to a cross-site frame: registering would only log errors.
    expect(context.serviceWorkers()).toHaveLength(0);
    expect(errors).toEqual([]);
    await context.close();
    deck.close();
  });
});

/** Leaf paths of a nested patch. */
function flat(o: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === 'object' && !Array.isArray(v))
      Object.assign(out, flat(v as Record<string, unknown>, `${prefix}${k}.`));
    else out[prefix + k] = v;
  }
  return out;
}
