/**
 * The embed view with many runs: an embed link with runs=10 shows the single
 * runs and a progress line first, then the medians and p10–p90 bands with a
 * caption saying so, and tooltips give each median with its band; the export
 * menu's embed snippet carries the page's runs count; an embed link without
 * runs draws single runs and never starts a batch worker.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { embedUrl, expandEmbedUrl } from '../../src/share/embed.ts';
import { decodeState, type RunsChoice } from '../../src/share/urlState.ts';
import { chromiumForFile } from './fixtures.ts';
import { RECORD_WORKERS, batchWorkers, waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

/** Records every text of the caption's runs line. */
const RECORD = `(() => {
  const seen = new Set();
  window.__runsLines = seen;
  new MutationObserver(() => {
    const t = document.querySelector('[data-embed-runs]')?.textContent;
    if (t) seen.add(t.trim());
  }).observe(document, { subtree: true, childList: true, characterData: true });
})()`;

/** Opens the embed of the wage chart with `runs` runs per scenario, in `lang`. */
async function openEmbed(runs: RunsChoice, lang: 'en' | 'ja' = 'en') {
  const state = { ...decodeState('?v=3').state, runs, lang };
  const link = embedUrl(url, state, 'wage');
  const page = await browser().newPage({ viewport: { width: 800, height: 500 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(RECORD_WORKERS);
  await page.addInitScript(RECORD);
  await page.goto(link);
  await waitForUpdate(page, 'A', 0);
  await waitForUpdate(page, 'B', 0);
  return { page, errors, link };
}

/** The chart's datasets per role ('single' for a single run's line) and its band state. */
function roles(page: Page) {
  return page.$eval('figure[data-chart] canvas', (c) => {
    const chart = (c as unknown as { chart: { data: { datasets: { role?: string }[] } } }).chart;
    const out: Record<string, number> = {};
    for (const d of chart.data.datasets)
      out[d.role ?? 'single'] = (out[d.role ?? 'single'] ?? 0) + 1;
    return { bands: c.dataset.bands, roles: out };
  });
}

describe('the embed view with many runs', () => {
  it('runs=10: a progress line while the batch runs, then median lines and p10–p90 bands', async () => {
    const { page, errors, link } = await openEmbed(10);
    expect(link).toMatch(/&runs=10&/);
    const line = page.locator('.caption [data-embed-runs]');
    await expect.poll(() => roles(page).then((r) => r.bands), { timeout: 30_000 }).toBe('current');
    const { roles: r } = await roles(page);
    // Default wage chart: 4 tiers per scenario, a p10, a p90 and a median each.
    expect(r).toEqual({ p10: 8, p90: 8, median: 8 });
    // The progress line is gone; the caption says what the lines and bands are.
    expect(await line.getAttribute('data-embed-runs')).toBe('done');
    expect(await line.textContent()).toBe('Median and p10–p90 of 10 runs per scenario');
    expect(await page.locator('.caption').textContent()).not.toMatch(/Runs \d+\/\d+/);
    // While the batch ran: the single runs, and the runs done out of 2 × 10.
    const lines = await page.evaluate(() => [
      ...(window as unknown as { __runsLines: Set<string> }).__runsLines,
    ]);
    expect(lines.some((t) => /^Runs \d+\/20$/.test(t))).toBe(true);
    expect((await batchWorkers(page)).made).toBeGreaterThan(0);
    // The tooltip: one entry per median line, carrying its band.
    const box = (await page.locator('figure[data-chart] canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tip = await page.$eval('figure[data-chart] canvas', (c) => {
      const t = (c as unknown as { chart: { tooltip: { body?: { lines: string[] }[] } } }).chart
        .tooltip;
      return (t.body ?? []).flatMap((b) => b.lines);
    });
    expect(tip).toHaveLength(8);
    for (const t of tip) expect(t).toMatch(/, median: [-\d.]+ \(p10–p90 [-\d.]+ – [-\d.]+\)$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs=10 in Japanese: the caption has no English', async () => {
    const { page } = await openEmbed(10, 'ja');
    await expect.poll(() => roles(page).then((r) => r.bands), { timeout: 30_000 }).toBe('current');
    expect(await page.locator('.caption [data-embed-runs]').textContent()).toBe(
      '各シナリオ10回の実行の中央値と p10–p90',
    );
    await page.close();
  });

  it('the export menu’s embed snippet carries the runs count of the page, and its embed draws bands', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url + '?v=3');
    await waitForUpdate(page, 'A', 0);
    await page.check('.runs-bar input[type="radio"][value="10"]');
    await page.click('figure[data-chart="wage"] details.menu summary');
    await page.click('figure[data-chart="wage"] button[data-export="embed"]');
    await expect.poll(() => page.inputValue('dialog[open] textarea')).toMatch(/^<iframe/);
    const snippet = await page.inputValue('dialog[open] textarea');
    const src = /src="([^"]+)"/.exec(snippet)![1].replace(/&amp;/g, '&');
    const expanded = await expandEmbedUrl(src);
    expect(expanded?.ok && new URL(expanded.href).searchParams.get('runs')).toBe('10');
    await page.goto(src);
    await expect.poll(() => roles(page).then((r) => r.bands), { timeout: 30_000 }).toBe('current');
    await page.close();
  });

  it('without runs: single runs only, no progress line and no batch worker', async () => {
    const { page, errors, link } = await openEmbed(1);
    expect(link).not.toMatch(/runs=/);
    // Longer than the batch's start delay (250 ms) after the single runs.
    await page.waitForTimeout(800);
    const { bands, roles: r } = await roles(page);
    expect(bands).toBe('none');
    expect(r).toEqual({ single: 8 });
    expect(await page.locator('[data-embed-runs]').count()).toBe(0);
    expect((await batchWorkers(page)).made).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
