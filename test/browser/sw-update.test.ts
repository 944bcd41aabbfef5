/**
 * A new build reaches the user through a visible offer to reload: once the
 * service worker has installed a new build, the page says so (in its
 * language) and keeps serving the running build until the user accepts;
 * accepting reloads into the new build with the scenario kept (it is in the
 * link). "Later" puts the offer away.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildApp, serveBuilt } from './harness.ts';
import { chromiumForFile } from './fixtures.ts';
import { waitForUpdate } from './page.ts';

const browser = chromiumForFile();
let site: Awaited<ReturnType<typeof serveBuilt>> | null = null;
let outDir = '';

beforeAll(async () => {
  outDir = await buildApp();
  site = await serveBuilt(outDir);
}, 180_000);

afterAll(async () => {
  await site?.close();
});

/** Waits until a service worker controls the page. */
function controlled(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) =>
        navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }),
      );
    return true;
  });
}

/** Publishes a "new build": a service worker script that differs byte for byte. */
function publishNewBuild(tag: string): void {
  appendFileSync(join(outDir, 'sw.js'), `\n// ${tag}\n`);
}

/** Makes the page look for a new service worker now (browsers also do on navigation). */
function checkForUpdate(page: Page): Promise<unknown> {
  return page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
}

describe('service worker update', () => {
  it('offers to reload after a new build installed, and reloads into it with the scenario kept', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${site!.url}?v=3&lang=en&a=layered&b=japan-2024`);
    await waitForUpdate(page, 'A', 0);
    await controlled(page);
    const prompt = page.locator('[data-update-prompt]');
    // The first install offers nothing: there was no older build.
    await page.waitForTimeout(500);
    expect(await prompt.count()).toBe(0);

    publishNewBuild('build 2');
    const firstWorker = await page.evaluate(
      () => navigator.serviceWorker.controller?.scriptURL ?? '',
    );
    await checkForUpdate(page);
    await expect.poll(() => prompt.count(), { timeout: 30_000 }).toBe(1);
    await expect(prompt.textContent()).resolves.toMatch(/new version/i);
    // The old build keeps serving until the user accepts: the new worker waits.
    expect(
      await page.evaluate(() =>
        navigator.serviceWorker.getRegistration().then((r) => Boolean(r?.waiting)),
      ),
    ).toBe(true);

    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    await prompt.getByRole('button', { name: 'Reload now' }).click();
    await reloaded;
    await waitForUpdate(page, 'A', 0);
    expect(
      await page.evaluate(() =>
        navigator.serviceWorker.getRegistration().then((r) => ({
          waiting: Boolean(r?.waiting),
          active: r?.active?.state,
        })),
      ),
    ).toEqual({ waiting: false, active: 'activated' });
    expect(firstWorker).toMatch(/sw\.js$/);
    // The scenario is the one of the link.
    expect(page.url()).toMatch(/a=layered/);
    expect(await prompt.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('says it in Japanese on a Japanese page, and "later" puts it away', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${site!.url}?v=3&lang=ja`);
    await waitForUpdate(page, 'A', 0);
    await controlled(page);
    publishNewBuild('build 3');
    await checkForUpdate(page);
    const prompt = page.locator('[data-update-prompt]');
    await expect.poll(() => prompt.count(), { timeout: 30_000 }).toBe(1);
    await expect(prompt.textContent()).resolves.toMatch(/新しい版/);
    await prompt.getByRole('button', { name: 'あとで' }).click();
    expect(await prompt.count()).toBe(0);
    await context.close();
  }, 120_000);
});
