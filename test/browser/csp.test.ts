/**
 * The Content-Security-Policy of the built site (scripts/csp.ts): every page
 * and view of the hosted build runs under it with no violation (workers, the
 * service worker, lazy pages, the embed view, exports), and it is in force: a
 * script injected into the page is refused. The single-file build's policy is
 * checked from file:// in offline.test.ts.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { embedUrl } from '../../src/share/embed.ts';
import { decodeState } from '../../src/share/urlState.ts';
import { cspDirectives, inlineScriptHashes, withCsp } from '../../scripts/csp.ts';
import { chromiumForFile } from './fixtures.ts';
import { waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

/** Records every CSP violation of the page (and of its workers, reported to the page). */
const RECORD_VIOLATIONS = `(() => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || '(inline)'));
  });
})()`;

async function open(link: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 720 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(RECORD_VIOLATIONS);
  await page.goto(link);
  return { page, errors };
}

const violations = (page: Page) =>
  page.evaluate(() => (window as never as { __csp: string[] }).__csp);

describe('Content-Security-Policy', () => {
  it('the policy allows only what the app needs', () => {
    const p = cspDirectives();
    expect(p).toContain("script-src 'self'");
    expect(p).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(p).toContain("object-src 'none'");
    expect(p).toContain("base-uri 'none'");
    // An inline script is allowed by its hash only.
    const page = withCsp(
      '<html><head><meta charset="UTF-8" /></head><script>run()</script></html>',
    );
    const [hash] = inlineScriptHashes(page);
    expect(hash).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
    expect(page).toContain(`'${hash}'`);
    expect(page.indexOf('Content-Security-Policy')).toBeGreaterThan(page.indexOf('charset'));
  });

  it('every page and view of the hosted build runs under it with no violation', async () => {
    const { page, errors } = await open(url);
    const meta = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) =>
      m.getAttribute('content'),
    );
    expect(meta).toBe(cspDirectives());
    await waitForUpdate(page, 'A', 0);
    await waitForUpdate(page, 'B', 0);
    for (const hash of ['#model', '#table', '#sensitivity', '#sim']) {
      await page.evaluate((h) => (location.hash = h), hash);
      await page.waitForTimeout(1500);
    }
    // The model page's equations and the tables are on screen (lazy chunks loaded).
    await page.evaluate(() => (location.hash = '#model'));
    await expect.poll(() => page.locator('.katex').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // The service worker installs under the policy.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    expect(await violations(page)).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await page.close();
  }, 120_000);

  it('the embed view runs under it with no violation, in both languages', async () => {
    for (const lang of ['en', 'ja'] as const) {
      const state = { ...decodeState('?v=3').state, lang };
      const { page, errors } = await open(embedUrl(url, state, 'wage'));
      await waitForUpdate(page, 'A', 0);
      await waitForUpdate(page, 'B', 0);
      expect(await violations(page), lang).toEqual([]);
      expect(
        errors.filter((e) => /Content Security Policy/i.test(e)),
        lang,
      ).toEqual([]);
      await page.close();
    }
  }, 120_000);

  it('is in force: a script injected into the page does not run', async () => {
    const { page } = await open(url);
    await waitForUpdate(page, 'A', 0);
    const ran = await page.evaluate(async () => {
      const w = window as never as { __injected?: boolean };
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 200));
      return w.__injected === true;
    });
    expect(ran).toBe(false);
    expect((await violations(page)).some((v) => v.startsWith('script-src'))).toBe(true);
    await page.close();
  }, 60_000);
});
