/**
 * Names on the projector, in headless Chromium against the built app:
 * presenter mode shows A's and B's names (and "modified") on every chart, and
 * a preset switch is announced on screen (a notice that fades) and to screen
 * readers, in English and Japanese.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { chromiumForFile } from './fixtures.ts';
import { updates, waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

async function open(locale = 'en-US'): Promise<{ page: Page; errors: string[] }> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 720 }, locale });
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

/** The names shown on the chart on screen (the one visible figure). */
function namesOnScreen(page: Page): Promise<{ chart: string; names: string[] }[]> {
  return page.$$eval('figure[data-chart]', (fs) =>
    fs
      .filter((f) => (f as HTMLElement).offsetWidth > 0)
      .map((f) => ({
        chart: (f as HTMLElement).dataset.chart!,
        names: [...f.querySelectorAll('[data-names] .name')].map(
          (n) => n.textContent?.trim() ?? '',
        ),
      })),
  );
}

async function modifyA(page: Page, value: string) {
  const n = await updates(page, 'A');
  const input = page.locator('input[data-scenario="A"][data-field="policy.costDown"]');
  await input.fill(value);
  await input.press('Enter');
  await waitForUpdate(page, 'A', n);
  await input.blur();
}

describe('names on the projector', () => {
  it('shows A’s and B’s names on every chart, with "modified", only when presenting', async () => {
    const { page, errors } = await open();
    expect(await page.locator('[data-names]').count()).toBe(0);
    await modifyA(page, '0');
    await page.locator('body').press('p');
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      const [shown] = await namesOnScreen(page);
      seen.push(shown.chart);
      expect(shown.names, shown.chart).toEqual([
        'A: Large-firm-led model, modified',
        'B: Layered value chain',
      ]);
      // Large enough for the back of a room.
      const size = await page
        .locator(`figure[data-chart="${shown.chart}"] [data-names]`)
        .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      expect(size).toBeGreaterThanOrEqual(20);
      await page.locator('body').press('ArrowRight');
    }
    expect(new Set(seen).size).toBe(6);
    // In view at 1280x720, above the plot.
    const box = (await page.locator('figure:not([hidden]) [data-names]').boundingBox())!;
    expect(box.y).toBeGreaterThan(0);
    expect(box.y + box.height).toBeLessThan(720);
    await page.locator('body').press('p');
    expect(await page.locator('[data-names]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('announces a preset switch on screen and to screen readers; the names follow', async () => {
    const { page, errors } = await open();
    const body = page.locator('body');
    await body.press('p');
    const toast = page.locator('.preset-toast');
    expect(await toast.count()).toBe(0);
    const n = await updates(page, 'B');
    await body.press('b');
    await waitForUpdate(page, 'B', n);
    await toast.waitFor({ state: 'visible' });
    expect(await toast.textContent()).toContain('Scenario B is now Japan 2024 baseline');
    expect(await page.textContent('[role="status"]:has-text("Scenario B is now")')).toBe(
      'Scenario B is now Japan 2024 baseline',
    );
    const [shown] = await namesOnScreen(page);
    expect(shown.names).toEqual(['A: Large-firm-led model', 'B: Japan 2024 baseline']);
    // The notice is large, in view, and fades away by itself.
    const size = await toast.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
    await toast.waitFor({ state: 'detached', timeout: 6000 });

    // A switch from the list (controls shown) is announced as well; outside presenter mode, none.
    await body.press('c');
    await page.selectOption('#preset-A', 'japan-2000s');
    await toast.waitFor({ state: 'visible' });
    expect(await toast.textContent()).toContain('Scenario A is now Japan in the 2000s');
    await body.press('p');
    await toast.waitFor({ state: 'detached', timeout: 6000 });
    await page.selectOption('#preset-A', 'layered');
    await page.waitForTimeout(300);
    expect(await toast.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no serious accessibility finding with a modified scenario, on the page and presenting', async () => {
    const context = await browser().newContext({
      viewport: { width: 1280, height: 720 },
      locale: 'en-US',
    });
    const page = await context.newPage();
    await page.goto(url);
    await waitForUpdate(page, 'A', 0);
    await waitForUpdate(page, 'B', 0);
    await modifyA(page, '0');
    await page.waitForSelector('tr.vs-start td.a:has-text("vs start")');
    const serious = async () =>
      (await new AxeBuilder({ page }).analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(await serious()).toEqual([]);
    await page.locator('body').press('p');
    await page.locator('body').press('b');
    await page.locator('.preset-toast').waitFor({ state: 'visible' });
    expect(await serious()).toEqual([]);
    await context.close();
  });

  it('names the scenarios in Japanese', async () => {
    const { page } = await open('ja-JP');
    await modifyA(page, '0');
    await page.locator('body').press('p');
    const [shown] = await namesOnScreen(page);
    expect(shown.names).toEqual([
      'A：大企業牽引モデル（変更あり）',
      'B：複層化したバリューチェーン',
    ]);
    await page.locator('body').press('Shift+B');
    const toast = page.locator('.preset-toast');
    await toast.waitFor({ state: 'visible' });
    expect(await toast.textContent()).toContain('シナリオBを「大企業牽引モデル」に切り替えました');
    await page.close();
  });
});
