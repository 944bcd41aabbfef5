/**
 * Small screens and the header, in headless Chromium against the built app:
 * at 390x844 every page and the embed fit the width (no sideways scrolling),
 * the pages are reachable through a menu, and the sensitivity charts fit; at
 * 1280x720 the header shows the whole title, every page's link and the engine
 * timings labelled in words, in English and Japanese.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { embedUrl } from '../../src/share/embed.ts';
import { VIEWS, decodeState, type Lang } from '../../src/share/urlState.ts';
import { translate } from '../../src/i18n/index.ts';
import { chromiumForFile } from './fixtures.ts';
import { waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();
const PHONE = { width: 390, height: 844 };

async function open(lang: Lang, address: string, viewport = PHONE): Promise<Page> {
  const page = await browser().newPage({ viewport, locale: lang === 'ja' ? 'ja-JP' : 'en-US' });
  await page.goto(address.startsWith('http') ? address : url + address);
  return page;
}

const simReady = async (page: Page) => {
  await waitForUpdate(page, 'A', 0);
  await waitForUpdate(page, 'B', 0);
};

/** The page's width and the elements shown that reach past the right edge (their own scrollers aside). */
function overflow(page: Page) {
  return page.evaluate(`(() => {
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      if (el.offsetParent === null || el.closest('.katex-mathml')) continue;
      // Inside a box that scrolls on its own (a wide table or equation), reaching past is fine.
      let p = el.parentElement, scrolls = false;
      while (p && p !== document.body) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') { scrolls = true; break; }
        p = p.parentElement;
      }
      if (!scrolls && el.getBoundingClientRect().right > innerWidth + 0.5)
        out.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''));
    }
    return { width: document.documentElement.scrollWidth, outside: [...new Set(out)].slice(0, 8) };
  })()`) as Promise<{ width: number; outside: string[] }>;
}

const PAGES: {
  name: string;
  address: (lang: Lang) => string;
  ready: (p: Page) => Promise<void>;
}[] = [
  { name: 'simulation', address: () => '#sim', ready: simReady },
  {
    name: 'model',
    address: () => '#model',
    ready: async (p) => {
      await p.waitForSelector('.model-doc .toc');
      await p.waitForSelector('.model-doc .table-scroll');
    },
  },
  {
    name: 'table',
    address: () => '#table',
    ready: async (p) => {
      await p.waitForSelector('#table-title');
    },
  },
  {
    name: 'sensitivity',
    address: () => '#sensitivity',
    ready: async (p) => {
      await p.waitForSelector('[data-sens-chart="tornado"] canvas', { timeout: 40_000 });
    },
  },
  ...(VIEWS.includes('lessons' as never)
    ? [
        {
          name: 'lessons',
          address: () => '#lessons',
          ready: async (p: Page) => {
            await p.waitForSelector('main.lessons-page-wrap:visible h2');
          },
        },
      ]
    : []),
  {
    name: 'embed',
    address: (lang: Lang) => embedUrl(url, { ...decodeState('?v=3').state, lang }, 'wage'),
    ready: simReady,
  },
];

describe.each(['en', 'ja'] as const)('a phone (390x844) in %s', (lang) => {
  it.each(PAGES.map((p) => [p.name, p] as const))(
    '%s fits the width',
    async (_, p) => {
      const page = await open(lang, p.address(lang));
      await p.ready(page);
      expect(await overflow(page)).toEqual({ width: PHONE.width, outside: [] });
      await page.close();
    },
    90_000,
  );

  it('reaches every page through the menu, which closes after a choice and on Escape', async () => {
    const page = await open(lang, '#sim');
    await simReady(page);
    const toggle = page.locator('button.menu-toggle');
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.textContent()).toContain(translate(lang, 'layout.menu'));
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#page-nav a').first().isVisible()).toBe(false);

    const links = await page.$$eval('#page-nav a', (as) => as.map((a) => a.getAttribute('href')!));
    expect(links).toEqual(expect.arrayContaining(['#sim', '#model', '#table', '#sensitivity']));
    for (const href of links) {
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const link = page.locator(`#page-nav a[href="${href}"]`);
      // In view, full width of the screen at most, and big enough to tap.
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      expect(box.height).toBeGreaterThanOrEqual(24);
      await link.click();
      await expect
        .poll(() => page.getAttribute(`#page-nav a[href="${href}"]`, 'aria-current'))
        .toBe('page');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await link.isVisible()).toBe(false);
    }

    // Escape closes the menu and gives the focus back to its button.
    await toggle.click();
    await page.locator('#page-nav a').first().focus();
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('menu-toggle')),
    ).toBe(true);
    // And from the button itself, right after opening the menu.
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#page-nav a').first().isVisible()).toBe(false);
    await page.close();
  }, 90_000);

  it('shows the sensitivity charts one under the other, within the screen', async () => {
    const page = await open(lang, '#sensitivity');
    await page.waitForSelector('[data-sens-chart="tornado"] canvas', { timeout: 40_000 });
    const charts = await page.$$eval('[data-sens-chart]', (fs) =>
      fs.map((f) => {
        const r = f.getBoundingClientRect();
        const c = f.querySelector('canvas')?.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, canvas: c ? c.right : 0 };
      }),
    );
    expect(charts.length).toBeGreaterThanOrEqual(2);
    for (const c of charts) {
      expect(c.left).toBeGreaterThanOrEqual(0);
      expect(c.right).toBeLessThanOrEqual(PHONE.width);
      expect(c.canvas).toBeLessThanOrEqual(PHONE.width);
    }
    expect(charts[1].top).toBeGreaterThan(charts[0].top);
    await page.close();
  }, 90_000);
});

describe.each(['en', 'ja'] as const)('the header at 1280x720 in %s', (lang) => {
  it('shows the whole title, every page and the engine timings labelled in words', async () => {
    const page = await open(lang, '#sim', { width: 1280, height: 720 });
    await simReady(page);
    const header = await page.evaluate(() => {
      const h = document.querySelector('header.top')!;
      const title = h.querySelector<HTMLElement>('h1')!;
      const what = h.querySelector<HTMLElement>('.status .what')!;
      const rect = (e: Element) => e.getBoundingClientRect();
      return {
        title: title.textContent!.trim(),
        titleCut: title.scrollWidth > title.clientWidth,
        titleRight: rect(title).right,
        navLeft: rect(h.querySelector('nav')!).left,
        navShown: [...h.querySelectorAll<HTMLElement>('nav a')].every(
          (a) => a.offsetParent !== null && rect(a).right <= innerWidth,
        ),
        label: what.textContent!.trim(),
        labelShown: rect(what).width > 20 && getComputedStyle(what).clipPath === 'none',
        timings: [...h.querySelectorAll('[data-status]')].map((s) => s.textContent!.trim()),
        menu: h.querySelector<HTMLElement>('.menu-toggle')!.offsetParent !== null,
        overflow: h.scrollWidth - h.clientWidth,
        outside: [...h.querySelectorAll('button, a')].filter((e) => rect(e).right > innerWidth)
          .length,
      };
    });
    expect(header.title).toContain(translate(lang, 'app.title'));
    expect(header.titleCut).toBe(false);
    expect(header.titleRight).toBeLessThanOrEqual(header.navLeft);
    expect(header.navShown).toBe(true);
    expect(header.menu).toBe(false);
    expect(header.label).toBe(translate(lang, 'status.engineTime'));
    expect(header.labelShown).toBe(true);
    expect(header.timings).toHaveLength(2);
    for (const t of header.timings) expect(t).toMatch(/^[AB]\s+\d+ ms$/);
    expect({ overflow: header.overflow, outside: header.outside }).toEqual({
      overflow: 0,
      outside: 0,
    });
    await page.close();
  }, 90_000);
});
