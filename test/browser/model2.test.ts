/**
 * The app after the change to model 2: a link or embed made with model 1
 * opens with a visible notice, in the page's language, that its figures now
 * come from the new model; a saved scenario of model 1 opens with its notes;
 * the chart "How cost-ups were settled" is drawn and exported; the Japan
 * preset's policy events are marked on the time axes, in Japanese too, and
 * the Japanese page shows them with no English sentence.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { MODEL_VERSION, presetScenario } from '../../src/engine/index.ts';
import { parseCsv } from '../../src/export/csv.ts';
import { translate } from '../../src/i18n/index.ts';
import { embedUrl } from '../../src/share/embed.ts';
import { FILE_FORMAT, FILE_FORMAT_VERSION, SAVED_PREFIX } from '../../src/share/storage.ts';
import { checkCode, decodeState } from '../../src/share/urlState.ts';
import { chromiumForFile } from './fixtures.ts';
import { waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

/** A hand-written query with its check code. */
const sign = (q: string) => `${q}&c=${checkCode(new URLSearchParams(q))}`;

async function open(query: string, viewport = { width: 1280, height: 720 }, wait = true) {
  const context = await browser().newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${url}?${query}`);
  if (wait) {
    await waitForUpdate(page, 'A', 0);
    await waitForUpdate(page, 'B', 0);
  }
  return { context, page, errors };
}

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** The policy events a time-axis chart marks, as its plugin holds them. */
function marks(page: Page, chart: string) {
  return page.$eval(
    `figure[data-chart="${chart}"] canvas`,
    (c) =>
      (c as unknown as { chart: { $eventMarks?: { events: { x: number; label: string }[] } } })
        .chart.$eventMarks?.events ?? [],
  );
}

describe('links of model 1', () => {
  it('the app says, in English or Japanese, that the figures now come from the new model', async () => {
    for (const lang of ['en', 'ja'] as const) {
      const { context, page, errors } = await open(
        sign(`v=2&lang=${lang}&a=layered&b=japan-2024&a.policy.costDown=0.02`),
      );
      const notice = page.locator('[data-model-notice]');
      await expect.poll(() => notice.isVisible()).toBe(true);
      const shown = await text(page, '[data-model-notice]');
      expect(shown).toContain(translate(lang, 'share.modelTitle'));
      expect(shown).toContain(
        translate(lang, 'share.issue.modelChanged', { made: '1.x', current: MODEL_VERSION }),
      );
      // Everything else of the link is kept.
      // (in percent a year, as the field shows a share)
      expect(await page.inputValue('input[data-scenario="A"][data-field="policy.costDown"]')).toBe(
        '2',
      );
      if (lang === 'ja') expect(shown).not.toMatch(/[A-Za-z]{4}/);
      // A link of this model says nothing of the kind.
      await page.goto(`${url}?${sign('v=3&model=' + MODEL_VERSION + '&a=layered')}`);
      await waitForUpdate(page, 'A', 0);
      expect(await page.locator('[data-model-notice]').count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('an embed pinned with model 1 shows the notice above its chart, in its language', async () => {
    for (const lang of ['en', 'ja'] as const) {
      const state = { ...decodeState('?v=3').state, lang };
      const link = embedUrl(url, state, 'wage')
        .replace('v=3&', 'v=2&')
        .replace(/pin=[^&]*/, 'pin=1.0.0');
      const query = link.slice(link.indexOf('?') + 1).replace(/&c=[^&]*$/, '');
      const { context, page, errors } = await open(sign(query), { width: 800, height: 500 });
      const notice = page.locator('.embed-view [data-model-notice]');
      await expect.poll(() => notice.isVisible()).toBe(true);
      expect(await text(page, '.embed-view [data-model-notice]')).toContain(
        translate(lang, 'share.issue.modelChanged', { made: '1.0.0', current: MODEL_VERSION }),
      );
      // The chart still fills the rest of the frame, and the notice can be closed.
      const plot = (await page.locator('figure[data-chart="wage"] canvas').boundingBox())!;
      expect(plot.height).toBeGreaterThan(200);
      await page.click('.embed-view [data-model-notice] button');
      expect(await notice.count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('a saved scenario of model 1 (with firms.reinvestShare) opens with its notes, nothing else lost', async () => {
    const { context, page } = await open('v=3&lang=en');
    const sc = presetScenario('layered') as unknown as Record<string, Record<string, unknown>>;
    sc.firms.reinvestShare = 0.4;
    sc.policy.costDown = 0.045;
    delete (sc as Record<string, unknown>).policyEvents;
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key, value),
      [
        `${SAVED_PREFIX}Old`,
        JSON.stringify({
          format: FILE_FORMAT,
          formatVersion: FILE_FORMAT_VERSION,
          modelVersion: '1.0.0',
          name: 'Old',
          preset: 'layered',
          scenario: sc,
          savedAt: '2026-01-01T00:00:00.000Z',
        }),
      ],
    );
    await page.goto(`${url}?v=3&lang=en&view=table`);
    const entry = page.locator('[data-saved="Old"]');
    await expect.poll(() => entry.count()).toBe(1);
    expect(await page.locator('[data-damaged]').count()).toBe(0);
    expect(
      await entry
        .locator('[data-notes] [data-code]')
        .evaluateAll((l) => l.map((e) => e.getAttribute('data-code'))),
    ).toEqual(['removedSetting', 'modelChanged']);
    const n = await page.evaluate(() => performance.getEntriesByType('measure').length);
    await entry.locator('button[data-open="A"]').click();
    const message = page.locator('[data-saved-message]');
    await expect.poll(() => text(page, '[data-saved-message]')).toContain('Opened “Old” in A.');
    // The removed setting is named in words, not by its internal path.
    expect(await message.locator('[data-code="removedSetting"]').textContent()).toContain(
      'Reinvested share of profit (model 1)',
    );
    await page.click('a[href="#sim"]');
    await page.waitForFunction((n) => performance.getEntriesByType('measure').length > n, n);
    expect(await page.inputValue('input[data-scenario="A"][data-field="policy.costDown"]')).toBe(
      '4.5',
    );
    await context.close();
  });
});

describe('model 2 on the Simulation page', () => {
  it('draws "How cost-ups were settled" and exports its data; the Japan preset marks its policy events', async () => {
    const { context, page, errors } = await open('v=3&lang=en&a=large-firm-led&b=japan-2024');
    const fig = 'figure[data-chart="settled"]';
    expect(await text(page, `${fig} h3`)).toBe('How cost-ups were settled');
    const data = await page.$eval(`${fig} canvas`, (c) => {
      const chart = (
        c as unknown as {
          chart: { data: { labels: unknown[]; datasets: { label: string; data: number[] }[] } };
        }
      ).chart;
      return { labels: chart.data.labels, sets: chart.data.datasets };
    });
    expect(data.sets.map((d) => d.label)).toEqual([
      'Did not ask',
      'Were refused',
      'Passed part',
      'Passed all',
    ]);
    expect(data.labels).toHaveLength(6);
    for (let i = 0; i < 6; i++) {
      expect(data.sets.reduce((s, d) => s + d.data[i], 0)).toBeCloseTo(100, 6);
    }
    // The CSV holds what is drawn.
    await page.click(`${fig} details.menu summary`);
    const pending = page.waitForEvent('download');
    await page.click(`${fig} button[data-export="csv"]`);
    const d = await pending;
    expect(d.suggestedFilename()).toMatch(/settled/);
    const rows = parseCsv(readFileSync(await d.path()).toString('utf8'));
    expect(rows[0][0]).toBe('Supplier tier');
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      'A: Tier 1',
      'B: Tier 1',
      'A: Tier 2',
      'B: Tier 2',
      'A: Tier 3 (deepest)',
      'B: Tier 3 (deepest)',
    ]);
    expect(rows.slice(1).map((r) => Number(r[4]))).toEqual(data.sets[3].data);

    // Every time axis marks B's two policy events; the bar charts none.
    for (const chart of ['wage', 'investment', 'vapw', 'laborshare']) {
      expect(await marks(page, chart), chart).toEqual([
        { x: 2023.75, label: '2023 guideline' },
        { x: 2026, label: '2026 act' },
      ]);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('in Japanese: the events are named in Japanese, the new chart and the timeline have no English sentence', async () => {
    const { context, page, errors } = await open('v=3&lang=ja&a=japan-2024&b=japan-2000s');
    expect(await marks(page, 'wage')).toEqual([
      { x: 2023.75, label: '2023年 労務費指針' },
      { x: 2026, label: '2026年 改正下請法 (取適法)' },
    ]);
    const fig = 'figure[data-chart="settled"]';
    const words = [
      await text(page, `${fig} h3`),
      await text(page, `${fig} .note`),
      await text(page, `${fig} .plot .sr-only`),
    ].join(' ');
    expect(words).toContain('コスト上昇はどう決着したか');
    expect(words.replace(/\bB − A\b/g, '')).not.toMatch(/[A-Za-z]{3}/);
    await page.click('details[data-section="policy"] summary');
    const timeline = await text(page, '[data-events][data-scenario="A"]');
    expect(timeline).toContain('2026年 改正下請法 (取適法)');
    expect(timeline).toContain('労務費の受け入れ');
    expect(timeline).not.toMatch(/[A-Za-z]{3}/);
    // Rounds per year: a choice of 1, 2 or 4.
    await page.click('details[data-section="simulation"] summary');
    const options = await page.$$eval(
      'select[data-scenario="A"][data-path="simulation.roundsPerYear"] option',
      (os) => os.map((o) => (o as HTMLOptionElement).value),
    );
    expect(options).toEqual(['1', '2', '4']);
    expect(errors).toEqual([]);
    await context.close();
  });
});
