/**
 * Many runs per scenario in the built app: choosing runs draws median and
 * p10–p90 bands, the progress bar counts runs, Cancel stops every batch
 * worker at once and leaves the results on screen, and editing a lever
 * during a batch cancels it and starts one for the new inputs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseCsv } from '../../src/export/csv.ts';
import { chromiumForFile } from './fixtures.ts';
import { RECORD_WORKERS, batchWorkers, drawn, indicators, waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

async function open(query = '?v=3', locale = 'en-US'): Promise<{ page: Page; errors: string[] }> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 900 }, locale });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(RECORD_WORKERS);
  await page.goto(url + query);
  await waitForUpdate(page, 'A', 0);
  await waitForUpdate(page, 'B', 0);
  return { page, errors };
}

const runsRadio = (n: number) => `.runs-bar input[type="radio"][value="${n}"]`;
const progress = '[data-testid="batch-progress"]';
const bandState = (page: Page) =>
  page.locator('.runs-note[data-band-state]').getAttribute('data-band-state');

/** Per chart: how many datasets of each role its Chart.js instance holds, and its band state. */
function chartRoles(page: Page) {
  return page.$$eval('figure[data-chart] canvas', (cs) =>
    cs.map((c) => {
      const chart = (
        c as unknown as {
          chart: { data: { datasets: { role?: string; whiskers?: unknown; fill?: unknown }[] } };
        }
      ).chart;
      const roles: Record<string, number> = {};
      for (const d of chart.data.datasets) {
        const r = d.role ?? (d.whiskers ? 'whiskers' : 'single');
        roles[r] = (roles[r] ?? 0) + 1;
      }
      return { chart: c.closest('figure')!.dataset.chart!, bands: c.dataset.bands, roles };
    }),
  );
}

/** Waits until the progress bar shows at least `n` runs done (and the batch is not over). */
async function waitForRunsDone(page: Page, n = 1): Promise<number> {
  await page.waitForFunction(
    (n) => {
      const p = document.querySelector('[data-testid="batch-progress"] progress');
      return !!p && Number((p as HTMLProgressElement).value) >= n;
    },
    n,
    { timeout: 30_000 },
  );
  return Number(await page.locator(`${progress} progress`).getAttribute('value'));
}

/**
 * In one task of the page: reads the progress bar, then clicks Cancel or
 * enters 0.05 as A's cost-down (so the batch cannot finish in between), and
 * counts the live batch workers just before and just after.
 */
function actDuringBatch(
  page: Page,
  act: 'cancel' | 'edit',
): Promise<{ done: number; total: number; aliveBefore: number; aliveAfter: number }> {
  return page.evaluate(async (act) => {
    const live = () =>
      (window as unknown as { __workers: { name: string; alive: boolean }[] }).__workers.filter(
        (w) => w.name.startsWith('batch') && w.alive,
      ).length;
    const bar = document.querySelector<HTMLProgressElement>(
      '[data-testid="batch-progress"] progress',
    );
    const done = bar ? bar.value : -1;
    const total = bar ? bar.max : -1;
    const aliveBefore = live();
    if (act === 'cancel') {
      document.querySelector<HTMLButtonElement>('[data-testid="batch-progress"] button')!.click();
    } else {
      const field = document.querySelector<HTMLInputElement>(
        'input[data-scenario="A"][data-field="policy.costDown"]',
      )!;
      field.value = '0.05';
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    }
    // Svelte applies the change in a microtask.
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    return { done, total, aliveBefore, aliveAfter: live() };
  }, act);
}

/** Chooses an item of a chart's export menu and returns the file the browser downloads. */
async function download(page: Page, chart: string, item: string): Promise<Buffer> {
  await page.click(`figure[data-chart="${chart}"] details.menu summary`);
  const pending = page.waitForEvent('download');
  await page.click(`figure[data-chart="${chart}"] button[data-export="${item}"]`);
  return readFileSync((await (await pending).path())!);
}

/**
 * Pixels of a PNG in the light band colours (A blue and B orange at 16% over
 * white, or where the two overlap), counted in the page.
 */
function bandPixels(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bin], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const { data } = ctx.getImageData(0, 0, bmp.width, bmp.height);
    const near = (i: number, rgb: number[]) =>
      Math.abs(data[i] - rgb[0]) <= 6 &&
      Math.abs(data[i + 1] - rgb[1]) <= 6 &&
      Math.abs(data[i + 2] - rgb[2]) <= 6;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (near(i, [214, 232, 243]) || near(i, [250, 230, 214])) n++;
    }
    return n;
  }, png.toString('base64'));
}

async function chooseTenAndWait(page: Page): Promise<void> {
  await page.check(runsRadio(10));
  await page.waitForSelector('.runs-note[data-band-state="current"]', { timeout: 30_000 });
}

describe('many runs per scenario', () => {
  it('choosing 10 runs draws median lines and p10–p90 bands in every chart, and medians and ranges in the indicators', async () => {
    const { page, errors } = await open();
    expect(await batchWorkers(page)).toEqual({ made: 0, alive: 0 }); // none at 1 run
    const single = await chartRoles(page);
    expect(single.every((c) => c.bands === 'none')).toBe(true);

    await chooseTenAndWait(page);
    expect(page.url()).toMatch(/[?&]runs=10(&|$)/);
    const charts = await chartRoles(page);
    for (const c of charts) {
      expect(c.bands, c.chart).toBe('current');
      if (c.chart === 'burden') {
        expect(c.roles, c.chart).toEqual({ whiskers: 2 });
      } else if (c.chart === 'settled') {
        // One stack per outcome, of the means over the runs.
        expect(c.roles, c.chart).toEqual({ single: 4 });
      } else {
        // 4 tiers × A and B: a p10 and a p90 (filled) edge and a median each; no single runs left.
        expect(c.roles, c.chart).toEqual({ p10: 8, p90: 8, median: 8 });
      }
    }
    const kpi = await indicators(page);
    for (const [name, cells] of Object.entries(kpi)) {
      for (const cell of cells) expect(cell, name).toMatch(/p10–p90: .+ to .+/);
    }
    expect(await page.locator('[data-indicators-runs="10"]').count()).toBe(1);

    // B − A: the median and band of the run-by-run difference.
    await page.check('input[type="radio"][value="diff"]');
    const diff = await chartRoles(page);
    expect(diff.find((c) => c.chart === 'wage')!.roles).toEqual({ p10: 4, p90: 4, median: 4 });
    expect(diff.find((c) => c.chart === 'burden')!.roles).toEqual({ whiskers: 1 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows runs done, and Cancel stops every batch worker at once and keeps the results on screen', async () => {
    const { page, errors } = await open('?v=3&runs=10');
    await page.waitForSelector('.runs-note[data-band-state="current"]', { timeout: 30_000 });
    const kpiBefore = await indicators(page);
    const chartsBefore = await drawn(page);

    await page.check(runsRadio(100));
    const done = await waitForRunsDone(page, 1);
    expect(done).toBeGreaterThan(0);
    const text = await page.locator(`${progress} .count`).textContent();
    expect(text).toMatch(/^\d+ of 200 runs/);
    const running = await batchWorkers(page);
    expect(running.alive).toBeGreaterThan(0);

    // Cancel while runs are still going (checked in the same task as the click).
    const atCancel = await actDuringBatch(page, 'cancel');
    expect(atCancel.done).toBeLessThan(atCancel.total);
    expect(atCancel.aliveBefore).toBeGreaterThan(0);
    expect(await page.locator(progress).count()).toBe(0);
    // Every batch worker was terminated at once, and none is started again.
    expect(atCancel.aliveAfter).toBe(0);
    expect((await batchWorkers(page)).alive).toBe(0);
    await page.waitForTimeout(500);
    expect(await batchWorkers(page)).toEqual({ made: running.made, alive: 0 });
    // The bands of 10 runs (same inputs) stay, as they were.
    expect(await indicators(page)).toEqual(kpiBefore);
    expect(await drawn(page)).toEqual(chartsBefore);
    expect(await bandState(page)).toBe('current');
    expect(await page.locator('.runs-bar .runs-note').textContent()).toMatch(
      /Runs cancelled; the bands of 10 runs per scenario stay/,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('editing a lever during a batch cancels it at once and runs the new inputs', async () => {
    const { page, errors } = await open('?v=3&runs=10');
    await page.waitForSelector('.runs-note[data-band-state="current"]', { timeout: 30_000 });
    const before = await chartRoles(page);
    await page.check(runsRadio(100));
    await waitForRunsDone(page, 1);
    const running = await batchWorkers(page);
    expect(running.alive).toBeGreaterThan(0);

    // Type a new cost-down for A while runs are still going (checked in the same task).
    const atEdit = await actDuringBatch(page, 'edit');
    expect(atEdit.done).toBeLessThan(atEdit.total);
    expect(atEdit.aliveBefore).toBeGreaterThan(0);
    // At once: the old batch's workers are all gone, the count starts again from 0.
    expect(atEdit.aliveAfter).toBe(0);
    expect(await page.locator(`${progress} .count`).textContent()).toMatch(/^0 of 200 runs/);
    // The bands of 10 runs now belong to earlier inputs and say so.
    expect(await bandState(page)).toBe('earlier');
    const marked = await chartRoles(page);
    expect(marked.find((c) => c.chart === 'wage')!.bands).toBe('earlier');
    expect(marked.find((c) => c.chart === 'wage')!.roles).toMatchObject({ single: 8 });
    expect(before.find((c) => c.chart === 'wage')!.roles.single).toBeUndefined();
    // Then a new batch for the new inputs, on fresh workers.
    await waitForRunsDone(page, 1);
    const again = await batchWorkers(page);
    expect(again.made).toBeGreaterThan(running.made);
    expect(again.alive).toBeGreaterThan(0);
    await page.locator(`${progress} button`).click();
    expect((await batchWorkers(page)).alive).toBe(0);
    expect(await bandState(page)).toBe('earlier');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exports: the CSV has p10, median and p90 columns with units, and the PNG draws the bands', async () => {
    const { page, errors } = await open();
    const singlePng = await download(page, 'wage', 'png-720p');
    await chooseTenAndWait(page);
    const csv = parseCsv((await download(page, 'wage', 'csv')).toString('utf8'));
    const header = csv[0];
    expect(header).toHaveLength(1 + 2 * 4 * 3);
    for (const stat of ['p10', 'median (p50)', 'p90']) {
      expect(header).toContain(`A: Tier 0 (final goods), ${stat} (¥m per worker/year)`);
      expect(header).toContain(`B: Tier 3 (deepest), ${stat} (¥m per worker/year)`);
    }
    // Each row: p10 <= median <= p90.
    const col = (name: string) => header.indexOf(`B: Tier 1, ${name} (¥m per worker/year)`);
    for (const row of csv.slice(1)) {
      const [lo, mid, hi] = [col('p10'), col('median (p50)'), col('p90')].map((i) =>
        Number(row[i]),
      );
      expect(lo).toBeLessThanOrEqual(mid);
      expect(mid).toBeLessThanOrEqual(hi);
    }
    const burden = parseCsv((await download(page, 'burden', 'csv')).toString('utf8'))[0];
    expect(burden.slice(1).map((h) => h.replace(/ \(¥.*$/, ''))).toEqual([
      'A, median (p50)',
      'A, p10',
      'A, p90',
      'B, median (p50)',
      'B, p10',
      'B, p90',
    ]);
    const png = await download(page, 'wage', 'png-720p');
    const withBands = await bandPixels(page, png);
    const without = await bandPixels(page, singlePng);
    expect(withBands).toBeGreaterThan(2000);
    expect(withBands).toBeGreaterThan(20 * Math.max(1, without));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in Japanese: the runs control, the band note and "within noise" have no English sentence', async () => {
    const { page, errors } = await open('?v=3&lang=ja&runs=10', 'ja-JP');
    await page.waitForSelector('.runs-note[data-band-state="current"]', { timeout: 30_000 });
    const bar = (await page.locator('.runs-bar').textContent())!;
    expect(bar).toContain('シナリオごとの実行回数');
    expect(bar).toContain('各シナリオ10回の実行の中央値');
    expect(bar).not.toMatch(/\b(runs|Median|seeds)\b/);
    const noise = page.locator('[data-noise="within"] .noise');
    // The default presets' firms surviving differ by less than the noise at 10 runs.
    expect(await page.locator('[data-kpi="surviving"] [data-noise="within"]').count()).toBe(1);
    expect(await noise.first().textContent()).toBe('誤差の範囲内');
    expect(await page.locator('[data-kpi] .range').first().textContent()).toMatch(/^p10–p90：.+〜/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
