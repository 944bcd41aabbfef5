/**
 * Units people type (issue 11, item 4) in the built app: a share is shown
 * and typed in percent (80, 80%, full-width ８０％ all mean 0.8, in the
 * levers' fields and on the sensitivity page); a rejected value gets a
 * message naming the lever by its name, in English and Japanese, and no
 * internal path reaches the page.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { decodeState } from '../../src/share/urlState.ts';
import { chromiumForFile } from './fixtures.ts';
import { updates, waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();
const FLOOR = 'input[data-scenario="A"][data-field="policy.passThroughFloor"]';
const PATH_IN_TEXT =
  /\b(policy|labor|market|firms|bargaining|network|costs|simulation|mechanisms)\.[a-z]/;

async function open(path = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url + path);
  await waitForUpdate(page, 'A', 0);
  await waitForUpdate(page, 'B', 0);
  return { page, errors };
}

/** A's pass-through floor as the address holds it (the preset's when not there). */
function linkFloor(page: Page): unknown {
  const s = decodeState(page.url()).state;
  return (s.a.patch as { policy?: { passThroughFloor?: number } }).policy?.passThroughFloor;
}

/** Types into A's pass-through floor; resolves with the value the address then holds. */
async function typeFloor(page: Page, text: string): Promise<unknown> {
  const before = linkFloor(page);
  const n = await updates(page, 'A');
  await page.fill(FLOOR, text);
  await page.press(FLOOR, 'Enter');
  await waitForUpdate(page, 'A', n);
  // The address follows the edit shortly after.
  await expect.poll(() => linkFloor(page)).not.toBe(before);
  return linkFloor(page);
}

describe('shares in percent', () => {
  it('80, 80% and ８０％ all mean 0.8; the field shows 80', async () => {
    const { page, errors } = await open();
    // The preset's 0 is shown as 0 (%), the unit as %.
    expect(await page.inputValue(FLOOR)).toBe('0');
    expect(await page.getAttribute(FLOOR, 'aria-label')).toMatch(/exact value in %$/);
    expect(await typeFloor(page, '80')).toBe(0.8);
    expect(await page.inputValue(FLOOR)).toBe('80');
    expect(await typeFloor(page, '10')).toBe(0.1);
    expect(await typeFloor(page, '80%')).toBe(0.8);
    expect(await typeFloor(page, '10 %')).toBe(0.1);
    expect(await typeFloor(page, '８０％')).toBe(0.8);
    expect(await page.inputValue(FLOOR)).toBe('80');
    // The slider moves with it, and says the value in percent.
    const slider = 'input[type="range"][data-scenario="A"][data-path="policy.passThroughFloor"]';
    expect(await page.inputValue(slider)).toBe('0.8');
    expect(await page.getAttribute(slider, 'aria-valuetext')).toBe('80%');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an out-of-range or non-number value is named by its lever, in both languages', async () => {
    const { page, errors } = await open();
    await page.fill(FLOOR, '150');
    await page.press(FLOOR, 'Enter');
    const alert = page.locator('[data-lever="policy.passThroughFloor"] [role="alert"]').first();
    await expect
      .poll(() => alert.textContent())
      .toMatch(/^Pass-through floor must be from 0% to 100%\./);
    await page.fill(FLOOR, 'abc');
    await page.press(FLOOR, 'Enter');
    await expect
      .poll(() => alert.textContent())
      .toMatch(/^Pass-through floor: "abc" is not a number; enter one from 0% to 100%\./);
    expect(await page.textContent('body')).not.toMatch(PATH_IN_TEXT);
    await page.click('button[data-lang="ja"]');
    await expect
      .poll(() => alert.textContent())
      .toMatch(/^価格転嫁の下限：「abc」は数値ではありません。0%から100%/);
    expect(await page.textContent('body')).not.toMatch(PATH_IN_TEXT);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a link notice names the lever and gives a share in percent', async () => {
    const { page } = await open('?v=3&a.policy.passThroughFloor=1.5&b.policy.costDown=abc');
    const notice = await page.textContent('[data-link-issues]');
    expect(notice).toMatch(/Pass-through floor = 150% ignored \(must be from 0% to 100%\)/);
    expect(notice).toMatch(/Cost-down demand = "abc" ignored/);
    expect(notice).not.toMatch(PATH_IN_TEXT);
    await page.close();
  });

  it("a shock's size is typed in percent too", async () => {
    const { page, errors } = await open();
    await page.click('details[data-section="labour"] > summary');
    await page.click('.shocks[data-scenario="A"] > button:last-child');
    const size = page.locator('.shocks[data-scenario="A"] fieldset.shock input').nth(2);
    await expect.poll(() => size.inputValue()).toBe('30');
    await size.fill('＋４０％');
    await size.press('Tab');
    await page.waitForFunction(() => decodeURIComponent(location.search).includes(':0.4'));
    const s = decodeState(page.url()).state.a.patch as { shocks?: { size: number }[] };
    expect(s.shocks?.[0].size).toBe(0.4);
    expect(await size.inputValue()).toBe('40');
    await size.fill('900');
    await size.press('Tab');
    await expect
      .poll(() => page.textContent('.shocks[data-scenario="A"] .error'))
      .toMatch(/Shock 1, Size: must be from -90% to \+300%\./);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the sensitivity page takes the axis ends the same way', async () => {
    const { page, errors } = await open('#sensitivity');
    const axis = '[data-sens-axis="1"]';
    await page.locator(`${axis} [data-sens="to"]`).waitFor();
    await page.selectOption(`${axis} [data-sens="path"]`, 'policy.passThroughFloor');
    expect(await page.textContent(`${axis} label:has([data-sens="to"])`)).toMatch(/\(%\)/);
    await page.fill(`${axis} [data-sens="to"]`, '80%');
    await page.press(`${axis} [data-sens="to"]`, 'Tab');
    await expect.poll(() => page.textContent(`${axis} .range`)).toMatch(/→ 80%$/);
    await page.waitForFunction(() => location.search.includes('sens.y'));
    expect(decodeState(page.url()).state.sens.axes[1]).toMatchObject({
      path: 'policy.passThroughFloor',
      to: 0.8,
    });
    await page.fill(`${axis} [data-sens="to"]`, '150');
    await page.press(`${axis} [data-sens="to"]`, 'Tab');
    const message = page.locator('[data-sens-error="heatmap"]');
    await expect
      .poll(() => message.textContent())
      .toMatch(/Pass-through floor: 150% is outside the range it can take, 0% to 100%\./);
    expect(await message.textContent()).not.toMatch(PATH_IN_TEXT);
    expect(errors).toEqual([]);
    await page.close();
  });
});
