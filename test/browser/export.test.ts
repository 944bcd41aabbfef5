/**
 * Exports for slides in headless Chromium, against the built app: a chart's
 * PNG at a presentation size (caught as the browser's download), its data as
 * CSV (compared with the data the Chart.js instance holds), the image on the
 * clipboard, and the embed link showing exactly one chart.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { MODEL_VERSION } from '../../src/engine/index.ts';
import { parseCsv } from '../../src/export/csv.ts';
import { expandEmbedUrl } from '../../src/share/embed.ts';
import { chromiumForFile } from './fixtures.ts';
import { waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

interface Opened {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

async function open(
  target = url,
  opts: { deviceScaleFactor?: number; viewport?: { width: number; height: number } } = {},
): Promise<Opened> {
  const context = await browser().newContext({
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    deviceScaleFactor: opts.deviceScaleFactor ?? 1,
    acceptDownloads: true,
    // The texts checked are the English ones.
    locale: 'en-US',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(target);
  await waitForUpdate(page, 'A', 0);
  await waitForUpdate(page, 'B', 0);
  return { context, page, errors };
}

/** Chooses an item of a chart's export menu and returns the file the browser downloads. */
async function download(
  page: Page,
  chart: string,
  item: string,
): Promise<{ name: string; bytes: Buffer }> {
  await page.click(`figure[data-chart="${chart}"] details.menu summary`);
  const pending = page.waitForEvent('download');
  await page.click(`figure[data-chart="${chart}"] button[data-export="${item}"]`);
  const d = await pending;
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the PNG's IHDR chunk (after checking the signature and chunk type). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Colours at a few places of a PNG, decoded by the browser: [r, g, b, a] per point (fractions of the size). */
function pixels(page: Page, bytes: Buffer, points: [number, number][]): Promise<number[][]> {
  return page.evaluate(
    async ({ b64, points }) => {
      const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bin], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      return points.map(([fx, fy]) => [
        ...ctx.getImageData(Math.floor(fx * bmp.width), Math.floor(fy * bmp.height), 1, 1).data,
      ]);
    },
    { b64: bytes.toString('base64'), points },
  );
}

/** Share of non-white pixels in a horizontal band of the PNG (fractions of its height). */
function ink(page: Page, bytes: Buffer, top: number, bottom: number): Promise<number> {
  return page.evaluate(
    async ({ b64, top, bottom }) => {
      const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bin], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      const y0 = Math.floor(top * bmp.height);
      const h = Math.max(1, Math.floor((bottom - top) * bmp.height));
      const { data } = ctx.getImageData(0, y0, bmp.width, h);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) n++;
      }
      return n / (data.length / 4);
    },
    { b64: bytes.toString('base64'), top, bottom },
  );
}

/** What a chart's Chart.js instance holds: labels and, per dataset, its label and points. */
function chartData(page: Page, chart: string) {
  return page.$eval(`figure[data-chart="${chart}"] .plot canvas`, (c) => {
    const inst = (
      c as unknown as {
        chart: {
          data: {
            labels?: string[];
            datasets: { label: string; data: (number | { x: number; y: number })[] }[];
          };
        };
      }
    ).chart;
    return {
      labels: inst.data.labels ?? [],
      datasets: inst.data.datasets.map((d) => ({ label: d.label, data: d.data })),
    };
  });
}

describe('export for slides', () => {
  it('downloads a 1920x1080 PNG of a chart at pixel ratio 2 (screen at 1x): IHDR 3840x2160, white, captioned', async () => {
    const { context, page, errors } = await open();
    const { name, bytes } = await download(page, 'wage', 'png-1080p');
    expect(name).toBe('wage-1920x1080.png');
    // The requested CSS size times the pixel ratio: max(2, devicePixelRatio) = 2 here.
    expect(pngSize(bytes)).toEqual({ width: 3840, height: 2160 });
    // White background at the corners and in the margin; drawn lines in the plot; text in the caption line.
    const corners = await pixels(page, bytes, [
      [0.002, 0.002],
      [0.998, 0.002],
      [0.002, 0.998],
      [0.998, 0.998],
    ]);
    for (const p of corners) expect(p).toEqual([255, 255, 255, 255]);
    expect(await ink(page, bytes, 0.2, 0.8)).toBeGreaterThan(0.01);
    expect(await ink(page, bytes, 0.93, 0.96)).toBeGreaterThan(0.005);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('downloads a 1280x720 PNG at the screen pixel ratio when it is above 2: IHDR 3840x2160 at 3x', async () => {
    const { context, page } = await open(url, { deviceScaleFactor: 3 });
    const { name, bytes } = await download(page, 'burden', 'png-720p');
    expect(name).toBe('burden-1280x720.png');
    expect(pngSize(bytes)).toEqual({ width: 1280 * 3, height: 720 * 3 });
    expect(await ink(page, bytes, 0.2, 0.8)).toBeGreaterThan(0.01);
    await context.close();
  });

  it('downloads a line chart’s data as CSV: one column per line, units in the header, the values the chart holds', async () => {
    const { context, page } = await open();
    const { name, bytes } = await download(page, 'wage', 'csv');
    expect(name).toBe('wage.csv');
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    const held = await chartData(page, 'wage');
    expect(held.datasets.length).toBeGreaterThan(4);
    expect(header).toEqual([
      'Period',
      ...held.datasets.map((d) => `${d.label} (¥m per worker/year)`),
    ]);
    const first = held.datasets[0].data as { x: number; y: number }[];
    expect(rows).toHaveLength(first.length);
    expect(rows[0][0]).toMatch(/^\d{4}Q1$/);
    held.datasets.forEach((d, j) => {
      const pts = d.data as { x: number; y: number }[];
      // Every value exactly (the CSV writes numbers in their shortest round-trip form).
      expect(
        rows.map((r) => Number(r[j + 1])),
        d.label,
      ).toEqual(pts.map((p) => p.y));
    });
    await context.close();
  });

  it('downloads the cost-up chart’s data as CSV: one row per bearer, one column per scenario', async () => {
    const { context, page } = await open();
    const { bytes } = await download(page, 'burden', 'csv');
    const [header, ...rows] = parseCsv(bytes.toString('utf8'));
    const held = await chartData(page, 'burden');
    expect(header[0]).toBe('Bearer');
    expect(header.slice(1)).toEqual(
      held.datasets.map((d) =>
        expect.stringMatching(new RegExp(`^${d.label} \\(¥bn, total \\d{4}–\\d{4}\\)$`)),
      ),
    );
    expect(rows.map((r) => r[0].replace(/ \(.*\)$/, ''))).toEqual(held.labels);
    held.datasets.forEach((d, j) => {
      expect(rows.map((r) => Number(r[j + 1]))).toEqual(d.data as number[]);
    });
    await context.close();
  });

  it('follows the chart display: in B − A mode the CSV holds the differences the chart draws', async () => {
    const { context, page } = await open();
    await page.click('.segmented input[value="diff"]');
    const { bytes } = await download(page, 'investment', 'csv');
    const [header, ...rows] = parseCsv(bytes.toString('utf8'));
    const held = await chartData(page, 'investment');
    expect(held.datasets.every((d) => /B − A/.test(d.label))).toBe(true);
    expect(header.slice(1)).toEqual(held.datasets.map((d) => `${d.label} (% of value added)`));
    held.datasets.forEach((d, j) => {
      expect(rows.map((r) => Number(r[j + 1]))).toEqual(
        (d.data as { y: number }[]).map((p) => p.y),
      );
    });
    await context.close();
  });

  it('copies the chart as a PNG image to the clipboard', async () => {
    const { context, page } = await open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(url).origin,
    });
    await page.click('figure[data-chart="vapw"] details.menu summary');
    await page.click('figure[data-chart="vapw"] button[data-export="copy"]');
    // Encoding a 1920x1080 PNG can take a second or two on a busy machine.
    await expect
      .poll(() => page.textContent('figure[data-chart="vapw"] .message'), { timeout: 15_000 })
      .toBe('Chart copied as an image.');
    const size = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const blob = await item.getType('image/png');
      const bmp = await createImageBitmap(blob);
      return { width: bmp.width, height: bmp.height, types: item.types };
    });
    expect(size).toEqual({ width: 3840, height: 2160, types: ['image/png'] });
    await context.close();
  });

  it('gives an iframe snippet whose pinned link shows exactly one chart, with its legend and caption, filling the frame', async () => {
    const { context, page } = await open();
    await page.click('figure[data-chart="laborshare"] details.menu summary');
    await page.click('figure[data-chart="laborshare"] button[data-export="embed"]');
    await expect.poll(() => page.inputValue('dialog[open] textarea')).toMatch(/^<iframe/);
    const snippet = await page.inputValue('dialog[open] textarea');
    expect(snippet).toMatch(
      /^<iframe src="[^"]+" title="Labour share by tier" width="800" height="500"/,
    );
    const src = /src="([^"]+)"/.exec(snippet)![1].replace(/&amp;/g, '&');
    // Compact: the whole embed query deflated into one parameter, the snippet short.
    expect(snippet.length).toBeLessThan(1000);
    const expanded = await expandEmbedUrl(src);
    if (!expanded?.ok) throw new Error('the snippet’s link does not expand');
    const q = new URL(expanded.href).searchParams;
    expect(q.get('embed')).toBe('laborshare');
    // Pinned: the model version and the fingerprint of both full scenarios.
    expect(q.get('model')).toBe(MODEL_VERSION);
    expect(expanded.fingerprint).toMatch(/^[0-9a-z]+$/);
    // The width and height inputs change the snippet.
    await page.fill('dialog[open] input[type="number"] >> nth=0', '640');
    expect(await page.inputValue('dialog[open] textarea')).toContain('width="640"');
    await context.close();

    const embed = await open(src, { viewport: { width: 640, height: 400 } });
    const ep = embed.page;
    expect(await ep.locator('figure[data-chart]').count()).toBe(1);
    expect(await ep.locator('canvas').count()).toBe(1);
    expect(await ep.getAttribute('figure[data-chart]', 'data-chart')).toBe('laborshare');
    // No controls, indicators or network picture.
    expect(await ep.locator('.controls, .indicators, .network-panel, header.top').count()).toBe(0);
    const held = await chartData(ep, 'laborshare');
    expect(held.datasets.length).toBeGreaterThan(4);
    // The legend is drawn in the chart; the caption names both scenarios and links to the full view.
    const legend = await ep.$eval('canvas', (c) => {
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
    expect(legend.items).toEqual(expect.arrayContaining(['A', 'B', 'Tier 0 (final goods)']));
    const caption = await ep.textContent('.caption');
    expect(caption).toMatch(/A: Large-firm-led.*B: Layered/);
    const link = await ep.getAttribute('.caption > a', 'href');
    expect(new URL(link!).searchParams.get('embed')).toBeNull();
    // Sized to its frame: the figure fills the viewport, the page does not scroll.
    const box = await ep.$eval('figure[data-chart]', (f) => {
      const r = f.getBoundingClientRect();
      return { w: r.width, h: r.height, scroll: document.documentElement.scrollHeight };
    });
    expect(box.w).toBe(640);
    expect(box.h).toBe(400);
    expect(box.scroll).toBeLessThanOrEqual(400);
    expect(embed.errors).toEqual([]);
    await embed.context.close();
  });
});
