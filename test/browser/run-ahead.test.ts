/**
 * Keyboard steps of a slider come from results run ahead (SimBridge.prefetch,
 * src/app/controls/LeverInput.svelte): once the slider has focus, its next
 * values run in the worker, and a step to one of them is drawn without a run
 * of its own, with the same charts as a fresh page opened at that link. A
 * slider moved with the pointer asks for nothing ahead. Behaviour only:
 * nothing here is timed.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FAULTS, kill } from './faults.ts';
import { chromiumForFile } from './fixtures.ts';
import { drawn, onScreenCurrent, updates, waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();
const slider = 'input[type="range"][data-scenario="A"][data-path="policy.costDown"]';

/** Runs of scenario A ahead of the user's inputs. */
const aheadRuns = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      performance
        .getEntriesByName('run:A', 'measure')
        .filter((m) => (m as PerformanceMeasure).detail.ahead).length,
  );

/** Whether A's last drawn result came from the bridge's cache (no run of its own). */
const lastFromCache = (page: Page): Promise<boolean> =>
  page.evaluate(() => {
    const all = performance.getEntriesByName('update:A', 'measure');
    return (all[all.length - 1] as PerformanceMeasure).detail.cached === true;
  });

async function open(address: string, faults = false): Promise<Page> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
  if (faults) await page.addInitScript(FAULTS);
  await page.goto(address);
  await waitForUpdate(page, 'A', 0);
  await waitForUpdate(page, 'B', 0);
  return page;
}

/** The page's own link, opened fresh, runs its inputs itself: the same charts as `page` shows. */
async function expectSameAsFresh(page: Page): Promise<void> {
  await expect.poll(() => onScreenCurrent(page)).toBe(true);
  await expect.poll(() => page.url()).toContain('costDown');
  const fresh = await open(page.url());
  await expect.poll(() => onScreenCurrent(fresh)).toBe(true);
  expect(await drawn(fresh)).toEqual(await drawn(page));
  await fresh.close();
}

describe('a slider stepped with the keyboard', () => {
  it('draws the next step from a result run ahead, the same as a fresh run of that link', async () => {
    const page = await open(url);
    const before = await aheadRuns(page);
    await page.focus(slider);
    // The next values (two up, one down) run ahead: 0.035 and 0.04 are the next two steps,
    // and 0.035 again the step back.
    await expect
      .poll(() => aheadRuns(page), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(before + 3);
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowLeft']) {
      const n = await updates(page, 'A');
      await page.keyboard.press(key);
      await waitForUpdate(page, 'A', n);
      expect(await lastFromCache(page)).toBe(true);
    }
    expect(await page.locator(slider).inputValue()).toBe('0.035');
    await expectSameAsFresh(page);
    await page.close();
  });

  it('asks for nothing ahead when moved with the pointer', async () => {
    const page = await open(url);
    const before = await aheadRuns(page);
    const box = (await page.locator(slider).boundingBox())!;
    const n = await updates(page, 'A');
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height / 2);
    await waitForUpdate(page, 'A', n);
    expect(await lastFromCache(page)).toBe(false);
    await page.waitForTimeout(500);
    expect(await aheadRuns(page)).toBe(before);
    await page.close();
  });

  it('a worker lost while running ahead: the next step is run afresh and drawn right', async () => {
    const page = await open(url, true);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.focus(slider);
    // The focus sent the next values to run ahead: the worker crashes while it runs them.
    expect(await kill(page, 'simulation A', 'crash')).toBe(true);
    const n = await updates(page, 'A');
    await page.keyboard.press('ArrowRight');
    await waitForUpdate(page, 'A', n, 30_000);
    expect(await page.locator(slider).inputValue()).toBe('0.035');
    await expectSameAsFresh(page);
    expect(errors).toEqual([]);
    await page.close();
  });
});
