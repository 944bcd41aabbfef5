/**
 * Offline use: the built app keeps working with the network gone after its
 * first load (service worker), and the single-file build (npm run
 * build:single) opens from a file:// URL, with no server, and runs the
 * simulation in its inlined worker.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildApp } from './harness.ts';
import { chromiumForFile } from './fixtures.ts';
import { drawn, indicators, updates, waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

async function expectRunning(page: Page): Promise<void> {
  await waitForUpdate(page, 'A', 0);
  await waitForUpdate(page, 'B', 0);
  const kpi = await indicators(page);
  expect(Object.keys(kpi).length).toBeGreaterThanOrEqual(5);
  for (const [name, [a, b]] of Object.entries(kpi)) {
    expect(a, name).toMatch(/\d/);
    expect(b, name).toMatch(/\d/);
  }
  for (const c of await drawn(page)) expect(c.a, c.chart).not.toBe('');
}

describe('offline', () => {
  it('works offline after the first load (service worker)', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(url);
    await expectRunning(page);
    // Wait until the service worker has installed (precached the app) and controls the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) =>
          navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }),
        );
      }
    });
    const online = await indicators(page);

    await context.setOffline(true);
    await page.reload();
    await expectRunning(page);
    expect(await indicators(page)).toEqual(online);
    // A shared link opens offline too (its query is not part of the cached address).
    await page.goto(`${url}?v=3&lang=en&a=layered&b=layered`);
    await expectRunning(page);
    const kpi = await indicators(page);
    expect(kpi[Object.keys(kpi)[0]][0]).toBe(kpi[Object.keys(kpi)[0]][1]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('single-file build', () => {
  let outDir = '';

  beforeAll(async () => {
    outDir = await buildApp('vite.single.config.ts');
  });

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('is one HTML file', () => {
    expect(readdirSync(outDir)).toEqual(['index.html']);
  });

  it('opens from a file:// URL and runs the simulation, with no server', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    // Nothing but the file itself may be loaded.
    const requested: string[] = [];
    context.on('request', (r) => requested.push(r.url()));
    const page = await context.newPage();
    const errors = collectErrors(page);
    const violations: string[] = [];
    await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as never as { __cspViolation: (v: string) => void }).__cspViolation(
          `${e.violatedDirective} ${e.blockedURI || '(inline)'}`,
        ),
      ),
    );
    const file = pathToFileURL(join(outDir, 'index.html')).href;
    await page.goto(file);
    // The page carries its Content-Security-Policy, inlined scripts allowed by their hashes.
    const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) =>
      m.getAttribute('content'),
    );
    expect(csp).toMatch(/script-src 'self' 'sha256-/);
    await expectRunning(page);

    // An edit runs again in the worker.
    const n = await updates(page, 'A');
    const input = page.locator('input[data-scenario="A"][data-field="policy.costDown"]');
    await input.fill('0.07');
    await input.press('Enter');
    await waitForUpdate(page, 'A', n);

    // A link to the file itself carries the state.
    await page.goto(`${file}?v=3&lang=en&a=layered&b=layered`);
    await expectRunning(page);
    const kpi = await indicators(page);
    const first = kpi[Object.keys(kpi)[0]];
    expect(first[0]).toBe(first[1]);

    expect(
      requested.filter((r) => !r.startsWith(file.split('?')[0]) && !/^(blob|data):/.test(r)),
    ).toEqual([]);
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  }, 120_000);
});
