/**
 * The guided lessons in headless Chromium, against the built app: a lesson
 * from prediction to explanation in English and Japanese, the lesson's
 * chart highlighted and its claims read off the run, "?lesson=<id>" links
 * (an unknown id gets a notice and the list), progress kept over a reload
 * (and damaged stored progress set aside), "try it yourself" on the
 * Simulation page with the lesson's levers highlighted, the printable
 * worksheet, and no axe violations.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { simulate } from '../../src/engine/index.ts';
import { checkClaim, findLesson, lessonScenario } from '../../src/app/lessons/lessons.ts';
import { chromiumForFile } from './fixtures.ts';
import { controlValues, waitForUpdate } from './page.ts';

const url = inject('appUrl');

/** Whether each claim of a lesson holds on its runs, computed here with the engine. */
function engineVerdicts(id: string): string[] {
  const lesson = findLesson(id)!;
  const runs = {
    A: simulate(lessonScenario(lesson, 'A')),
    B: simulate(lessonScenario(lesson, 'B')),
  };
  return lesson.claims.map((c) => String(checkClaim(c, runs).holds));
}
const browser = chromiumForFile();

async function open(
  query = '',
  opts: { locale?: string; init?: string; viewport?: { width: number; height: number } } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser().newContext({
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    locale: opts.locale ?? 'en-US',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  if (opts.init) await page.addInitScript(opts.init);
  await page.goto(url + query);
  await waitForUpdate(page, 'A', 0);
  await waitForUpdate(page, 'B', 0);
  return { page, errors };
}

const text = (page: Page, selector: string) => page.textContent(selector).then((t) => t ?? '');

/** Goes through a lesson: picks prediction `choice`, runs the model, waits for the claims. */
async function predictAndRun(page: Page, choice: number): Promise<void> {
  const radios = page.locator('[data-predictions] input[type=radio]');
  expect(await page.isDisabled('button.run')).toBe(true);
  await radios.nth(choice).check();
  expect(await page.isDisabled('button.run')).toBe(false);
  await page.click('button.run');
  await page.waitForSelector('[data-claims] li');
}

describe('guided lessons', () => {
  it('lists the lessons from the header and walks one from prediction to explanation (English)', async () => {
    const { page, errors } = await open();
    await page.click('nav a[href="#lessons"]');
    expect(await page.getAttribute('nav a[href="#lessons"]', 'aria-current')).toBe('page');
    // The lessons page loads with its first visit: wait for its list.
    await expect
      .poll(() => page.locator('[data-lesson-item]').count(), { timeout: 20_000 })
      .toBe(6);
    expect(await text(page, '[data-lessons-count]')).toContain('0 of 6');

    await page.click('[data-lesson-item="cost-down"] a');
    // The address bar follows: the page's link opens this lesson.
    await page.waitForURL(/[?&]lesson=cost-down/);
    expect(await text(page, '#lesson-title')).toContain('cost-downs');
    // No answer before a prediction is made.
    expect(await page.locator('[data-lesson-result]').count()).toBe(0);
    await predictAndRun(page, 0); // a wrong prediction: the answer is the third
    expect(await page.getAttribute('[data-verdict]', 'data-verdict')).toBe('wrong');
    expect(await text(page, '[data-verdict]')).toContain('More slowly');

    // The model ran the lesson's scenarios: A with the 3% cost-down, B without.
    expect((await controlValues(page, 'A'))['slider:policy.costDown']).toBe('0.03');
    expect((await controlValues(page, 'B'))['slider:policy.costDown']).toBe('0');
    // The chart that answers the question, highlighted, with lines drawn.
    expect(await page.isVisible('[data-lesson-chart="wage"] figure[data-chart="wage"]')).toBe(true);
    const inked = await page.$eval('[data-lesson-chart] canvas', (c) => {
      const { data } = (c as HTMLCanvasElement)
        .getContext('2d')!
        .getImageData(0, 0, (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height);
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    });
    expect(inked).toBeGreaterThan(2000);
    // Each claim is judged on the run shown, as the engine judges it (the
    // claims themselves are guarded by test/engine/lessons.test.ts).
    const claims = await page.$$eval('[data-claims] li', (ls) =>
      ls.map((l) => (l as HTMLElement).dataset.holds),
    );
    expect(claims, await text(page, '[data-claims]')).toEqual(engineVerdicts('cost-down'));
    expect(await text(page, '[data-claims]')).toMatch(/A \d+\.\d+%\/yr · B \d+\.\d+%\/yr/);
    expect(await text(page, '[data-explanation]')).toContain('affordability floor');
    // The page's ids stay unique although the chart is also on the Simulation page.
    const dupes = await page.$$eval('[id]', (els) => {
      const seen = new Map<string, number>();
      for (const e of els) seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
    expect(dupes).toEqual([]);
    const axe = await new AxeBuilder({ page }).include('.lessons-page').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('walks a lesson in Japanese, and a ?lesson= link opens it directly', async () => {
    const { page, errors } = await open('?lesson=gain-sharing&lang=ja');
    // A hand-written lesson link is not a broken share link.
    expect(await page.locator('[data-link-issues]').count()).toBe(0);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    expect(await text(page, '#lesson-title')).toContain('成果の分配');
    expect(await text(page, '[data-predictions] legend')).toContain('問い');
    await predictAndRun(page, 0); // the right answer here is the first
    expect(await page.getAttribute('[data-verdict]', 'data-verdict')).toBe('right');
    expect(await text(page, '[data-verdict]')).toContain('予想どおり');
    expect(await page.isVisible('[data-lesson-chart="investment"]')).toBe(true);
    expect(await text(page, '[data-explanation]')).toContain('ホールドアップ');
    expect(await text(page, '[data-claims]')).toContain('成果配分があると');
    expect(await text(page, '[data-try]')).toContain('自分で試す');
    const axe = await new AxeBuilder({ page }).include('.lessons-page').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('tells an unknown lesson id and shows the list', async () => {
    const { page } = await open('?lesson=no-such-lesson');
    expect(await text(page, '[data-unknown-lesson]')).toContain('no-such-lesson');
    // The lessons page loads with its first visit: wait for its list.
    await expect
      .poll(() => page.locator('[data-lesson-item]').count(), { timeout: 20_000 })
      .toBe(6);
    const axe = await new AxeBuilder({ page }).include('.lessons-page').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    await page.context().close();
  });

  it('fits a phone: no part of a lesson is wider than the screen', async () => {
    const { page } = await open('?lesson=cost-shock', { viewport: { width: 390, height: 844 } });
    await predictAndRun(page, 1);
    await page.waitForSelector('[data-lesson-chart] canvas');
    const wide = await page.$$eval('.lessons-page *', (els) =>
      els
        .filter((e) => (e as HTMLElement).offsetParent !== null)
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .map((e) => e.tagName + '.' + e.className),
    );
    expect(wide).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    const chart = await page.$eval(
      '[data-lesson-chart] canvas',
      (c) => c.getBoundingClientRect().width,
    );
    expect(chart).toBeGreaterThan(250);
    await page.context().close();
  });

  it('keeps progress over a reload, and sets damaged stored progress aside', async () => {
    const { page } = await open('#lessons');
    await page.click('[data-lesson-item="layered"] a');
    await page.waitForURL(/[?&]lesson=layered/);
    await page.locator('[data-predictions] input[type=radio]').nth(2).check();
    await page.reload();
    await waitForUpdate(page, 'A', 0);
    // The link still opens the lesson; the prediction is still picked.
    expect(await text(page, '#lesson-title')).toContain('More customers');
    expect(await page.isChecked('[data-predictions] input[value="2"]')).toBe(true);
    await page.click('button.run');
    await page.waitForSelector('[data-claims] li');
    await page.reload();
    await waitForUpdate(page, 'A', 0);
    // Finished: the answer and the explanation are back without another prediction.
    await page.waitForSelector('[data-claims] li');
    expect(await page.getAttribute('[data-verdict]', 'data-verdict')).toBe('wrong');
    await page.click('.crumbs a');
    expect(await page.getAttribute('[data-lesson-item="layered"]', 'data-status')).toBe(
      'statusFinished',
    );
    expect(await text(page, '[data-lessons-count]')).toContain('1 of 6');
    await page.waitForURL((u) => !u.search.includes('lesson='));

    // Damaged stored progress: a notice, the data kept aside, the page still works.
    await page.evaluate(() => localStorage.setItem('scs:lessons:progress', '{"version":1,"less'));
    await page.reload();
    await page.waitForSelector('[data-progress-damaged]');
    expect(await page.evaluate(() => localStorage.getItem('scs:lessons:damaged'))).toBe(
      '{"version":1,"less',
    );
    // The lessons page loads with its first visit: wait for its list.
    await expect
      .poll(() => page.locator('[data-lesson-item]').count(), { timeout: 20_000 })
      .toBe(6);
    await page.context().close();
  });

  it('hands the lesson to the Simulation page with its levers highlighted', async () => {
    const { page } = await open('?lesson=pass-through');
    await predictAndRun(page, 2);
    await page.click('[data-try]');
    await page.waitForSelector('[data-try-banner="pass-through"]');
    await page.waitForFunction(() => window.scrollY === 0);
    expect(await page.isVisible('[data-try-banner]')).toBe(true);
    expect(await page.isVisible('.layout')).toBe(true);
    const marked = await page.$$eval('.lesson-lever', (els) =>
      els.map((e) => (e as HTMLElement).dataset.lever),
    );
    expect(marked).toEqual(
      expect.arrayContaining([
        'policy.passThroughFloor',
        'policy.dutyToRespond',
        'market.priceAnchor',
      ]),
    );
    // The folded section holding a lever opens; the banner's button takes the user to it.
    await page.click('[data-try-banner] .lever-link >> nth=2');
    const focused = await page.evaluate(
      () => document.activeElement?.closest('[data-lever]')?.getAttribute('data-lever') ?? null,
    );
    expect(focused).toBe('market.priceAnchor');
    // Back to the lesson, which still shows its answer.
    await page.click('[data-try-banner] button:has-text("Back to the lesson")');
    await page.waitForSelector('[data-lesson="pass-through"] [data-claims]');
    expect(await page.locator('.lesson-lever').count()).toBe(0);
    await page.context().close();
  });

  it('prints the lesson’s worksheet only, in the page’s language', async () => {
    const { page } = await open('?lesson=policy-timeline&lang=ja');
    await page.emulateMedia({ media: 'print' });
    const shown = await page.$$eval('body *', (els) =>
      els
        .filter((e) => (e as HTMLElement).offsetParent !== null && e.matches('h1, h2, h3, canvas'))
        .map((e) => e.textContent ?? ''),
    );
    expect(shown.some((t) => t.includes('日本の政策の歩み'))).toBe(true);
    expect(shown.some((t) => t.includes('モデルは何を示しましたか'))).toBe(true);
    // Nothing of the app around it (header title, charts) is printed.
    expect(shown.some((t) => t.includes('Cost sharing') || t.includes('コスト'))).toBe(false);
    const lines = await page.locator('[data-worksheet] .lines').count();
    expect(lines).toBeGreaterThanOrEqual(5);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.isVisible('[data-worksheet]')).toBe(false);
    // The Simulation page prints as it is, even with a lesson open on the lessons page.
    await page.click('nav a[href="#sim"]');
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('[data-worksheet]')).toBe(false);
    expect(await page.isVisible('figure[data-chart="wage"]')).toBe(true);
    await page.context().close();
  });
});
