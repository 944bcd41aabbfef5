/**
 * A link longer than common static hosts accept (8,000 characters) is never
 * produced: "Copy link" says so, in the page's language, and offers the two
 * scenarios as a table file instead, which opens on the Scenario table page
 * with both scenarios and their names. A short link is copied as before.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { decodeState, encodeState } from '../../src/share/urlState.ts';
import { MAX_LINK_LENGTH, parseTableFile } from '../../src/share/workshop.ts';
import { chromiumForFile } from './fixtures.ts';
import { waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

/** A state whose link is long: scenario A with the most policy events, each with a long Japanese label. */
function longState(lang: 'en' | 'ja') {
  const state = { ...decodeState('?v=3').state, lang };
  const policyEvents = Array.from({ length: 30 }, (_, i) => ({
    start: 1 + i * 0.25,
    lever: 'costDown',
    value: 0.001 * (i + 1),
    label: `${i + 1}．第${i + 1}回ワークショップで決めた価格交渉ルールの変更（説明つき）`.slice(
      0,
      40,
    ),
  }));
  state.a = { ...state.a, patch: { ...state.a.patch, policyEvents } };
  return state;
}

describe('links too long to share', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`offers the scenarios as a file instead of a link (${lang})`, async () => {
      const link = `${url}?${encodeState(longState(lang))}`;
      expect(link.length).toBeGreaterThan(MAX_LINK_LENGTH);
      const context = await browser().newContext({
        viewport: { width: 1280, height: 720 },
        acceptDownloads: true,
      });
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const page = await context.newPage();
      await page.goto(link);
      await waitForUpdate(page, 'A', 0);
      await page.evaluate(() => navigator.clipboard.writeText('before'));
      await page.click('[data-action="copy-link"]');
      const notice = page.locator('[data-link-too-long]');
      await expect.poll(() => notice.textContent()).toMatch(lang === 'en' ? /8000|8,000/ : /8000/);
      expect(await notice.textContent()).toMatch(lang === 'en' ? /characters/ : /文字/);
      // No link is produced: neither shown nor copied.
      expect(await page.locator('[data-share-link]').count()).toBe(0);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('before');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-action="download-scenarios"]'),
      ]);
      const file = readFileSync((await download.path())!, 'utf8');
      const read = parseTableFile(file);
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(read.scenarios.map((s) => s.preset)).toEqual(['large-firm-led', 'layered']);
      expect(read.scenarios[0].name).toMatch(lang === 'en' ? /^A: .*modified/ : /^A：.*変更あり/);
      expect(read.scenarios[0].scenario.policyEvents).toHaveLength(30);
      await context.close();
    }, 90_000);
  }

  it('a short link is copied as before', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    await page.goto(`${url}?v=3&lang=en`);
    await waitForUpdate(page, 'A', 0);
    await page.click('[data-action="copy-link"]');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^http/);
    expect(await page.locator('[data-link-too-long]').count()).toBe(0);
    await context.close();
  }, 60_000);
});
