/**
 * The app in English and Japanese: the browser's language picks the start,
 * the link can say otherwise, the header's switch changes every visible text
 * (header, levers, indicators, the model page), and in Japanese no English
 * lever label, section title or preset name is left.
 */
import { typedUnit } from '../../src/i18n/units.ts';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PARAMS, PRESETS } from '../../src/engine/index.ts';
import { translate, type Lang } from '../../src/i18n/index.ts';
import { chromiumForFile } from './fixtures.ts';
import { openAllDetails, waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

/** Opens the app with the browser set to `browserLocale`, waits for both first runs. */
async function open(browserLocale: string, suffix = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await browser().newPage({
    viewport: { width: 1280, height: 720 },
    locale: browserLocale,
  });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url + suffix);
  await waitForUpdate(page, 'A', 0);
  await waitForUpdate(page, 'B', 0);
  return { page, errors };
}

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

const LEVER = 'policy.costDown';
const leverLabel = `[data-lever="${LEVER}"] .label`;
const kpiLabel = 'tr[data-kpi="real-va-growth"] th';

/** The visible texts the test follows, and what they should be in `lang`. */
async function expectLanguage(page: Page, lang: Lang): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
  // The app's title (a level-one heading, but on the model page, whose own title is).
  expect(await text(page, 'header.top .app-title')).toContain(translate(lang, 'app.title'));
  expect(await text(page, 'header.top nav a[href="#sim"]')).toBe(translate(lang, 'app.navSim'));
  expect(await text(page, leverLabel)).toBe(translate(lang, `param.${LEVER}.label`));
  expect(await text(page, kpiLabel)).toContain(
    translate(lang, 'indicator.realValueAddedGrowth.label'),
  );
  expect(await text(page, '#key-title')).toBe(translate(lang, 'controls.keyLevers'));
  expect(await page.title()).toBe(translate(lang, 'app.title'));
}

describe('the app in two languages', () => {
  it('starts in the browser’s language: English for en-US, Japanese for ja-JP', async () => {
    const en = await open('en-US');
    await expectLanguage(en.page, 'en');
    await en.page.close();
    const ja = await open('ja-JP');
    await expectLanguage(ja.page, 'ja');
    expect(ja.errors).toEqual([]);
    await ja.page.close();
  });

  it('follows the link’s language over the browser’s', async () => {
    const { page } = await open('en-US', '?lang=ja');
    await expectLanguage(page, 'ja');
    await page.close();
  });

  it('switching language in the header changes the visible texts, the model page included', async () => {
    const { page, errors } = await open('en-US');
    const before = await text(page, kpiLabel);
    const sw = page.getByRole('group', { name: 'Language' });
    await sw.getByRole('button', { name: '日本語' }).click();
    await expectLanguage(page, 'ja');
    expect(await text(page, kpiLabel)).not.toBe(before);
    // The switch is named in the language shown; the pressed button is the language shown.
    const jaSwitch = page.getByRole('group', { name: '言語' });
    const pressed = (name: string) =>
      jaSwitch.getByRole('button', { name }).getAttribute('aria-pressed');
    expect([await pressed('日本語'), await pressed('English')]).toEqual(['true', 'false']);
    // The indicators' differences are in points (money in 億円: export-ja.test.ts).
    expect(await text(page, 'tr[data-kpi="real-va-growth"] td:last-child')).toMatch(/ポイント$/);
    expect(await text(page, 'tr[data-kpi="surviving"] td:last-child')).toMatch(/ポイント$/);

    // The model page in Japanese, then in English after switching back.
    await page.getByRole('link', { name: translate('ja', 'app.navModel') }).click();
    await page.waitForSelector('.model-doc h1');
    expect(await text(page, '.model-doc h1')).toBe('モデルの仕組み');
    expect(await page.locator('.model-doc .katex').count()).toBeGreaterThan(10);
    await jaSwitch.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => text(page, '.model-doc h1')).toBe('How the model works');
    await expectLanguage(page, 'en');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in Japanese leaves no English lever label, section title, preset name or message', async () => {
    const { page } = await open('ja-JP');
    await openAllDetails(page);
    const labels = await page.$$eval('[data-lever]', (els) =>
      els.map((el) => [
        (el as HTMLElement).dataset.lever!,
        el.querySelector('.label')?.textContent?.trim() ?? '',
        el.querySelector('.unit')?.textContent?.trim() ?? '',
      ]),
    );
    // Every lever is shown (the key levers once), each with its Japanese label and unit.
    expect(new Set(labels.map(([path]) => path))).toEqual(new Set(PARAMS.map((p) => p.path)));
    for (const [path, label, unit] of labels) {
      expect(label, path).toBe(translate('ja', `param.${path}.label`));
      const p = PARAMS.find((q) => q.path === path)!;
      // A share's unit is a percentage (its field takes 80 for 0.8).
      if (p.unit) {
        expect(unit, path).toBe(typedUnit('ja', path, translate('ja', `param.${path}.unit`)));
      }
    }
    const headings = await page.$$eval('.controls h2, .controls h3', (hs) =>
      hs.map((h) => h.textContent!.trim()),
    );
    const english = (s: string) => /[A-Za-z]{3}/.test(s);
    expect(headings.filter(english)).toEqual([]);
    const options = await page.$$eval('#preset-A option', (os) => os.map((o) => o.textContent));
    expect(options).toEqual(PRESETS.map((p) => translate('ja', `preset.${p.name}.title`)));
    const notes = await page.$$eval('.controls .help, .network .note, .network h2', (ps) =>
      ps.map((p) => p.textContent!.trim()),
    );
    // Helps name sources (e.g. "METI 2024") in their own words; the prose is Japanese.
    for (const n of notes) expect(n).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);

    // A rejected value is explained in Japanese, and again in English after switching.
    const input = page.locator(`input[data-scenario="A"][data-field="${LEVER}"]`);
    await input.fill('50');
    await input.press('Enter');
    const alert = page.locator('.lever-input .error[role="alert"]');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await text(page, '.lever-input .error')).toContain(
      `${translate('ja', `param.${LEVER}.label`)}：0%／年から10%／年まで`,
    );
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => text(page, '.lever-input .error'))
      .toContain('Cost-down demand must be from 0%/year to 10%/year');
    await page.close();
  });

  it('fits 1280x720 in Japanese: no sideways scrolling, the header in its two rows', async () => {
    const { page } = await open('ja-JP');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const header = (await page.locator('header.top').boundingBox())!;
    // The title and the pages on one row, the engine timings and the tools on the other.
    expect(header.height).toBeLessThanOrEqual(72);
    const right = await page.$$eval('header.top > *', (els) =>
      Math.max(...els.map((e) => e.getBoundingClientRect().right)),
    );
    expect(right).toBeLessThanOrEqual(1280);
    await page.close();
  });
});
