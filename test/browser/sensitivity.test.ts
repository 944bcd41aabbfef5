/**
 * The sensitivity page in headless Chromium, against the built app: the
 * tornado (one bar per lever, sorted by swing, the engine's medians), a
 * small heat map (cells and CSV values equal to the engine's sweep computed
 * here in Node), Cancel (stops at once, the previous chart stays), invalid
 * settings (a message, in English and Japanese, and nothing runs), the
 * PNG export, and the settings in the link (opened from it, kept in the
 * address while edited, damaged ones named). One run per point keeps it quick.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  axisValues,
  computeTornado,
  jobs,
  planSweep,
  planTornado,
  runJobs,
  sweepGrid,
  SENSITIVITY_LEVERS,
} from '../../src/engine/batch.ts';
import { PARAM_BY_PATH, presetScenario } from '../../src/engine/index.ts';
import { parseCsv } from '../../src/export/csv.ts';
import type { SensSettings } from '../../src/share/sensitivity.ts';
import { checkCode, decodeState, defaultState, encodeState } from '../../src/share/urlState.ts';
import { chromiumForFile } from './fixtures.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

interface Opened {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** Opens the page with one run per point and a `steps`×`steps` heat map. */
async function open(steps = 3): Promise<Opened> {
  const context = await browser().newContext({
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    locale: 'en-US',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${url}#sensitivity`);
  await page.fill('[data-sens="runs"]', '1');
  for (const k of [0, 1]) await page.fill(`${axis(k)} [data-sens="steps"]`, String(steps));
  return { context, page, errors };
}

const axis = (k: number) => `[data-sens-axis="${k}"]`;
const TORNADO = '[data-sens-chart="tornado"]';
const HEATMAP = '[data-sens-chart="heatmap"]';

async function waitDone(page: Page, chart: string, timeout = 60_000): Promise<void> {
  await page.waitForSelector(`${chart}[data-state="done"]`, { timeout });
}

/** The data the chart's Chart.js instance holds. */
function chartData(page: Page, chart: string) {
  return page.$eval(`${chart} canvas`, (c) => {
    const ch = (
      c as unknown as { chart: { data: { labels?: unknown[]; datasets: { data: unknown[] }[] } } }
    ).chart;
    return JSON.parse(
      JSON.stringify({ labels: ch.data.labels, data: ch.data.datasets.map((d) => d.data) }),
    ) as {
      labels: unknown[];
      data: unknown[][];
    };
  });
}

async function download(page: Page, chart: string, item: string) {
  await page.click(`${chart} details.menu summary`);
  const pending = page.waitForEvent('download');
  await page.click(`${chart} button[data-export="${item}"]`);
  const d = await pending;
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

const base = presetScenario('large-firm-led');

describe('the sensitivity page', () => {
  it('computes a tornado with one bar per lever, sorted by swing, with the engine’s medians', async () => {
    const { context, page, errors } = await open();
    await waitDone(page, TORNADO);
    const plan = planTornado(base, 1);
    const expected = computeTornado(plan, runJobs(jobs(plan)), 'deepestWageGrowth');
    const paths = (await page.getAttribute(TORNADO, 'data-paths'))!.split(',');
    expect(paths).toEqual(expected.bars.map((b) => b.path));
    const { labels, data } = await chartData(page, TORNADO);
    expect(labels).toHaveLength(expected.bars.length);
    // The lever that moves the indicator most, named (which one is the engine's finding).
    expect((labels[0] as string[])[0]).toBe(PARAM_BY_PATH.get(expected.bars[0].path)!.label);
    const [low, high] = data as [number, number][][];
    const swings = low.map((l, i) => Math.abs(high[i][1] - l[1]));
    for (let i = 1; i < swings.length; i++) expect(swings[i]).toBeLessThanOrEqual(swings[i - 1]);
    expected.bars.forEach((b, i) => {
      expect(low[i][0]).toBeCloseTo(expected.base * 100, 9);
      expect(low[i][1]).toBeCloseTo(b.atLow * 100, 9);
      expect(high[i][1]).toBeCloseTo(b.atHigh * 100, 9);
    });
    expect(await page.textContent(`${TORNADO} .note`)).toMatch(/scenario A/);

    // Starting from B: computed again from B's inputs.
    await page.check('input[data-sens="scenario"][value="B"]');
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent?.includes('scenario B'),
      `${TORNADO} .note`,
    );
    await waitDone(page, TORNADO);
    const planB = planTornado(presetScenario('layered'), 1);
    const fromB = computeTornado(planB, runJobs(jobs(planB)), 'deepestWageGrowth');
    const [lowB] = (await chartData(page, TORNADO)).data as [number, number][][];
    expect(lowB[0][0]).toBeCloseTo(fromB.base * 100, 9);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('computes a 3×3 heat map whose cells and CSV equal the engine’s sweep', async () => {
    const { context, page, errors } = await open(3);
    await waitDone(page, HEATMAP);
    const { data } = await chartData(page, HEATMAP);
    expect(data[0]).toHaveLength(9);
    const axes = [
      { path: 'policy.costDown', values: axisValues('policy.costDown', 0, 0.05, 3) },
      { path: 'policy.passThroughFloor', values: axisValues('policy.passThroughFloor', 0, 1, 3) },
    ];
    const plan = planSweep(base, axes, 1);
    const grid = sweepGrid(plan, runJobs(jobs(plan)), 'deepestWageGrowth');
    const cell = (data[0] as { x: number; y: number; v: number }[]).find(
      (c) => c.x === 2 && c.y === 1,
    )!;
    expect(cell.v).toBeCloseTo(grid[2][1] * 100, 9);

    const { name, bytes } = await download(page, HEATMAP, 'csv');
    expect(name).toBe('sensitivity-heatmap.csv');
    const rows = parseCsv(bytes.toString('utf8'));
    expect(rows[0]).toEqual([
      'Cost-down demand (share/year)',
      'Pass-through floor (share)',
      'Wage growth, deepest tier (share/year)',
      'Runs per point',
    ]);
    expect(rows.slice(1)).toHaveLength(9);
    for (const [x, y, v, runs] of rows.slice(1)) {
      const i = axes[0].values.indexOf(Number(x));
      const j = axes[1].values.indexOf(Number(y));
      // Exact to the last bits or so: Chromium's and Node's maths functions may differ there.
      expect(Number(v)).toBeCloseTo(grid[i][j], 14);
      expect(runs).toBe('1');
    }
    // The same values in the table for screen readers (rounded).
    await page.click(`${HEATMAP} details.table summary`);
    expect(await page.locator(`${HEATMAP} table td`).count()).toBe(9);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Cancel stops the work at once and keeps the previous charts', async () => {
    const { context, page, errors } = await open(3);
    await waitDone(page, TORNADO);
    await waitDone(page, HEATMAP);
    const tornado = await chartData(page, TORNADO);
    const before = await chartData(page, HEATMAP);
    // A big grid (20 × 20 points): only the heat map is computed again.
    for (const k of [0, 1]) await page.fill(`${axis(k)} [data-sens="steps"]`, '20');
    const bar = page.locator('[data-testid="batch-progress"]');
    await bar.waitFor({ timeout: 10_000 });
    await page.waitForFunction(() => {
      const p = document.querySelector('[data-testid="batch-progress"] progress');
      return p instanceof HTMLProgressElement && p.max === 400;
    });
    expect(await bar.locator('progress').getAttribute('aria-label')).toBe(
      'Progress of the heat map',
    );
    const t0 = Date.now();
    await bar.getByRole('button', { name: 'Cancel' }).click();
    await bar.waitFor({ state: 'detached', timeout: 2_000 });
    expect(Date.now() - t0).toBeLessThan(2_000);
    await page.waitForSelector('[data-sens-status="stopped"]');
    expect(await page.getAttribute(HEATMAP, 'data-state')).toBe('outdated');
    // Nothing starts again until asked, and the charts are those finished before.
    await page.waitForTimeout(600);
    expect(await bar.count()).toBe(0);
    expect(await chartData(page, HEATMAP)).toEqual(before);
    expect(await chartData(page, TORNADO)).toEqual(tornado);
    expect(await page.textContent(`${HEATMAP} [data-sens-outdated]`)).toBe(
      'Shown for earlier settings.',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an invalid setting shows what is wrong, in English and Japanese, and nothing runs', async () => {
    const { context, page, errors } = await open(3);
    await waitDone(page, HEATMAP);
    await page.selectOption(`${axis(1)} [data-sens="path"]`, 'policy.costDown');
    const message = page.locator('[data-sens-error="heatmap"]');
    await expect
      .poll(() => message.textContent())
      .toMatch(/Both axes are Cost-down demand: choose two different parameters\./);
    await page.waitForTimeout(500);
    expect(await page.locator('[data-testid="batch-progress"]').count()).toBe(0);
    expect(await page.textContent(`${HEATMAP} [data-sens-outdated]`)).toBe(
      'Shown for earlier settings.',
    );
    // Back to two parameters, an end out of range.
    await page.selectOption(`${axis(1)} [data-sens="path"]`, 'policy.passThroughFloor');
    await page.fill(`${axis(1)} [data-sens="to"]`, '150'); // percent
    await page.press(`${axis(1)} [data-sens="to"]`, 'Tab');
    await expect
      .poll(() => message.textContent())
      .toMatch(/Pass-through floor: 150% is outside the range it can take, 0% to 100%\./);
    await page.fill('[data-sens="runs"]', '0');
    const runs = page.locator('[data-sens-error="runs"]');
    await expect.poll(() => runs.textContent()).toMatch(/from 1 to 20; it is 0/);
    await page.click('button[data-lang="ja"]');
    await expect.poll(() => runs.textContent()).toMatch(/1点あたりの実行回数は1～20の整数/);
    await page.fill('[data-sens="runs"]', '1');
    await expect
      .poll(() => message.textContent())
      .toMatch(/「価格転嫁の下限」：150%は取りうる範囲（0%～100%）の外です/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports the tornado as a 1280×720 PNG at twice the pixels, and its data as CSV', async () => {
    const { context, page, errors } = await open();
    await waitDone(page, TORNADO);
    const { name, bytes } = await download(page, TORNADO, 'png-720p');
    expect(name).toBe('sensitivity-tornado-1280x720.png');
    expect(bytes.readUInt32BE(16)).toBe(2560);
    expect(bytes.readUInt32BE(20)).toBe(1440);
    const csv = parseCsv((await download(page, TORNADO, 'csv')).bytes.toString('utf8'));
    // A header, then a row per lever.
    expect(csv).toHaveLength(1 + SENSITIVITY_LEVERS.length);
    expect(csv[0].slice(0, 4)).toEqual(['Lever', 'Parameter', 'Low value', 'High value']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a link with the page’s settings opens the page with them; edits go to the address', async () => {
    const sens: SensSettings = {
      scenario: 'B',
      indicator: 'wageGap',
      runs: 1,
      axes: [
        { path: 'policy.subsidy', from: 0, to: 0.3, steps: 2 },
        { path: 'firms.entryRate', from: 0, to: 0.1, steps: 2 },
      ],
    };
    const link = `${url}?${encodeState({ ...defaultState(), view: 'sensitivity', sens })}`;
    expect(link).toContain('sens.from=B&sens.indicator=wageGap&sens.runs=1&sens.x=');
    const context = await browser().newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
      locale: 'en-US',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(link);
    await page.waitForSelector('[data-sens-page]', { state: 'visible' });
    expect(await page.isChecked('input[data-sens="scenario"][value="B"]')).toBe(true);
    expect(await page.inputValue('[data-sens="indicator"]')).toBe('wageGap');
    expect(await page.inputValue('[data-sens="runs"]')).toBe('1');
    const fields = (k: number) =>
      Promise.all(
        ['path', 'from', 'to', 'steps'].map((f) =>
          page.inputValue(`${axis(k)} [data-sens="${f}"]`),
        ),
      );
    // Shares in percent, as the levers' fields show them.
    expect(await fields(0)).toEqual(['policy.subsidy', '0', '30', '2']);
    expect(await fields(1)).toEqual(['firms.entryRate', '0', '10', '2']);
    expect(await page.locator('[data-link-issues]').count()).toBe(0);

    // Computed with them: the 2×2 heat map of B's inputs, for the wage gap.
    await waitDone(page, HEATMAP);
    const plan = planSweep(
      presetScenario('layered'),
      sens.axes.map((a) => ({ path: a.path, values: axisValues(a.path, a.from, a.to, a.steps) })),
      1,
    );
    const grid = sweepGrid(plan, runJobs(jobs(plan)), 'wageGap');
    const rows = parseCsv((await download(page, HEATMAP, 'csv')).bytes.toString('utf8'));
    expect(rows[0][2]).toMatch(/^Wage gap/);
    expect(rows.slice(1)).toHaveLength(4);
    for (const [x, y, v] of rows.slice(1)) {
      const i = plan.axes![0].values.indexOf(Number(x));
      const j = plan.axes![1].values.indexOf(Number(y));
      expect(Number(v)).toBeCloseTo(grid[i][j], 12);
    }

    // Edits go to the address, which stays a valid link of the whole state.
    await page.selectOption('[data-sens="indicator"]', 'smeInvestmentRate');
    await expect.poll(() => page.url()).toContain('sens.indicator=smeInvestmentRate');
    await page.fill(`${axis(1)} [data-sens="steps"]`, '3');
    await expect.poll(() => page.url()).toContain('sens.y=firms.entryRate:0:0.1:3');
    await page.check('input[data-sens="scenario"][value="A"]');
    await expect.poll(() => page.url()).not.toContain('sens.from=');
    const now = decodeState(page.url());
    expect(now.warnings).toEqual([]);
    expect(now.state.view).toBe('sensitivity');
    expect(now.state.sens).toEqual({
      ...sens,
      scenario: 'A',
      indicator: 'smeInvestmentRate',
      axes: [sens.axes[0], { ...sens.axes[1], steps: 3 }],
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('damaged settings in a link are named, in English and Japanese, and left at their defaults', async () => {
    const query =
      'v=3&view=sensitivity&sens.indicator=wages&sens.runs=1&sens.x=policy.costDown:0:0.05:2' +
      '&sens.y=policy.magic:0:1:2';
    const context = await browser().newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${url}?${query}&c=${checkCode(new URLSearchParams(query))}`);
    await page.waitForSelector('[data-sens-page]', { state: 'visible' });
    const notice = page.locator('[data-link-issues] li');
    expect(await notice.evaluateAll((li) => li.map((l) => l.getAttribute('data-issue')))).toEqual([
      'badOption',
      'axisParameter',
    ]);
    expect(await notice.nth(0).textContent()).toMatch(/^sens\.indicator = "wages" ignored/);
    expect(await notice.nth(1).textContent()).toBe(
      'sens.y = "policy.magic:0:1:2" ignored ("policy.magic" is not a parameter).',
    );
    // The damaged settings at their defaults, the others as the link says.
    expect(await page.inputValue('[data-sens="indicator"]')).toBe('deepestWageGrowth');
    expect(await page.inputValue(`${axis(1)} [data-sens="path"]`)).toBe('policy.passThroughFloor');
    expect(await page.inputValue('[data-sens="runs"]')).toBe('1');
    expect(await page.inputValue(`${axis(0)} [data-sens="steps"]`)).toBe('2');
    await page.click('button[data-lang="ja"]');
    await expect
      .poll(() => notice.nth(1).textContent())
      .toBe(
        'sens.y = 「policy.magic:0:1:2」を無視しました（「policy.magic」というパラメータはありません）。',
      );
    await context.close();
  });
});
