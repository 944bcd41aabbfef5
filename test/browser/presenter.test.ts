/**
 * Presenter mode in headless Chromium, against the built app: large type and
 * thick lines, controls folded away, one chart at a time, keyboard shortcuts
 * for charts and presets (not while typing), full screen and its fallback.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumForFile } from './fixtures.ts';
import { updates, waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

async function open(init?: string): Promise<{ page: Page; errors: string[] }> {
  // The texts checked are the English ones.
  const page = await browser().newPage({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  if (init) await page.addInitScript(init);
  await page.goto(url);
  await waitForUpdate(page, 'A', 0);
  await waitForUpdate(page, 'B', 0);
  return { page, errors };
}

/** The charts on screen (figures laid out with a size). */
function visibleCharts(page: Page): Promise<string[]> {
  return page.$$eval('figure[data-chart]', (fs) =>
    fs
      .filter((f) => (f as HTMLElement).offsetWidth > 0)
      .map((f) => (f as HTMLElement).dataset.chart!),
  );
}

const px = (page: Page, selector: string, prop: 'fontSize' | 'width') =>
  page.$eval(selector, (el, prop) => parseFloat(getComputedStyle(el)[prop as 'fontSize']), prop);

/** Font size and line width the Chart.js instance of `chart` draws with. */
function chartStyle(page: Page, chart: string) {
  return page.$eval(`figure[data-chart="${chart}"] canvas`, (c) => {
    const inst = (
      c as unknown as {
        chart: {
          options: { scales: { x: { ticks: { font: { size: number } } } } };
          data: { datasets: { borderWidth: number }[] };
        };
      }
    ).chart;
    return {
      font: inst.options.scales.x.ticks.font.size,
      line: Math.max(...inst.data.datasets.map((d) => d.borderWidth)),
    };
  });
}

describe('presenter mode', () => {
  it('enlarges type and lines, folds the controls away and shows one chart; P toggles it', async () => {
    const { page, errors } = await open();
    const before = {
      title: await px(page, 'figure[data-chart="wage"] h3', 'fontSize'),
      table: await px(page, '.indicators table', 'fontSize'),
      chart: await chartStyle(page, 'wage'),
    };
    expect(await page.isVisible('aside.controls')).toBe(true);
    expect(await visibleCharts(page)).toHaveLength(6);

    await page.click('button.presenter-toggle');
    expect(await page.getAttribute('button.presenter-toggle', 'aria-pressed')).toBe('true');
    expect(await page.isVisible('aside.controls')).toBe(false);
    expect(await visibleCharts(page)).toEqual(['wage']);
    expect(await px(page, 'figure[data-chart="wage"] h3', 'fontSize')).toBeGreaterThanOrEqual(
      before.title * 1.5,
    );
    expect(await px(page, '.indicators table', 'fontSize')).toBeGreaterThan(before.table);
    const big = await chartStyle(page, 'wage');
    expect(big.font).toBeGreaterThanOrEqual(before.chart.font * 1.5);
    expect(big.line).toBeGreaterThanOrEqual(before.chart.line * 2);
    // The chart is wider than a grid cell was.
    expect(await px(page, 'figure[data-chart="wage"] canvas', 'width')).toBeGreaterThan(1000);
    // The header makes room for the presenter's buttons: no title cut to a letter, every tool in view.
    // (The title stays the page's level-one heading, for screen readers: hidden only to the eye.)
    expect(
      await page.$eval('header.top h1', (h) => h.getBoundingClientRect().width),
    ).toBeLessThanOrEqual(1);
    const header = await page.$eval('header.top', (h) => ({
      overflow: h.scrollWidth - h.clientWidth,
      outside: [...h.querySelectorAll('button, a')].filter(
        (e) => e.getBoundingClientRect().right > innerWidth,
      ).length,
    }));
    expect(header).toEqual({ overflow: 0, outside: 0 });

    // The controls can be unfolded, and folded again (button and C).
    await page.click('button.controls-toggle');
    expect(await page.isVisible('aside.controls')).toBe(true);
    await page.locator('body').press('c');
    expect(await page.isVisible('aside.controls')).toBe(false);

    // P leaves presenter mode.
    await page.locator('body').press('p');
    expect(await page.isVisible('aside.controls')).toBe(true);
    expect(await page.isVisible('header.top h1')).toBe(true);
    expect(await visibleCharts(page)).toHaveLength(6);
    expect(await px(page, 'figure[data-chart="wage"] h3', 'fontSize')).toBe(before.title);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches charts with the arrow keys and numbers, and presets with A and B', async () => {
    const { page } = await open();
    const body = page.locator('body');
    await body.press('p');
    expect(await visibleCharts(page)).toEqual(['wage']);
    await body.press('ArrowRight');
    expect(await visibleCharts(page)).toEqual(['investment']);
    expect(await page.textContent('.deck .position')).toBe('Chart 2 of 6');
    await body.press('ArrowLeft');
    await body.press('ArrowLeft');
    expect(await visibleCharts(page)).toEqual(['settled']);
    await body.press('3');
    expect(await visibleCharts(page)).toEqual(['vapw']);

    // A: the next preset for scenario A, which runs and redraws.
    const presetA = () => page.$eval('#preset-A', (s) => (s as HTMLSelectElement).value);
    const presetB = () => page.$eval('#preset-B', (s) => (s as HTMLSelectElement).value);
    const [a0, b0] = [await presetA(), await presetB()];
    const n = await updates(page, 'A');
    await body.press('a');
    await waitForUpdate(page, 'A', n);
    const a1 = await presetA();
    expect(a1).not.toBe(a0);
    expect(await presetB()).toBe(b0);
    // Shift+A goes back.
    await body.press('Shift+A');
    expect(await presetA()).toBe(a0);
    await body.press('b');
    expect(await presetB()).not.toBe(b0);

    // D switches to B − A and back.
    await body.press('d');
    expect(await page.isChecked('.segmented input[value="diff"]')).toBe(true);
    await body.press('d');
    expect(await page.isChecked('.segmented input[value="both"]')).toBe(true);
    await page.close();
  });

  it('travels with the link: present=<chart> opens presenter mode on that chart', async () => {
    const page = await browser().newPage({
      viewport: { width: 1280, height: 720 },
      locale: 'en-US',
    });
    await page.goto(`${url}?v=3&lang=en&present=investment`);
    await waitForUpdate(page, 'A', 0);
    expect(await page.getAttribute('button.presenter-toggle', 'aria-pressed')).toBe('true');
    expect(await visibleCharts(page)).toEqual(['investment']);
    expect(await page.isVisible('aside.controls')).toBe(false);
    // The address bar follows the chart shown, and forgets presenter mode when it ends.
    await page.locator('body').press('ArrowRight');
    await page.waitForFunction(() => location.search.includes('present=vapw'));
    await page.locator('body').press('p');
    await page.waitForFunction(() => !location.search.includes('present='));
    expect(await visibleCharts(page)).toHaveLength(6);
    await page.close();
  });

  it('ignores the shortcuts while typing in a field', async () => {
    const { page } = await open();
    const body = page.locator('body');
    await body.press('p');
    await body.press('c'); // show the controls, to type in one
    const field = page.locator('input[data-scenario="A"][data-field]').first();
    const before = await page.$eval('#preset-A', (s) => (s as HTMLSelectElement).value);
    await field.focus();
    await field.press('a');
    await field.press('ArrowRight');
    await field.press('p');
    await field.press('3');
    expect(await page.$eval('#preset-A', (s) => (s as HTMLSelectElement).value)).toBe(before);
    expect(await visibleCharts(page)).toEqual(['wage']);
    expect(await page.getAttribute('button.presenter-toggle', 'aria-pressed')).toBe('true');
    // Shortcuts work again once the field is left.
    await field.blur();
    await body.press('ArrowRight');
    expect(await visibleCharts(page)).toEqual(['investment']);
    await page.close();
  });

  it('lists the shortcuts in a help popover opened by ? or its button', async () => {
    const { page } = await open();
    expect(await page.isVisible('#presenter-help')).toBe(false);
    await page.locator('body').press('?');
    expect(await page.isVisible('#presenter-help')).toBe(true);
    const text = await page.textContent('#presenter-help');
    for (const k of ['P', '?', '→', 'A', 'B', 'D', 'C', 'F', 'Esc']) expect(text).toContain(k);
    expect(text).toContain('Presenter mode on or off');
    await page.keyboard.press('Escape');
    expect(await page.isVisible('#presenter-help')).toBe(false);
    await page.click('button.help-toggle');
    expect(await page.isVisible('#presenter-help')).toBe(true);
    await page.close();
  });

  it('shows a chart full screen with the Fullscreen API (F in presenter mode)', async () => {
    const { page } = await open();
    await page.click('figure[data-chart="vapw"] button.fullscreen');
    await expect
      .poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('data-chart')))
      .toBe('vapw');
    expect(
      await page.getAttribute('figure[data-chart="vapw"] button.fullscreen', 'aria-pressed'),
    ).toBe('true');
    await page.click('figure[data-chart="vapw"] button.fullscreen');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();

    await page.locator('body').press('p');
    await page.locator('body').press('2');
    await page.locator('body').press('f');
    await expect
      .poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('data-chart')))
      .toBe('investment');
    await page.close();
  });

  it('falls back to a fixed overlay filling the window when the Fullscreen API is unavailable', async () => {
    const { page } = await open(
      `Object.defineProperty(Document.prototype, 'fullscreenEnabled', { get: () => false });`,
    );
    await page.click('figure[data-chart="wage"] button.fullscreen');
    const box = await page.$eval('figure[data-chart="wage"]', (f) => {
      const r = f.getBoundingClientRect();
      return {
        x: r.x,
        y: r.y,
        w: r.width,
        h: r.height,
        cls: f.classList.contains('pseudo-fullscreen'),
        api: document.fullscreenElement,
      };
    });
    expect(box).toEqual({ x: 0, y: 0, w: 1280, h: 720, cls: true, api: null });
    // The plot grows into the window.
    expect(await px(page, 'figure[data-chart="wage"] canvas', 'width')).toBeGreaterThan(1100);
    await page.locator('body').press('Escape');
    expect(
      await page.$eval('figure[data-chart="wage"]', (f) =>
        f.classList.contains('pseudo-fullscreen'),
      ),
    ).toBe(false);
    await page.close();
  });
});
