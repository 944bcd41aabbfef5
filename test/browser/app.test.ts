/**
 * The built app in headless Chromium: loading, drawing, live updates of one
 * scenario only, presets, rejected input, the model page, layout and names.
 */
import { toTyped } from '../../src/i18n/units.ts';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  PARAMS,
  PRESET_NAMES,
  getPath,
  presetScenario,
  type Shock,
} from '../../src/engine/index.ts';
import { chromiumForFile } from './fixtures.ts';
import {
  controlValues,
  drawn,
  indicators,
  openAllDetails,
  updates,
  waitForUpdate,
} from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

interface Opened {
  page: Page;
  errors: string[];
}

/** Opens the app and waits until both scenarios have drawn their first run. */
async function open(viewport = { width: 1280, height: 720 }, hash = ''): Promise<Opened> {
  // English, whatever the machine's language (the app follows the browser's).
  const page = await browser().newPage({ viewport, locale: 'en-US' });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url + hash);
  if (!hash) {
    await waitForUpdate(page, 'A', 0);
    await waitForUpdate(page, 'B', 0);
  }
  return { page, errors };
}

const slider = (id: 'A' | 'B', path: string) =>
  `input[type="range"][data-scenario="${id}"][data-path="${path}"]`;
const field = (id: 'A' | 'B', path: string) => `input[data-scenario="${id}"][data-field="${path}"]`;

describe('the app in Chromium', () => {
  it('loads with no console errors and draws every chart, the indicators and the network', async () => {
    const { page, errors } = await open();
    const charts = await drawn(page);
    expect(charts.map((c) => c.chart).sort()).toEqual(
      ['burden', 'investment', 'laborshare', 'settled', 'vapw', 'wage'].sort(),
    );
    for (const c of charts) {
      expect(c.a, c.chart).not.toBe('');
      expect(c.b, c.chart).not.toBe('');
    }
    // Pixels were drawn on every canvas (lines and axes, not a blank surface); a chart
    // below the fold is drawn once scrolled into view.
    for (const c of charts) {
      await page.locator(`figure[data-chart="${c.chart}"]`).scrollIntoViewIfNeeded();
      await expect
        .poll(() =>
          page.$eval(`figure[data-chart="${c.chart}"] canvas`, (el) => {
            const d = (el as HTMLCanvasElement).dataset;
            return d.stale === undefined && d.drawn === `${d.digestA} ${d.digestB} ${d.digestDiff}`;
          }),
        )
        .toBe(true);
    }
    const inked = await page.$$eval('figure[data-chart] canvas', (cs) =>
      (cs as HTMLCanvasElement[]).map((c) => {
        const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
        return n;
      }),
    );
    for (const n of inked) expect(n).toBeGreaterThan(2000);
    const kpi = await indicators(page);
    expect(Object.keys(kpi)).toHaveLength(6);
    for (const [name, [a, b, d]] of Object.entries(kpi)) {
      for (const v of [a, b, d]) expect(v, name).toMatch(/\d/);
    }
    expect(await page.locator('.network-panel circle').count()).toBeGreaterThan(40);
    expect(await page.locator('.network-panel line').count()).toBeGreaterThan(20);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("moving scenario A's cost-down slider redraws A's charts while dragging, and not B's", async () => {
    const { page, errors } = await open();
    const before = await drawn(page);
    const kpiBefore = await indicators(page);
    const updatesB = await updates(page, 'B');

    // Drag the thumb with the mouse: at every step the charts are redrawn
    // while the button is still held (waitForUpdate fails the test otherwise).
    const box = (await page.locator(slider('A', 'policy.costDown')).boundingBox())!;
    const y = box.y + box.height / 2;
    const x0 = box.x + box.width * 0.3; // the thumb at 0.03 of 0..0.1
    await page.mouse.move(x0, y);
    await page.mouse.down();
    const shown: string[] = [];
    for (let i = 1; i <= 4; i++) {
      const n = await updates(page, 'A');
      await page.mouse.move(x0 + i * box.width * 0.12, y);
      await waitForUpdate(page, 'A', n);
      shown.push(await page.locator(field('A', 'policy.costDown')).inputValue());
    }
    await page.mouse.up();
    expect(new Set(shown).size).toBe(4); // four different values, each drawn during the drag

    const value = Number(await page.locator(field('A', 'policy.costDown')).inputValue());
    expect(value).toBeGreaterThan(5); // percent a year
    await page.waitForTimeout(300);
    const after = await drawn(page);
    for (let i = 0; i < before.length; i++) {
      expect(after[i].a, `${after[i].chart} of A`).not.toBe(before[i].a);
      expect(after[i].b, `${after[i].chart} of B`).toBe(before[i].b);
    }
    const kpiAfter = await indicators(page);
    for (const name of Object.keys(kpiBefore)) expect(kpiAfter[name][1]).toBe(kpiBefore[name][1]);
    expect(kpiAfter['deepest-wage'][0]).not.toBe(kpiBefore['deepest-wage'][0]);
    expect(await updates(page, 'B')).toBe(updatesB);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is keyboard operable: arrow keys on a focused slider run the scenario', async () => {
    const { page } = await open();
    const before = await drawn(page);
    const n = await updates(page, 'A');
    await page.locator(slider('A', 'market.valueOrientation')).focus();
    await page.keyboard.press('ArrowRight');
    await waitForUpdate(page, 'A', n);
    expect(await page.locator(field('A', 'market.valueOrientation')).inputValue()).toBe('0.15');
    expect((await drawn(page))[0].a).not.toBe(before[0].a);
    await page.close();
  });

  it('switching a preset changes every control to the preset and redraws', async () => {
    const { page, errors } = await open();
    for (const name of [...PRESET_NAMES].reverse()) {
      const n = await updates(page, 'A');
      await page.selectOption('#preset-A', name);
      await waitForUpdate(page, 'A', n);
      const sc = presetScenario(name);
      const shown = await controlValues(page, 'A');
      for (const p of PARAMS) {
        const want = getPath(sc, p.path);
        if (p.kind === 'boolean') {
          expect(shown[p.path], `${name}: ${p.path}`).toBe(String(want));
        } else {
          expect(Number(shown[p.path]), `${name}: ${p.path}`).toBe(toTyped(p.path, want as number));
          expect(Number(shown[`slider:${p.path}`]), `${name}: slider ${p.path}`).toBeCloseTo(
            Math.min(p.max, Math.max(p.min, want as number)),
            6,
          );
        }
      }
      expect(shown['network.firmsPerTier']).toBe(sc.network.firmsPerTier.join(', '));
      const shocks = await page.locator('.shocks[data-scenario="A"] fieldset.shock').count();
      expect(shocks, `${name}: shocks`).toBe((sc.shocks as Shock[]).length);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('rejects an invalid typed value with a clear message and keeps the last valid run', async () => {
    const { page, errors } = await open();
    const before = await drawn(page);
    const n = await updates(page, 'A');
    const input = page.locator(field('A', 'policy.costDown'));
    await input.fill('50');
    await input.press('Enter');
    const alert = page.locator('.lever-input .error[role="alert"]');
    await expect.poll(() => alert.count()).toBe(1);
    const message = (await alert.textContent()) ?? '';
    expect(message).toContain('Cost-down demand');
    expect(message).toContain('0%/year to 10%/year');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await input.inputValue()).toBe('50');
    await page.waitForTimeout(300);
    expect(await updates(page, 'A')).toBe(n);
    expect(await drawn(page)).toEqual(before);
    expect(await page.locator(slider('A', 'policy.costDown')).inputValue()).toBe('0.03');

    await input.fill('lots');
    await input.press('Enter');
    await expect.poll(async () => (await alert.textContent()) ?? '').toContain('is not a number');
    expect(await drawn(page)).toEqual(before);

    await input.fill('5');
    await input.press('Enter');
    await waitForUpdate(page, 'A', n);
    expect(await alert.count()).toBe(0);
    expect((await drawn(page))[0].a).not.toBe(before[0].a);
    // The browser's own console stays clean: a rejected value is not an error of the app.
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows B − A on request', async () => {
    const { page } = await open();
    await page.getByLabel('Difference B − A').check();
    await expect
      .poll(async () => (await drawn(page)).every((c) => c.diff !== '' && c.a === ''))
      .toBe(true);
    await page.getByLabel('A vs B').check();
    await expect.poll(async () => (await drawn(page)).every((c) => c.diff === '')).toBe(true);
    await page.close();
  });

  it('presents docs/model.md with its equations', async () => {
    const { page, errors } = await open();
    await page.getByRole('link', { name: 'How the model works' }).click();
    await page.waitForSelector('.model-doc h2');
    expect(await page.locator('.model-doc h2').count()).toBeGreaterThan(3);
    expect(await page.locator('.model-doc .katex').count()).toBeGreaterThan(10);
    expect(await page.locator('.model-doc .katex-error').count()).toBe(0);
    // The table of contents scrolls to a section and stays on the page.
    const link = page.locator('.toc a').nth(5);
    const title = (await link.textContent())!.trim();
    await link.click();
    const heading = page.locator('.model-doc h2', { hasText: title }).first();
    await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeLessThan(100);
    // The page is part of the state in the link (view=model), which replaces the #model hash.
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('model');
    expect(await page.locator('.doc-page').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives every control an accessible name', async () => {
    const { page } = await open();
    await openAllDetails(page);
    const unnamed = await page.$$eval('input, select, button, a[href]', (els) =>
      els
        .filter((el) => {
          const e = el as HTMLInputElement;
          const labelled = e.labels && [...e.labels].some((l) => l.textContent?.trim());
          return !(
            el.getAttribute('aria-label')?.trim() ||
            el.getAttribute('aria-labelledby') ||
            labelled ||
            (el.tagName !== 'INPUT' && el.textContent?.trim())
          );
        })
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(unnamed).toEqual([]);
    expect(await page.locator('input[type="range"]').count()).toBeGreaterThan(100);
    await page.close();
  });

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 820, height: 1180 },
  ]) {
    it(`fits ${viewport.width}x${viewport.height}: key levers in view, no sideways scrolling`, async () => {
      const { page } = await open(viewport);
      const keyPaths = PARAMS.filter((p) => p.key).map((p) => p.path);
      expect(keyPaths.length).toBeGreaterThanOrEqual(6);
      for (const path of keyPaths) {
        for (const id of ['A', 'B'] as const) {
          const box = (await page.locator(slider(id, path)).boundingBox())!;
          expect(box.y + box.height, `${path} ${id}`).toBeLessThanOrEqual(viewport.height);
          expect(box.x + box.width, `${path} ${id}`).toBeLessThanOrEqual(viewport.width);
        }
      }
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.close();
    });
  }
});
