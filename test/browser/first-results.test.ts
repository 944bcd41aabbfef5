/**
 * The default page's first charts come from the results computed at build
 * time (src/app/firstResults.ts: the marks `first:A` / `first:B`), and the
 * workers' results replace them; a link never shows them, even one holding
 * the default scenarios (here the page's own address after it started).
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
  it('show on the default page only, and a link draws the same charts without them', async () => {
    const home = await open(url);
    expect(home.marks).toEqual(['first:A', 'first:B']);
    // The page writes its scenarios into its address: that link shows them from the workers only.
    await expect.poll(() => home.page.url()).toContain('?');
    const link = await open(home.page.url());
    expect(link.marks).toEqual([]);
    expect(link.charts.length).toBeGreaterThan(0);
    expect(home.charts).toEqual(link.charts);
    expect([...home.errors, ...link.errors]).toEqual([]);
    await home.page.close();
    await link.page.close();
  });
});
