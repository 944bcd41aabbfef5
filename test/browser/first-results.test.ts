/**
 * The default page's first charts come from the results computed at build
 * time (src/app/firstResults.ts: the marks `first:A` / `first:B`), and the
 * workers' results replace them. A link shows them only for a scenario it
 * holds exactly as the default page does (the page's own address after it
 * started, as on a reload); a changed scenario never gets them.
 * Behaviour only: nothing here is timed.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumForFile } from './fixtures.ts';
import { drawn, onScreenCurrent, waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

const firstMarks = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .map((m) => m.name)
      .filter((n) => n.startsWith('first:'))
      .sort(),
  );

/** Opens `address`, waits for both workers' first results; the page, its marks and its charts' data. */
async function open(address: string) {
  const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(address);
  await waitForUpdate(page, 'A', 0);
  await waitForUpdate(page, 'B', 0);
  await expect.poll(() => onScreenCurrent(page)).toBe(true);
  return { page, errors, marks: await firstMarks(page), charts: await drawn(page) };
}

describe('first results computed at build time', () => {
  it('show for the default scenarios only, and draw the same charts as the workers', async () => {
    const home = await open(url);
    expect(home.marks).toEqual(['first:A', 'first:B']);
    // The page writes its scenarios into its address: that link (a reload) shows them too.
    await expect.poll(() => home.page.url()).toContain('?');
    const own = await open(home.page.url());
    expect(own.marks).toEqual(['first:A', 'first:B']);
    // A link with A changed: B's are the build's, A's only the worker's.
    const changed = new URL(home.page.url());
    changed.searchParams.set('a.policy.costDown', '0.05');
    const link = await open(changed.href);
    expect(link.marks).toEqual(['first:B']);
    // And one with neither scenario the default page's gets none.
    changed.searchParams.set('b.policy.costDown', '0.05');
    const neither = await open(changed.href);
    expect(neither.marks).toEqual([]);
    // Once the workers' results are drawn, every page shows the workers' numbers.
    expect(home.charts.length).toBeGreaterThan(0);
    expect(own.charts).toEqual(home.charts);
    expect(link.charts).not.toEqual(home.charts);
    expect(neither.charts).not.toEqual(link.charts);
    expect([...home.errors, ...own.errors, ...link.errors, ...neither.errors]).toEqual([]);
    for (const p of [home, own, link, neither]) await p.page.close();
  });
});
