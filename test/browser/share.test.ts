/**
 * Sharing and saving in the built app: a copied link reproduces the results
 * in a fresh page; a malformed link opens the default view with a message;
 * saved scenarios survive a reload, a damaged one is reported and set aside;
 * the scenario table runs saved scenarios and exports CSV; undo and redo.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { parseCsv } from '../../src/export/csv.ts';
import { embedUrl } from '../../src/share/embed.ts';
import { SAVED_PREFIX, ASIDE_PREFIX } from '../../src/share/storage.ts';
import { decodeState } from '../../src/share/urlState.ts';
import { chromiumForFile } from './fixtures.ts';
import { controlValues, drawn, indicators, updates, waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

interface Opened {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** A fresh browser profile (own storage), the app opened at `path`, both scenarios drawn. */
async function open(path = '', context?: BrowserContext): Promise<Opened> {
  const ctx =
    context ??
    (await browser().newContext({
      viewport: { width: 1280, height: 720 },
      permissions: ['clipboard-read', 'clipboard-write'],
      acceptDownloads: true,
    }));
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url + path);
  await waitForUpdate(page, 'A', 0);
  await waitForUpdate(page, 'B', 0);
  return { context: ctx, page, errors };
}

const field = (id: 'A' | 'B', path: string) => `input[data-scenario="${id}"][data-field="${path}"]`;

/** Types a value into scenario `id`'s exact field and waits for the redraw. */
async function setField(page: Page, id: 'A' | 'B', path: string, value: string): Promise<void> {
  const n = await updates(page, id);
  const input = page.locator(field(id, path));
  await input.fill(value);
  await input.press('Enter');
  await waitForUpdate(page, id, n);
}

/** The link that "Copy link" offers. */
async function copiedLink(page: Page): Promise<string> {
  await page.click('[data-action="copy-link"]');
  const link = await page.locator('[data-share-link]').inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  return link;
}

describe('sharing a link', () => {
  it('a copied link reproduces the same inputs and numbers in a fresh page', async () => {
    const { context, page, errors } = await open();
    await setField(page, 'A', 'policy.costDown', '6.25'); // percent a year: 0.0625
    let n = await updates(page, 'B');
    await page.selectOption('#preset-B', 'large-firm-led');
    await waitForUpdate(page, 'B', n);
    await setField(page, 'B', 'policy.passThroughFloor', '35');
    await page.click('details[data-section="network"] > summary');
    n = await updates(page, 'B');
    await page.locator(field('B', 'network.firmsPerTier')).fill('3, 15, 60');
    await page.locator(field('B', 'network.firmsPerTier')).press('Enter');
    await waitForUpdate(page, 'B', n);

    const link = await copiedLink(page);
    expect(link).toContain('v=3&model=2.');
    expect(link).toContain('a.policy.costDown=0.0625');
    expect(link).toContain('b=large-firm-led');
    expect(link).toContain('b.network.firmsPerTier=3,15,60');
    // The address bar follows the edits too.
    await expect.poll(() => page.url()).toBe(link);

    const want = {
      kpi: await indicators(page),
      charts: await drawn(page),
      a: await controlValues(page, 'A'),
      b: await controlValues(page, 'B'),
    };
    await context.close();

    const fresh = await open(link.slice(link.indexOf('?')));
    expect(await indicators(fresh.page)).toEqual(want.kpi);
    expect(await drawn(fresh.page)).toEqual(want.charts);
    expect(await controlValues(fresh.page, 'A')).toEqual(want.a);
    expect(await controlValues(fresh.page, 'B')).toEqual(want.b);
    expect(await fresh.page.locator('[data-link-issues]').count()).toBe(0);
    expect([...errors, ...fresh.errors]).toEqual([]);
    await fresh.context.close();
  });

  it('the chart mode, the view and the language travel with the link', async () => {
    const { context, page } = await open('?v=3&lang=ja&mode=diff&view=table');
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await page.locator('[data-scenario-table]').isVisible()).toBe(true);
    const link = await copiedLink(page);
    expect(link).toContain('lang=ja');
    expect(link).toContain('mode=diff');
    expect(link).toContain('view=table');
    await context.close();
  });

  it('a malformed link opens the default view and says what was ignored', async () => {
    const plain = await open();
    const defaults = await indicators(plain.page);
    await plain.context.close();

    const { context, page, errors } = await open(
      '?v=3&lang=en&a=no-such-preset&b.policy.costDown=lots&a.policy.costDown=9&zzz=1&c=0',
    );
    const notice = page.locator('[data-link-issues]');
    await expect.poll(() => notice.count()).toBe(1);
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('no-such-preset');
    expect(text).toContain('"lots" ignored (not a number)');
    expect(text).toContain('Cost-down demand = 900% ignored (must be from 0% to 10%)');
    expect(text).toContain('"zzz"');
    expect(text).toContain('check code');
    expect(await indicators(page)).toEqual(defaults);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await notice.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();

    // In Japanese, the engine's reason is told in Japanese too.
    const jaLink = await open('?v=3&lang=ja&a.policy.costDown=9&b.network.firmsPerTier=3,1.5');
    const jaNotice = jaLink.page.locator('[data-link-issues]');
    await expect.poll(() => jaNotice.count()).toBe(1);
    const jaText = (await jaNotice.textContent()) ?? '';
    expect(jaText).toContain('整数');
    expect(jaText).not.toMatch(/must be|whole number|\bfirms\b/);
    await jaLink.context.close();

    // Not a link of this app at all: still the default view, never a blank page.
    const bad = await open('?v=abc&%E0%A4%A=1');
    expect(await bad.page.locator('[data-link-issues]').textContent()).toContain(
      'format version "abc"',
    );
    expect(await indicators(bad.page)).toEqual(defaults);
    await bad.context.close();
  });

  it('an embed link shows its one chart alone and keeps its own URL', async () => {
    const state = decodeState('?v=3&a=layered').state;
    const link = embedUrl(url, state, 'wage');
    const { context, page, errors } = await open(link.slice(link.indexOf('?')));
    expect(await page.locator('figure[data-chart]').count()).toBe(1);
    expect(await page.locator('figure[data-chart]').getAttribute('data-chart')).toBe('wage');
    expect(await page.locator('.controls, [data-action="copy-link"]').count()).toBe(0);
    expect(page.url()).toBe(link);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows a page link even when the address bar was updated before the hash change arrived', async () => {
    const { context, page } = await open();
    // What a click on "Scenario table" right after an edit can meet: the address
    // bar's delayed update replaces the address before the hashchange event runs.
    await page.evaluate(() => {
      location.hash = '#table';
      history.replaceState(history.state, '', location.pathname + location.search);
    });
    await expect.poll(() => page.locator('[data-save-name]').isVisible()).toBe(true);
    await context.close();
  });

  it('a link of the first format is migrated', async () => {
    const { context, page } = await open('?v=1&mode=both&a.policy.passThrough=0.2#model');
    const text = (await page.locator('[data-link-issues]').textContent()) ?? '';
    expect(text).toContain('older version');
    expect(await page.locator('.doc-page').isVisible()).toBe(true);
    expect((await controlValues(page, 'A'))['policy.passThroughFloor']).toBe('20');
    await context.close();
  });
});

describe('saved scenarios and the scenario table', () => {
  it('saved scenarios survive a reload; the table runs them and exports CSV', async () => {
    const { context, page, errors } = await open();
    await setField(page, 'A', 'policy.costDown', '8');
    await page.click('nav a[href="#table"]');
    await page.fill('[data-save-name]', 'Group 1');
    await page.click('[data-save="A"]');
    await page.fill('[data-save-name]', 'Group 2');
    await page.click('[data-save="B"]');
    await expect.poll(() => page.locator('[data-saved]').count()).toBe(2);

    await page.reload();
    await waitForUpdate(page, 'A', 0);
    await page.click('nav a[href="#table"]');
    expect(
      await page
        .locator('[data-saved]')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.saved)),
    ).toEqual(['Group 1', 'Group 2']);

    // The table: one row per saved scenario, every indicator a number.
    const cells = page.locator('[data-table-row] td[data-kpi="wageGap"]');
    const values = () => cells.evaluateAll((t) => t.map((c) => (c as HTMLElement).dataset.value));
    await expect
      .poll(async () => (await values()).filter((v) => v && Number.isFinite(Number(v))).length)
      .toBe(2);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-action="export-table"]'),
    ]);
    const csv = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(csv[0][0]).toBe('Scenario');
    expect(csv.slice(1).map((r) => r[0])).toEqual(['Group 1', 'Group 2']);
    expect(csv).toHaveLength(3);

    // Opening a saved scenario in B gives B the saved inputs.
    const n = await updates(page, 'B');
    await page.locator('[data-saved="Group 1"] [data-open="B"]').click();
    await waitForUpdate(page, 'B', n);
    expect((await controlValues(page, 'B'))['policy.costDown']).toBe('8');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a damaged saved entry is reported and set aside, not deleted', async () => {
    const { context, page } = await open();
    await page.evaluate(
      ([saved]) => {
        localStorage.setItem(`${saved}Broken`, '{"format": "supply-chain-cost-sharing/scen');
      },
      [SAVED_PREFIX],
    );
    await page.reload();
    await waitForUpdate(page, 'A', 0);
    await page.click('nav a[href="#table"]');
    const report = page.locator('[data-damaged]');
    await expect.poll(() => report.count()).toBe(1);
    expect(await report.textContent()).toContain('“Broken”');
    const keys = await page.evaluate(() => Object.keys(localStorage));
    expect(keys).not.toContain(`${SAVED_PREFIX}Broken`);
    const aside = keys.filter((k) => k.startsWith(ASIDE_PREFIX));
    expect(aside).toHaveLength(1);
    const kept = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!).raw, aside[0]);
    expect(kept).toBe('{"format": "supply-chain-cost-sharing/scen');
    await context.close();
  });

  it('imports a scenario file, and says why a bad one is refused', async () => {
    const { context, page } = await open('#table');
    const input = page.locator('[data-import]');
    // The page's own button, not the browser's file field with its own words.
    expect(await page.textContent('[data-import-button]')).toBe('Import a file…');
    expect((await input.boundingBox())?.width).toBeLessThanOrEqual(1);
    await input.focus();
    expect(await page.$eval('[data-import-button]', (b) => getComputedStyle(b).outlineStyle)).toBe(
      'solid',
    );
    await input.setInputFiles({
      name: 'bad.scenario.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          format: 'supply-chain-cost-sharing/scenario',
          formatVersion: 1,
          name: 'Too steep',
          preset: 'layered',
          scenario: { policy: { costDown: 3 } },
        }),
      ),
    });
    const message = page.locator('[data-saved-message]');
    await expect
      .poll(async () => (await message.textContent()) ?? '')
      .toContain('bad.scenario.json');
    expect(await message.textContent()).toContain('Cost-down demand must be from 0%/year');
    expect(await page.locator('[data-saved]').count()).toBe(0);
    // Switched to Japanese, the refusal is told in Japanese (file names aside), the lever by name.
    const english = /[A-Za-z]+(?:[\s,;:()]+[A-Za-z]+){2,}/;
    const lang = page.getByRole('group', { name: 'Language' });
    await lang.getByRole('button', { name: '日本語' }).click();
    await expect
      .poll(async () => (await message.textContent()) ?? '')
      .toContain('読み込めませんでした');
    const ja = (await message.textContent()) ?? '';
    expect(ja).toContain('コストダウン要請');
    expect(ja).not.toContain('policy.costDown');
    expect(ja.replace(/[\w-]*[.[][\w.[\]-]*/g, ' ')).not.toMatch(english);
    await page
      .getByRole('group', { name: '言語' })
      .getByRole('button', { name: 'English' })
      .click();

    await input.setInputFiles({
      name: 'ok.scenario.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          format: 'supply-chain-cost-sharing/scenario',
          formatVersion: 1,
          name: 'Workshop group 3',
          preset: 'layered',
          scenario: { policy: { costDown: 0.02 } },
        }),
      ),
    });
    await expect.poll(() => page.locator('[data-saved="Workshop group 3"]').count()).toBe(1);
    await context.close();
  });
});

describe('undo and redo', () => {
  it('buttons and shortcuts restore the values, but not while typing in a text field', async () => {
    const { context, page } = await open();
    const costDown = async () => (await controlValues(page, 'A'))['policy.costDown'];
    await setField(page, 'A', 'policy.costDown', '7');
    let n = await updates(page, 'B');
    await page.selectOption('#preset-B', 'large-firm-led');
    await waitForUpdate(page, 'B', n);
    expect(await costDown()).toBe('7');

    n = await updates(page, 'B');
    await page.click('[data-action="undo"]');
    await waitForUpdate(page, 'B', n);
    expect(await page.locator('#preset-B').inputValue()).toBe('layered');
    expect(await costDown()).toBe('7');

    n = await updates(page, 'A');
    await page.locator('body').press('Control+z');
    await waitForUpdate(page, 'A', n);
    expect(await costDown()).toBe('3');
    expect(await page.locator('[data-action="undo"]').isDisabled()).toBe(true);

    n = await updates(page, 'A');
    await page.locator('body').press('Control+Shift+Z');
    await waitForUpdate(page, 'A', n);
    expect(await costDown()).toBe('7');

    n = await updates(page, 'B');
    await page.locator('body').press('Control+y');
    await waitForUpdate(page, 'B', n);
    expect(await page.locator('#preset-B').inputValue()).toBe('large-firm-led');
    expect(await page.locator('[data-action="redo"]').isDisabled()).toBe(true);

    // In a text field Ctrl+Z is the field's own: the scenarios stay as they are.
    const input = page.locator(field('A', 'policy.costDown'));
    await input.focus();
    await input.press('Control+z');
    await page.click('[data-action="copy-link"]');
    expect(await page.locator('#preset-B').inputValue()).toBe('large-firm-led');
    expect(await page.locator('[data-action="redo"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-action="undo"]').isDisabled()).toBe(false);
    await context.close();
  });
});
