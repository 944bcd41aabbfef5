/**
 * A shareable workshop table (issue 11, item 7) in the built app: three
 * named scenarios saved in one browser, shared as one link, open in a fresh
 * browser as the same table in the saved order, each row saying what
 * defines it; a browser that has scenarios of its own keeps them; the table
 * file round-trips; a damaged file is refused with a message; presenter
 * mode enlarges the table.
 */
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { SAVED_PREFIX } from '../../src/share/storage.ts';
import { chromiumForFile } from './fixtures.ts';
import { updates, waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

async function fresh(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser().newContext({
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    locale: 'en-US',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { context, page, errors };
}

async function setField(page: Page, id: 'A' | 'B', path: string, value: string): Promise<void> {
  const n = await updates(page, id);
  const input = page.locator(`input[data-scenario="${id}"][data-field="${path}"]`);
  await input.fill(value);
  await input.press('Enter');
  await waitForUpdate(page, id, n);
}

async function save(page: Page, id: 'A' | 'B', name: string): Promise<void> {
  await page.fill('[data-save-name]', name);
  await page.click(`[data-save="${id}"]`);
  await page.locator(`[data-saved="${name}"]`).waitFor();
}

/** The table's rows: name and what defines it, in order. */
function rows(page: Page): Promise<[string, string][]> {
  return page.$$eval('[data-table-row]', (trs) =>
    trs.map((tr) => [
      (tr as HTMLElement).dataset.tableRow ?? '',
      tr.querySelector('[data-defined]')?.textContent?.trim() ?? '',
    ]),
  );
}

/** Every row's wage-gap figure is computed. */
async function computed(page: Page, n: number): Promise<void> {
  await expect
    .poll(
      () =>
        page.$$eval(
          '[data-table-row] td[data-kpi="wageGap"]',
          (tds) =>
            tds.filter((td) => Number.isFinite(parseFloat((td as HTMLElement).dataset.value ?? '')))
              .length,
        ),
      { timeout: 30_000 },
    )
    .toBe(n);
}

/** Saves three named scenarios (not in alphabetical order) and opens the table. */
async function threeScenarios(page: Page): Promise<void> {
  await page.goto(url);
  await waitForUpdate(page, 'A', 0);
  await waitForUpdate(page, 'B', 0);
  const table = async () => {
    await page.click('nav a[href="#table"]');
    await page.locator('[data-saved-panel]').waitFor();
  };
  await setField(page, 'B', 'policy.costDown', '3');
  await table();
  await save(page, 'B', 'Group 3: layered, 3%');
  await save(page, 'A', 'Group 1: as it is');
  await page.click('nav a[href="#sim"]');
  await setField(page, 'B', 'policy.passThroughFloor', '60%');
  await table();
  await save(page, 'B', '第2班');
}

const LAYERED = 'Layered value chain (複層化したバリューチェーン)';
const WANT: [string, string][] = [
  ['Group 3: layered, 3%', `${LAYERED}; Cost-down demand 3%/year`],
  ['Group 1: as it is', 'Large-firm-led model (大企業牽引モデル) (as the preset)'],
  ['第2班', `${LAYERED}; Cost-down demand 3%/year, Pass-through floor 60%`],
];

describe('the workshop table', () => {
  it('one link restores three named scenarios in a fresh browser, in saved order', async () => {
    const one = await fresh();
    await threeScenarios(one.page);
    await expect.poll(() => rows(one.page)).toEqual(WANT);
    await computed(one.page, 3);
    const figures = await one.page.$$eval('[data-table-row] td[data-kpi]', (tds) =>
      tds.map((td) => (td as HTMLElement).dataset.value),
    );
    await one.page.click('[data-action="table-link"]');
    const link = await one.page.inputValue('[data-table-link]');
    expect(await one.page.textContent('[data-table-link-status]')).toMatch(/3 scenarios/);
    expect(link).toMatch(/view=table/);
    expect(one.errors).toEqual([]);

    // A fresh browser: the same table, names, order and figures; no notice about the link.
    const two = await fresh();
    await two.page.goto(link);
    await two.page.locator('[data-scenario-table]').waitFor({ state: 'visible' });
    await expect.poll(() => rows(two.page)).toEqual(WANT);
    await computed(two.page, 3);
    expect(
      await two.page.$$eval('[data-table-row] td[data-kpi]', (tds) =>
        tds.map((td) => (td as HTMLElement).dataset.value),
      ),
    ).toEqual(figures);
    expect(await two.page.getAttribute('[data-table-opened]', 'data-table-opened')).toBe('ok');
    expect(await two.page.textContent('[data-table-opened]')).toMatch(/Saved: “Group 3/);
    expect(await two.page.locator('[data-link-issues]').count()).toBe(0);
    // The filled table, its notice and its share controls pass axe (serious and critical).
    const { violations } = await new AxeBuilder({ page: two.page })
      .include('[data-scenario-table]')
      .analyze();
    expect(
      violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    // Saved for good: a reload shows the same table.
    await two.page.reload();
    await two.page.click('nav a[href="#table"]');
    await expect.poll(() => rows(two.page)).toEqual(WANT);
    expect(two.errors).toEqual([]);

    // A browser with scenarios of its own: nothing overwritten, the table as sent, others kept aside.
    const three = await fresh();
    await three.page.goto(url);
    await three.page.evaluate(
      ([prefix]) => {
        const file = {
          format: 'supply-chain-cost-sharing/scenario',
          formatVersion: 1,
          modelVersion: '2.0.0',
          name: '第2班',
          preset: 'japan-2024',
          scenario: {},
          savedAt: '2026-01-01T00:00:00.000Z',
        };
        localStorage.setItem(`${prefix}第2班`, JSON.stringify(file));
        localStorage.setItem(`${prefix}Mine`, JSON.stringify({ ...file, name: 'Mine' }));
      },
      [SAVED_PREFIX],
    );
    await three.page.goto(link);
    await three.page.locator('[data-table-opened]').waitFor();
    await expect
      .poll(() => rows(three.page))
      .toEqual([WANT[0], WANT[1], ['第2班 (2)', WANT[2][1]]]);
    const notice = await three.page.textContent('[data-table-opened]');
    expect(notice).toMatch(/A different scenario named “第2班” was saved here already/);
    expect(notice).toMatch(/Scenarios saved here before \(2\) are kept/);
    expect(await three.page.locator('[data-saved]').count()).toBe(5);
    expect(await three.page.isChecked('[data-table-pick="Mine"]')).toBe(false);
    expect(three.errors).toEqual([]);
    await Promise.all([one.context.close(), two.context.close(), three.context.close()]);
  });

  it('the table file round-trips; a damaged one is refused, naming the problem', async () => {
    const one = await fresh();
    await threeScenarios(one.page);
    // The order can be changed; the file keeps it.
    await one.page.click('[data-move-up="第2班"]');
    const order = [WANT[0], WANT[2], WANT[1]];
    await expect.poll(() => rows(one.page)).toEqual(order);
    const [download] = await Promise.all([
      one.page.waitForEvent('download'),
      one.page.click('[data-action="table-file"]'),
    ]);
    const path = (await download.path())!;
    const text = readFileSync(path, 'utf8');
    expect(JSON.parse(text).scenarios.map((s: { name: string }) => s.name)).toEqual(
      order.map((r) => r[0]),
    );

    const two = await fresh();
    await two.page.goto(`${url}?lang=ja#table`);
    await two.page.locator('[data-table-import]').waitFor({ state: 'attached' });
    const bad = JSON.parse(text);
    bad.scenarios[1].scenario.policy.passThroughFloor = 2;
    await two.page.setInputFiles('[data-table-import]', {
      name: 'broken.table.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await two.page.locator('[data-table-opened="failed"]').waitFor();
    const refused = await two.page.textContent('[data-table-opened]');
    expect(refused).toMatch(/「broken\.table\.json」を開けませんでした/);
    expect(refused).toMatch(/「第2班」：価格転嫁の下限：0%から100%/);
    expect(refused).not.toMatch(/policy\./);
    expect(await two.page.locator('[data-saved]').count()).toBe(0);

    await two.page.setInputFiles('[data-table-import]', path);
    await two.page.locator('[data-table-opened="ok"]').waitFor();
    await expect
      .poll(async () => (await rows(two.page)).map((r) => r[0]))
      .toEqual(order.map((r) => r[0]));
    expect((await rows(two.page))[1][1]).toBe(
      '複層化したバリューチェーン：コストダウン要請 3%／年、価格転嫁の下限 60%',
    );
    expect(two.errors).toEqual([]);
    await Promise.all([one.context.close(), two.context.close()]);
  });

  it('a table too long for one link offers the file instead', async () => {
    const { context, page, errors } = await fresh();
    await page.goto(url);
    await page.evaluate(
      ([prefix]) => {
        // 30 scenarios, each with many levers changed: far more than 8,000 characters as a link.
        for (let i = 0; i < 30; i++) {
          const file = {
            format: 'supply-chain-cost-sharing/scenario',
            formatVersion: 1,
            modelVersion: '2.0.0',
            name: `Group ${i + 1}`,
            preset: 'layered',
            scenario: {
              policy: {
                costDown: 0.001 * i,
                passThroughFloor: 0.011 * i,
                gainShareFloor: 0.013 * i,
                laborCostAcceptance: 0.017 * i,
                dutyToRespond: 0.019 * i,
                enforcement: 0.023 * i,
                subsidy: 0.007 * i,
              },
            },
            savedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
          };
          localStorage.setItem(`${prefix}${file.name}`, JSON.stringify(file));
        }
      },
      [SAVED_PREFIX],
    );
    // A new page load reads the store (going to #table alone may only change the hash).
    await page.goto(`${url}#table`);
    // The page writes the table view into its address shortly after; a reload before that could
    // be cut short by it.
    await expect.poll(() => page.url()).toContain('view=table');
    await page.reload();
    // Thirty saved scenarios are read and listed after the reload: slow on a loaded machine.
    await expect
      .poll(() => page.locator('[data-table-pick]').count(), { timeout: 30_000 })
      .toBe(30);
    await page.locator('[data-action="table-link"]').click();
    const status = page.locator('[data-table-link-status]');
    await expect.poll(() => status.textContent()).toMatch(/download the table file instead/);
    expect(await page.locator('[data-table-link]').count()).toBe(0);
    // With fewer rows the link fits again.
    for (let i = 4; i <= 30; i++) await page.uncheck(`[data-table-pick="Group ${i}"]`);
    await page.locator('[data-action="table-link"]').click();
    await expect.poll(() => status.textContent()).toMatch(/holds the 3 scenarios/);
    expect(await page.inputValue('[data-table-link]')).toMatch(/view=table/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('presenter mode enlarges the table for a projector', async () => {
    const { context, page } = await fresh();
    await page.goto(`${url}#table`);
    await page.locator('[data-scenario-table]').waitFor({ state: 'visible' });
    const size = () =>
      page.$eval('[data-scenario-table]', (el) => parseFloat(getComputedStyle(el).fontSize));
    const before = await size();
    await page.click('.presenter-toggle');
    await expect.poll(size).toBeGreaterThanOrEqual(before * 1.4);
    await context.close();
  });
});
