/**
 * Accessibility in headless Chromium, against the built app: axe-core finds
 * no serious or critical violation on any page or view, in English and in
 * Japanese, and every page has exactly one main landmark and one level-one
 * heading (counted among what is shown: the pages not shown are hidden).
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { embedUrl } from '../../src/share/embed.ts';
import { VIEWS, decodeState, type Lang } from '../../src/share/urlState.ts';
import { chromiumForFile } from './fixtures.ts';
import { waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

interface View {
  name: string;
  /** Where to go, from the app's address. */
  address: (lang: Lang) => string;
  viewport?: { width: number; height: number };
  /** Waits until the view has drawn what it shows. */
  ready: (page: Page) => Promise<void>;
  /** A page of the app (the embed is a view of one chart, not a page). */
  page: boolean;
}

const simReady = async (page: Page) => {
  await waitForUpdate(page, 'A', 0);
  await waitForUpdate(page, 'B', 0);
};

const VIEWS_CHECKED: View[] = [
  { name: 'simulation', address: () => '#sim', ready: simReady, page: true },
  {
    name: 'model',
    address: () => '#model',
    ready: async (page) => {
      await page.waitForSelector('.model-doc .toc');
      await page.waitForSelector('[data-model-overview]');
    },
    page: true,
  },
  {
    name: 'table',
    address: () => '#table',
    ready: async (page) => {
      await page.waitForSelector('#table-title');
    },
    page: true,
  },
  {
    name: 'sensitivity',
    address: () => '#sensitivity',
    ready: async (page) => {
      await page.waitForSelector('#sens-title');
      await page.waitForSelector('[data-sens-chart="tornado"] canvas', { timeout: 40_000 });
    },
    page: true,
  },
  ...(VIEWS.includes('lessons' as never)
    ? [
        {
          name: 'lessons',
          address: () => '#lessons',
          ready: async (page: Page) => {
            await page.waitForSelector('main.lessons-page-wrap:visible h1, main:visible h2');
          },
          page: true,
        },
      ]
    : []),
  ...(VIEWS.includes('lessons' as never)
    ? [
        {
          name: 'a lesson',
          address: () => '?lesson=cost-shock',
          ready: async (page: Page) => {
            await page.waitForSelector('#lesson-title');
          },
          page: true,
        },
      ]
    : []),
  {
    name: 'export menu and embed dialog',
    address: () => '#sim',
    ready: async (page) => {
      await simReady(page);
      await page.click('figure[data-chart="wage"] details.menu summary');
      await page.click('figure[data-chart="wage"] button[data-export="embed"]');
      await page.waitForSelector('dialog[open] textarea');
    },
    page: true,
  },
  {
    name: 'presenter mode',
    address: () => '#sim',
    ready: async (page) => {
      await simReady(page);
      await page.click('button.presenter-toggle');
      await page.waitForFunction(() => document.documentElement.classList.contains('presenter'));
    },
    page: true,
  },
  {
    name: 'presenter shortcuts',
    address: () => '#sim',
    ready: async (page) => {
      await simReady(page);
      await page.click('button.presenter-toggle');
      await page.click('button.help-toggle');
      await page.waitForSelector('#presenter-help:popover-open');
    },
    page: true,
  },
  {
    name: 'phone, menu open',
    address: () => '#sim',
    viewport: { width: 390, height: 844 },
    ready: async (page) => {
      await simReady(page);
      await page.click('button.menu-toggle');
      await page.waitForSelector('#page-nav a:visible');
    },
    page: true,
  },
  {
    name: 'embed',
    address: (lang) => embedUrl(url, { ...decodeState('?v=3').state, lang }, 'wage'),
    viewport: { width: 800, height: 500 },
    ready: simReady,
    page: false,
  },
];

async function open(view: View, lang: Lang): Promise<Page> {
  // axe analyses through the page's context (a context of its own, closed by the caller).
  const context = await browser().newContext({
    viewport: view.viewport ?? { width: 1280, height: 720 },
    locale: lang === 'ja' ? 'ja-JP' : 'en-US',
  });
  const page = await context.newPage();
  try {
    const address = view.address(lang);
    await page.goto(address.startsWith('http') ? address : url + address);
    await view.ready(page);
  } catch (e) {
    await context.close();
    throw e;
  }
  return page;
}

/** axe's serious and critical findings, each as "rule: the elements it found". */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

/** Shown main landmarks and level-one headings. */
function landmarks(page: Page) {
  return page.evaluate(() => {
    const shown = (e: Element) => (e as HTMLElement).offsetParent !== null;
    return {
      main: [...document.querySelectorAll('main, [role="main"]')].filter(shown).length,
      h1: [...document.querySelectorAll('h1, [role="heading"][aria-level="1"]')].filter(shown)
        .length,
      lang: document.documentElement.lang,
    };
  });
}

describe.each(['en', 'ja'] as const)('accessibility in %s', (lang) => {
  it.each(VIEWS_CHECKED.map((v) => [v.name, v] as const))(
    '%s: no serious or critical axe violation',
    async (_, view) => {
      const page = await open(view, lang);
      try {
        expect(await seriousViolations(page)).toEqual([]);
        const found = await landmarks(page);
        expect(found.lang).toBe(lang);
        if (view.page) expect({ main: found.main, h1: found.h1 }).toEqual({ main: 1, h1: 1 });
      } finally {
        // Closing the context closes the page, and is awaited: a close left running when the
        // browser shuts down rejects after the test has ended.
        await page.context().close();
      }
    },
    90_000,
  );
});
