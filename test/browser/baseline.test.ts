/**
 * A baseline on every chart, in headless Chromium against the built app:
 * no start line before an edit; after one, every chart draws the scenario's
 * starting preset faint, the legend names it, the indicators show the change
 * from it, the preset list and a badge say "modified"; undo clears it all.
 * Also the start sentence, and the cost-ups chart summarised in the
 * indicators at 1280x720.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumForFile } from './fixtures.ts';
import { updates, waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

async function open(
  locale = 'en-US',
  viewport = { width: 1280, height: 720 },
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser().newPage({ viewport, locale });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await waitForUpdate(page, 'A', 0);
  await waitForUpdate(page, 'B', 0);
  return { page, errors };
}

/** Waits for a value: the start runs after the edit's own run, on a machine that may be busy. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

const field = (id: 'A' | 'B', path: string) => `input[data-scenario="${id}"][data-field="${path}"]`;

/** Per chart: the starts it draws (canvas data) and its start datasets in Chart.js. */
function startsDrawn(page: Page) {
  return page.$$eval('figure[data-chart] canvas', (cs) =>
    cs.map((c) => {
      const chart = (
        c as unknown as {
          chart: { data: { datasets: { role?: string; starts?: number[] }[] } };
        }
      ).chart;
      const sets = chart.data.datasets;
      return {
        chart: c.closest('figure')!.dataset.chart!,
        starts: (c as HTMLCanvasElement).dataset.starts ?? '',
        lines: sets.filter((d) => d.role === 'start').length,
        marks: sets.filter((d) => d.starts?.some((x) => Number.isFinite(x))).length,
      };
    }),
  );
}

/** The "vs start" cells, per indicator: [A, B]. */
function vsStart(page: Page): Promise<Record<string, string[]>> {
  return page.$$eval('tr.vs-start', (rows) =>
    Object.fromEntries(
      rows.map((r) => [
        (r as HTMLElement).dataset.vsStart,
        [...r.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent?.trim() ?? ''),
      ]),
    ),
  );
}

const selectedText = (page: Page, id: 'A' | 'B') =>
  page.$eval(`#preset-${id}`, (s) => (s as HTMLSelectElement).selectedOptions[0].text.trim());

const editCostDownA = (page: Page, value: string) => editA(page, 'policy.costDown', value);

async function editA(page: Page, path: string, value: string) {
  const n = await updates(page, 'A');
  const input = page.locator(field('A', path));
  await input.fill(value);
  await input.press('Enter');
  await waitForUpdate(page, 'A', n);
}

describe('the baseline', () => {
  it('is absent before an edit, drawn on every chart after one, and cleared by undo', async () => {
    const { page, errors } = await open();
    // Before: nothing of a start anywhere.
    for (const c of await startsDrawn(page))
      expect(c, c.chart).toMatchObject({ starts: '', lines: 0, marks: 0 });
    expect(await page.locator('.key li.start').count()).toBe(0);
    expect(await page.locator('tr.vs-start').count()).toBe(0);
    expect(await page.locator('[data-modified]').count()).toBe(0);
    expect(await selectedText(page, 'A')).toBe('Large-firm-led model (大企業牽引モデル)');
    expect(await page.textContent('.key')).toContain('A: Large-firm-led model');

    await editCostDownA(page, '0');
    // The start runs after the edit's own run: every chart draws it once it is back.
    await poll(async () => (await startsDrawn(page)).map((c) => c.starts)).toEqual(
      Array(6).fill('A'),
    );
    for (const c of await startsDrawn(page)) {
      if (c.chart === 'burden' || c.chart === 'settled')
        expect(c.marks, c.chart).toBeGreaterThan(0);
      else expect(c.lines, c.chart).toBe(4); // one faint line per tier of A's preset
    }
    await poll(() => page.locator('.key li.start').textContent()).toContain(
      'A: Large-firm-led model (start)',
    );
    expect(await page.textContent('.key')).toContain('A: Large-firm-led model, modified');
    // The preset list and the badge say so; B is untouched.
    expect(await selectedText(page, 'A')).toBe('Large-firm-led model, modified');
    expect(await selectedText(page, 'B')).toBe('Layered value chain (複層化したバリューチェーン)');
    expect(await page.locator('[data-modified="A"]').isVisible()).toBe(true);
    expect(await page.locator('[data-modified="B"]').count()).toBe(0);
    // The indicators show A's change from its start (cost-down 3% -> 0 raises deepest wages).
    await poll(async () => (await vsStart(page))['deepest-wage']?.[0]).toMatch(
      /^\+\d+\.\d\d pp vs start$/,
    );
    const vs = await vsStart(page);
    expect(Object.keys(vs).sort()).toEqual(
      [
        'burden',
        'deepest-wage',
        'real-va-growth',
        'sme-investment',
        'surviving',
        'wage-gap',
      ].sort(),
    );
    for (const [k, [a, b]] of Object.entries(vs)) {
      expect(a, k).toMatch(/vs start$/);
      expect(b, k).toBe('');
    }

    // Typing the preset's value back clears it, as undo does.
    await editCostDownA(page, '3');
    await poll(async () => (await startsDrawn(page)).map((c) => c.starts)).toEqual(
      Array(6).fill(''),
    );
    expect(await selectedText(page, 'A')).toBe('Large-firm-led model (大企業牽引モデル)');
    // Another lever (its own undo step: edits of one field close together make one step).
    await editA(page, 'policy.buyerSupport', '1');
    await poll(async () => (await startsDrawn(page))[0].starts).toBe('A');
    expect(await selectedText(page, 'A')).toBe('Large-firm-led model, modified');
    const n = await updates(page, 'A');
    await page.click('button[data-action="undo"]');
    await waitForUpdate(page, 'A', n);
    await poll(async () => (await startsDrawn(page)).map((c) => c.starts)).toEqual(
      Array(6).fill(''),
    );
    for (const c of await startsDrawn(page)) expect(c).toMatchObject({ lines: 0, marks: 0 });
    expect(await page.locator('tr.vs-start').count()).toBe(0);
    expect(await page.locator('[data-modified]').count()).toBe(0);
    expect(await selectedText(page, 'A')).toBe('Large-firm-led model (大企業牽引モデル)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says it in Japanese too', async () => {
    const { page } = await open('ja-JP');
    const sentence = (await page.textContent('main#results .start-sentence')) ?? '';
    expect(sentence).toMatch(/^グラフは.*コストダウン要請.*。$/);
    expect(sentence.split('。')).toHaveLength(2); // one sentence
    expect(sentence).not.toMatch(/[a-z]{3,}/);
    await editCostDownA(page, '0');
    await poll(() => page.locator('.key li.start').textContent()).toContain(
      'A：大企業牽引モデル（出発点）',
    );
    expect(await selectedText(page, 'A')).toBe('大企業牽引モデル（変更あり）');
    expect(await page.textContent('[data-modified="A"]')).toBe('変更あり');
    await poll(async () => (await vsStart(page))['deepest-wage']?.[0]).toMatch(/^出発点比 \+/);
    await page.close();
  });

  it('keeps the indicators within a phone’s width with the change from the start shown', async () => {
    const { page } = await open('en-US', { width: 390, height: 844 });
    await editCostDownA(page, '0');
    await poll(async () => (await vsStart(page))['deepest-wage']?.[0]).toMatch(/vs start$/);
    const widths = await page.$eval('.indicators', (s) => ({
      section: s.getBoundingClientRect().width,
      table: s.querySelector('table')!.getBoundingClientRect().width,
      page: document.documentElement.scrollWidth,
    }));
    expect(widths.table).toBeLessThanOrEqual(widths.section + 0.5);
    expect(widths.page).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('starts with one plain sentence, and shows who bears cost-ups without scrolling at 1280x720', async () => {
    const { page } = await open();
    const sentence = page.locator('main#results .start-sentence');
    expect(await sentence.textContent()).toMatch(/^The charts follow [^.]*: try first [^.]*\.$/);
    const box = (await sentence.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(720);
    // The burden chart in one number, in the indicators, in view without scrolling.
    const row = page.locator('tr[data-summary="burden"]');
    const r = (await row.boundingBox())!;
    expect(r.y + r.height).toBeLessThanOrEqual(720);
    const cells = await row.locator('td').allTextContents();
    expect(cells[0]).toMatch(/^\d+%$/);
    expect(cells[1]).toMatch(/^\d+%$/);
    expect(cells[2]).toMatch(/pp$/);
    // Its link brings the chart itself into view.
    await row.locator('button.to-chart').click();
    await poll(() =>
      page.$eval('figure[data-chart="burden"]', (f) => {
        const b = f.getBoundingClientRect();
        return b.top >= 0 && b.top < innerHeight;
      }),
    ).toBe(true);
    await page.close();
  });
});
