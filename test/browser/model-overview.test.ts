/**
 * "How the model works" for people, in headless Chromium against the built
 * app: the page opens with a plain overview (the chain diagram and one
 * paragraph per mechanism) before any equation, in English and Japanese; the
 * table of contents leads to it; no developer instruction is left on the page.
 */
import { describe, expect, inject, it } from 'vitest';
import { OVERVIEW } from '../../src/app/model/overview.ts';
import { chromiumForFile } from './fixtures.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

describe.each(['en', 'ja'] as const)('the model page in %s', (lang) => {
  it('opens with the overview and its diagram, then the equations', async () => {
    const page = await browser().newPage({
      viewport: { width: 1280, height: 720 },
      locale: lang === 'ja' ? 'ja-JP' : 'en-US',
    });
    await page.goto(url + '#model');
    await page.waitForSelector('.model-doc .toc');
    const text = OVERVIEW[lang];
    const found = await page.evaluate(() => {
      const doc = document.querySelector('.model-doc')!;
      const overview = doc.querySelector('[data-model-overview]')!;
      const firstEquation = doc.querySelector('.katex')!;
      const h1 = doc.querySelector('h1')!;
      const svg = overview.querySelector('svg')!;
      const follows = (a: Node, b: Node) =>
        (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      return {
        afterTitle: follows(h1, overview),
        beforeEquations: follows(overview, firstEquation) && !overview.querySelector('.katex'),
        heading: overview.querySelector('h2')!.textContent!.trim(),
        diagram: {
          role: svg.getAttribute('role'),
          title: svg.querySelector('title')!.textContent,
          tiers: svg.querySelectorAll('[data-tier]').length,
          shown: svg.getBoundingClientRect().width > 300,
        },
        mechanisms: [...overview.querySelectorAll('[data-mechanism]')].map((li) => ({
          title: li.querySelector('h3')!.textContent!.trim(),
          text: li.querySelector('p')!.textContent!.trim(),
        })),
        pageText: (doc as HTMLElement).innerText,
      };
    });
    expect(found.afterTitle).toBe(true);
    expect(found.beforeEquations).toBe(true);
    expect(found.heading).toBe(text.heading);
    expect(found.diagram).toEqual({
      role: 'img',
      title: text.diagramTitle,
      tiers: 4,
      shown: true,
    });
    expect(found.mechanisms).toEqual(
      text.mechanisms.map((m) => ({
        title: `${'①②③④⑤⑥⑦'[m.n - 1]} ${m.title}`,
        text: m.text,
      })),
    );
    // Developer instructions live in the README: no command on the page but
    // the line that says where the calibration table comes from.
    expect(found.pageText).not.toContain('npx ');
    expect(found.pageText.match(/npm run/g) ?? []).toHaveLength(1);

    // The table of contents leads to the overview first.
    const first = page.locator('.toc a').first();
    expect((await first.textContent())?.trim()).toBe(text.heading);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await first.click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('model-overview-title');
    // Still on the model page (the link scrolls; it does not navigate).
    expect(await page.isVisible('main.doc-page')).toBe(true);
    await page.close();
  }, 90_000);
});
