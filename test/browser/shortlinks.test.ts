/** Hand-typed short links (issue 11, item 9) open without a notice when nothing was ignored. */
import { describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from './fixtures.ts';
import { waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

async function notices(path: string): Promise<{ count: number; lang: string; text: string }> {
  const page = await browser().newPage({ locale: 'en-US' });
  await page.goto(url + path);
  await waitForUpdate(page, 'A', 0);
  const count = await page.locator('[data-link-issues]').count();
  const text = count > 0 ? ((await page.textContent('[data-link-issues]')) ?? '') : '';
  const lang = await page.evaluate(() => document.documentElement.lang);
  await page.close();
  return { count, lang, text };
}

describe('hand-typed short links', () => {
  it('?lang=ja and ?v=2&lang=ja open in Japanese without a warning', async () => {
    expect(await notices('?lang=ja')).toEqual({ count: 0, lang: 'ja', text: '' });
    expect(await notices('?v=2&lang=ja')).toEqual({ count: 0, lang: 'ja', text: '' });
  });

  it('a short link with something really ignored still warns', async () => {
    const r = await notices('?lang=ja&foo=1');
    expect(r.count).toBe(1);
    expect(r.text).toMatch(/foo/);
  });
});
