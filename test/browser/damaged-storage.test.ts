/**
 * Damaged saved scenarios never stop the app: whatever the browser's store
 * holds (text that is not JSON, nesting 100,000 deep, a 1.1 MB entry, a
 * malformed set-aside record), every page opens and runs, the damaged
 * entries are set aside and reported on the page that opens (with a link to
 * the Scenario table page, where they are listed), in the page's language.
 * A full store is still read: a save is refused and said, never faked.
 */
import { describe, expect, inject, it } from 'vitest';
import { ASIDE_PREFIX, SAVED_PREFIX } from '../../src/share/storage.ts';
import { chromiumForFile } from './fixtures.ts';
import { waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

async function openWithDamage(lang: 'en' | 'ja', hash = '') {
  const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(
    ([saved, aside]) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(`${saved}Not JSON`, 'this is not JSON {');
      localStorage.setItem(`${saved}Deep`, '['.repeat(100_000) + ']'.repeat(100_000));
      localStorage.setItem(`${saved}Huge`, JSON.stringify({ pad: 'x'.repeat(1_100_000) }));
      localStorage.setItem(`${aside}odd`, '42');
    },
    [SAVED_PREFIX, ASIDE_PREFIX],
  );
  await page.goto(`${url}?v=3&lang=${lang}${hash}`);
  return { context, page, errors };
}

describe('damaged browser storage', () => {
  it('every page opens, runs and reports the damaged entries (English)', async () => {
    const { context, page, errors } = await openWithDamage('en');
    await waitForUpdate(page, 'A', 0);
    await waitForUpdate(page, 'B', 0);
    const notice = page.locator('[data-damaged-notice]');
    await expect
      .poll(() => notice.textContent())
      .toMatch(/4 saved scenario\(s\) could not be read/);
    // Reported on the model page too, not only on the table page.
    await page.evaluate(() => (location.hash = '#model'));
    expect(await notice.isVisible()).toBe(true);
    // The table page lists them (to download or discard); the short notice gives way.
    await page.click('[data-damaged-notice] a[href="#table"]');
    await page.waitForSelector('[data-damaged]');
    expect(await notice.count()).toBe(0);
    expect(await page.locator('[data-damaged] li').count()).toBe(4);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('says so in Japanese, and can be dismissed', async () => {
    const { context, page, errors } = await openWithDamage('ja');
    await waitForUpdate(page, 'A', 0);
    const notice = page.locator('[data-damaged-notice]');
    await expect.poll(() => notice.textContent()).toMatch(/4件が読み込めなかった/);
    await notice.getByRole('button').click();
    expect(await notice.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('a full store: saved scenarios still open, saving says the store is full, the page says what to do', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript((saved) => {
      if (sessionStorage.getItem('filled')) return;
      sessionStorage.setItem('filled', '1');
      localStorage.setItem(
        `${saved}Kept`,
        JSON.stringify({
          format: 'supply-chain-cost-sharing/scenario',
          formatVersion: 1,
          name: 'Kept',
          preset: 'layered',
          scenario: {},
        }),
      );
      // Fill the origin's storage to its quota.
      const chunk = 'x'.repeat(256 * 1024);
      for (let i = 0; i < 100; i++) {
        try {
          localStorage.setItem(`filler:${i}`, chunk);
        } catch {
          break;
        }
      }
      for (let n = 1024; n >= 1; n = Math.floor(n / 2)) {
        try {
          for (let i = 0; ; i++) localStorage.setItem(`fill:${n}:${i}`, 'x'.repeat(n));
        } catch {
          // next size down
        }
      }
    }, SAVED_PREFIX);
    await page.goto(`${url}?v=3&lang=en`);
    await waitForUpdate(page, 'A', 0);
    await page.waitForSelector('[data-store-full-notice]');
    await page.click('[data-store-full-notice] a[href="#table"]');
    await page.waitForSelector('[data-store-full]');
    // The saved scenario is still there, and a save is refused, not faked.
    await expect.poll(() => page.locator('[data-saved]').count()).toBe(1);
    await page.click('[data-save="A"]');
    await expect
      .poll(() => page.locator('[data-saved-panel]').textContent())
      .toMatch(/storage for this site is full, so nothing was saved/);
    expect(await page.locator('[data-saved]').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
