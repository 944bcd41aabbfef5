/**
 * Keyboard (issue 11, item 8) in the built app: the shortcuts keep working
 * after a click on a slider, a radio button or a list (only text entry takes
 * the keys); in presenter mode the first Tab reaches the chart's own
 * controls, and an arrow key on a focused radio button moves the radio
 * button only (no chart switch, no batch started by the chart key); after an
 * export the focus is back on the menu's button.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumForFile } from './fixtures.ts';
import { waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

async function open(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser().newPage({
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    acceptDownloads: true,
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await waitForUpdate(page, 'A', 0);
  await waitForUpdate(page, 'B', 0);
  return { page, errors };
}

const presenting = (page: Page) =>
  page.evaluate(() => document.documentElement.classList.contains('presenter'));

/** The chart on screen in presenter mode. */
const shownChart = (page: Page) =>
  page.$$eval('figure[data-chart]', (fs) =>
    fs
      .filter((f) => (f as HTMLElement).offsetWidth > 0)
      .map((f) => (f as HTMLElement).dataset.chart),
  );

describe('keyboard', () => {
  it('shortcuts keep working after a click on a slider, a radio button or a list; not in a text field', async () => {
    const { page, errors } = await open();
    const targets = [
      'input[type="range"][data-scenario="A"][data-path="policy.costDown"]',
      '.charts input[type="radio"][value="diff"]',
      'select',
    ];
    for (const target of targets) {
      const el = page.locator(target).first();
      if (target === 'select') await el.focus();
      else await el.click();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toMatch(/INPUT|SELECT/);
      await page.keyboard.press('p');
      expect(await presenting(page), target).toBe(true);
      await page.keyboard.press('p');
      expect(await presenting(page), target).toBe(false);
    }
    // Typing text: the key is a letter of the text.
    const text = page.locator('input[data-scenario="A"][data-field="policy.costDown"]');
    await text.click();
    await page.keyboard.press('p');
    expect(await presenting(page)).toBe(false);
    expect(await text.inputValue()).toMatch(/p$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in presenter mode Tab reaches the chart first, and arrows on a radio button do not switch charts', async () => {
    const { page, errors } = await open();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('p');
    expect(await presenting(page)).toBe(true);
    const [chart] = await shownChart(page);
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(
      (id) => !!document.activeElement?.closest(`figure[data-chart="${id}"]`),
      chart,
    );
    expect(inside).toBe(true);

    // A focused radio button (the runs per scenario) takes the arrow key alone.
    await page.locator('input[name="runs"][value="1"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await shownChart(page)).toEqual([chart]);
    expect(await page.isChecked('input[name="runs"][value="10"]')).toBe(true);
    // Elsewhere the arrow key still switches charts.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('1');
    await page.keyboard.press('ArrowRight');
    expect(await shownChart(page)).not.toEqual([chart]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('after an export the focus is back on the menu button', async () => {
    const { page, errors } = await open();
    const menu = page.locator('figure[data-chart="wage"] summary').first();
    await menu.focus();
    await page.keyboard.press('Enter');
    const csv = page.locator('figure[data-chart="wage"] [data-export="csv"]');
    await csv.focus();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Enter'),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const focused = await page.evaluate(() => {
      const a = document.activeElement;
      return a?.tagName === 'SUMMARY' && !!a.closest('figure[data-chart="wage"]');
    });
    expect(focused).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
