/**
 * Charts are drawn only on screen: after the last edit every chart on screen
 * has drawn the current data, a chart off screen draws them once scrolled
 * into view (or before the page is printed), the presenter's and a
 * full-screen chart are current, and an export of a chart never scrolled
 * into view has the current data.
 * Behaviour only: nothing here is timed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseCsv } from '../../src/export/csv.ts';
import { chromiumForFile } from './fixtures.ts';
import { drawStates, onScreenCurrent, updates, waitForUpdate, type DrawState } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

async function open(): Promise<{ page: Page; errors: string[] }> {
  // Tall enough that the first charts are on screen after an edit (which adds lines above them).
  const page = await browser().newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await waitForUpdate(page, 'A', 0);
  await waitForUpdate(page, 'B', 0);
  await expect.poll(() => onScreenCurrent(page)).toBe(true);
  return { page, errors };
}

const byChart = (states: DrawState[]) => Object.fromEntries(states.map((s) => [s.chart, s]));

/** Three quick steps of A's cost-down slider (keyboard); resolves once the last one is in. */
async function editA(page: Page): Promise<void> {
  const slider = page.locator(
    'input[type="range"][data-scenario="A"][data-path="policy.costDown"]',
  );
  // Focus without scrolling the page: the charts on screen stay those on screen.
  await slider.evaluate((el) => (el as HTMLElement).focus({ preventScroll: true }));
  const value = () => slider.inputValue();
  const v0 = await value();
  const n0 = await updates(page, 'A');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  const v3 = await value();
  expect(v3).not.toBe(v0);
  // The newest inputs have run once A has drawn a result and then no more for a while.
  await waitForUpdate(page, 'A', n0);
  for (let n = -1; n !== (await updates(page, 'A'));) {
    n = await updates(page, 'A');
    await page.waitForTimeout(500);
  }
}

/** The charts below the viewport's bottom, well beyond the margin drawn ahead. */
async function offScreen(page: Page): Promise<string[]> {
  return page.$$eval('figure[data-chart]', (fs) =>
    fs
      .filter((f) => f.getBoundingClientRect().top > innerHeight + 200)
      .map((f) => (f as HTMLElement).dataset.chart!),
  );
}

describe('drawing only what is on screen', () => {
  it('after the last edit every chart on screen is current; one off screen catches up when scrolled into view', async () => {
    const { page, errors } = await open();
    const below = await offScreen(page);
    expect(below.length).toBeGreaterThan(0);
    const target = below[below.length - 1];
    const before = byChart(await drawStates(page));
    const n = await updates(page, 'A');
    await editA(page);
    expect(await updates(page, 'A')).toBeGreaterThan(n);

    await expect.poll(() => onScreenCurrent(page)).toBe(true);
    const after = byChart(await drawStates(page));
    for (const s of Object.values(after)) {
      // Every chart holds A's new data at once (exports and tooltips read them)...
      expect(s.held.split(' ')[0], s.chart).not.toBe(before[s.chart].held.split(' ')[0]);
      expect(s.held.split(' ')[1], s.chart).toBe(before[s.chart].held.split(' ')[1]);
      // ...and those on screen have drawn them.
      if (s.onScreen) expect(s.drawn, s.chart).toBe(s.held);
    }
    // The chart far below has not been drawn again: it waits for being seen.
    expect(after[target].onScreen).toBe(false);
    expect(after[target].stale).toBe(true);
    expect(after[target].drawn).toBe(before[target].drawn);

    await page.locator(`figure[data-chart="${target}"]`).scrollIntoViewIfNeeded();
    await expect
      .poll(async () => {
        const s = byChart(await drawStates(page))[target];
        return s.onScreen && !s.stale && s.drawn === s.held;
      })
      .toBe(true);
    expect(byChart(await drawStates(page))[target].held).toBe(after[target].held);
    // Its canvas has lines and axes on it, from the chart's current state.
    const drawnPoints = await page.$eval(`figure[data-chart="${target}"] canvas`, (c) => {
      const chart = (
        c as unknown as {
          chart: { data: { datasets: unknown[] }; getDatasetMeta(i: number): { data: unknown[] } };
        }
      ).chart;
      return chart.data.datasets.map((_, i) => chart.getDatasetMeta(i).data.length);
    });
    expect(Math.max(...drawnPoints)).toBeGreaterThan(0);
    expect(await onScreenCurrent(page)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws every chart before the page is printed', async () => {
    const { page, errors } = await open();
    await editA(page);
    expect((await drawStates(page)).some((s) => s.stale)).toBe(true);
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    for (const s of await drawStates(page)) {
      expect(s.stale, s.chart).toBe(false);
      expect(s.drawn, s.chart).toBe(s.held);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exports a chart never scrolled into view with the current data', async () => {
    const { page, errors } = await open();
    const before = byChart(await drawStates(page));
    await editA(page);
    // The cost-up chart, below the others: one row per bearer, one column per scenario.
    expect(await offScreen(page)).toContain('burden');
    const fig = 'figure[data-chart="burden"]';
    // The chart waits, not drawn since the edit.
    const state = byChart(await drawStates(page)).burden;
    expect(state.stale).toBe(true);
    expect(state.drawn).not.toBe(state.held);

    // Open its export menu and choose CSV without scrolling to it.
    const pending = page.waitForEvent('download');
    await page.$eval(fig, (f) => {
      (f.querySelector('details.menu') as HTMLDetailsElement).open = true;
      (f.querySelector('button[data-export="csv"]') as HTMLButtonElement).click();
    });
    const d = await pending;
    const [header, ...rows] = parseCsv(readFileSync(await d.path()).toString('utf8'));
    const held = await page.$eval(
      `${fig} canvas`,
      (c) =>
        (c as unknown as { chart: { data: { datasets: { label: string; data: number[] }[] } } })
          .chart.data.datasets,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(held.length).toBe(2);
    for (const ds of held) {
      const j = header.findIndex((h) => h.startsWith(`${ds.label} (`));
      expect(j, `${ds.label} in ${header.join(' | ')}`).toBeGreaterThan(0);
      expect(rows.map((r) => Number(r[j]))).toEqual(ds.data);
    }
    // Those are A's new data (its checksum changed with the edit).
    expect(byChart(await drawStates(page)).burden.held.split(' ')[0]).not.toBe(
      before.burden.held.split(' ')[0],
    );

    // A PNG of it too: the image is drawn from the current data, on its own canvas.
    const png = page.waitForEvent('download');
    await page.$eval(fig, (f) => {
      (f.querySelector('details.menu') as HTMLDetailsElement).open = true;
      (f.querySelector('button[data-export="png-720p"]') as HTMLButtonElement).click();
    });
    const bytes = readFileSync(await (await png).path());
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(20_000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the presenter view and a full-screen chart show the current data', async () => {
    const { page, errors } = await open();
    const body = page.locator('body');
    await editA(page);
    await body.press('p');
    // Every chart in turn, each current when shown (those off screen before included).
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      await expect.poll(() => onScreenCurrent(page)).toBe(true);
      const shown = (await drawStates(page)).filter((s) => s.onScreen);
      expect(shown).toHaveLength(1);
      seen.add(shown[0].chart);
      await body.press('ArrowRight');
    }
    expect(seen.size).toBe(6);

    // An edit while presenting (the next preset for A): the chart shown is redrawn.
    const before = (await drawStates(page)).find((s) => s.onScreen)!;
    const n = await updates(page, 'A');
    await body.press('a');
    await waitForUpdate(page, 'A', n);
    await expect.poll(() => onScreenCurrent(page)).toBe(true);
    const after = (await drawStates(page)).find((s) => s.onScreen)!;
    expect(after.chart).toBe(before.chart);
    expect(after.drawn).not.toBe(before.drawn);

    // Full screen (F), then an edit (A's preset back): the full-screen chart is current.
    await body.press('ArrowRight');
    await body.press('f');
    await expect.poll(() => page.evaluate(() => !!document.fullscreenElement)).toBe(true);
    const full = await page.evaluate(() => document.fullscreenElement!.getAttribute('data-chart'));
    const m = await updates(page, 'A');
    await body.press('Shift+A');
    await waitForUpdate(page, 'A', m);
    await expect
      .poll(async () => {
        const s = byChart(await drawStates(page))[full!];
        return s.onScreen && !s.stale && s.drawn === s.held;
      })
      .toBe(true);
    await page.evaluate(() => document.exitFullscreen());
    expect(errors).toEqual([]);
    await page.close();
  });
});
