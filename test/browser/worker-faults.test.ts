/**
 * Fault injection for every kind of worker of the page (the worker layer,
 * src/app/workers/): a simulation worker of A or B, the batch pool's, the
 * bands', the scenario table's, the sensitivity page's and the embed's are
 * killed six ways (silently terminated, made to throw inside, made never to
 * answer, and three messages that cannot be handled: a messageerror, a
 * garbled reply, a request the worker cannot handle), and the page must
 * recover by itself: the worker replaced, the last edit drawn (the charts
 * and indicators as a page without faults draws the same inputs), a batch
 * completed (never stalled). Repeated failures end in an error in the page's
 * language with a Retry (the simulation, the runs, the sensitivity page and
 * the table, in Japanese too), while the rest of the page works. At 100,000
 * firms an edit aborts the long run in flight (its worker replaced) and the
 * latest edit is drawn. Behaviour only, never timings. Faults come from the
 * test's side (faults.ts wraps the page's Worker constructor); the app has
 * no hook.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { MODEL_VERSION } from '../../src/engine/index.ts';
import { splitFirms } from '../../src/engine/presets.ts';
import { embedUrl } from '../../src/share/embed.ts';
import { SAVED_PREFIX } from '../../src/share/storage.ts';
import { decodeState } from '../../src/share/urlState.ts';
import {
  FAULTS,
  faultsScript,
  kill,
  made,
  spawnFaults,
  spawnFaultsAtLoad,
  type Kill,
  type SpawnFault,
} from './faults.ts';
import { chromiumForFile } from './fixtures.ts';
import { controlValues, drawn, indicators, updates, waitForUpdate } from './page.ts';

const url = inject('appUrl');
/** A test's time limit where batches run (the machines are shared and may be busy). */
const SLOW = 180_000;
const browser = chromiumForFile();

interface Opened {
  page: Page;
  /** Uncaught errors of the page. */
  uncaught: string[];
}

async function open(
  target: string,
  { faults = true, init = [] as string[], locale = 'en-US', wait = true } = {},
): Promise<Opened> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 900 }, locale });
  const uncaught: string[] = [];
  page.on('pageerror', (e) => uncaught.push(String(e)));
  if (faults) await page.addInitScript(FAULTS);
  for (const s of init) await page.addInitScript(s);
  await page.goto(target);
  if (wait) {
    await waitForUpdate(page, 'A', 0, 30_000);
    await waitForUpdate(page, 'B', 0, 30_000);
  }
  return { page, uncaught };
}

/** Types `value` in scenario `id`'s field `path` (Enter), as a user does; by default its cost-down. */
async function edit(
  page: Page,
  id: 'A' | 'B',
  value: number | string,
  path = 'policy.costDown',
): Promise<void> {
  await page.evaluate(
    ([id, v, path]) => {
      const field = document.querySelector<HTMLInputElement>(
        `input[data-scenario="${id}"][data-field="${path}"]`,
      )!;
      field.value = String(v);
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    },
    [id, value, path] as const,
  );
}

/** What the page shows of A and B: each chart's data and the key indicators. */
async function shown(page: Page) {
  return { charts: await drawn(page), kpi: await indicators(page) };
}

/** What a page without faults shows after the same edits (computed once per list of edits). */
const references = new Map<string, Promise<Awaited<ReturnType<typeof shown>>>>();
function reference(query: string, edits: [id: 'A' | 'B', value: number][], bands = false) {
  const key = JSON.stringify([query, edits, bands]);
  let r = references.get(key);
  if (!r) {
    r = (async () => {
      const { page } = await open(url + query, { faults: false });
      for (const [id, v] of edits) {
        const n = await updates(page, id);
        await edit(page, id, v);
        await waitForUpdate(page, id, n, 30_000);
      }
      if (bands) await bandsCurrent(page);
      const out = await shown(page);
      await page.close();
      return out;
    })();
    references.set(key, r);
  }
  return r;
}

/** The page shows what a page without faults shows (polled: recovery takes a moment). */
async function expectShows(page: Page, want: Awaited<ReturnType<typeof shown>>): Promise<void> {
  await expect.poll(() => shown(page), { timeout: 60_000, interval: 250 }).toEqual(want);
}

const bandsCurrent = (page: Page) =>
  page.waitForSelector('.runs-note[data-band-state="current"]', { timeout: 90_000 });

/** Waits until the batch progress bar shows a run done (the batch is under way). */
async function batchUnderWay(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const p = document.querySelector('[data-testid="batch-progress"] progress');
      return p instanceof HTMLProgressElement && p.value >= 1 && p.value < p.max;
    },
    undefined,
    { timeout: 60_000, polling: 20 },
  );
}

const noFailure = async (page: Page) =>
  expect(await page.locator('[data-worker-failure]').count()).toBe(0);

/** The messages a worker cannot handle, for every kind of worker (see faults.ts). */
const BAD_MESSAGES = ['messageerror', 'badreply', 'badrequest'] as const;

describe('simulation workers (A and B)', () => {
  for (const how of ['terminate', 'throw', 'hang', ...BAD_MESSAGES] as Kill[]) {
    it(`a simulation worker killed (${how}) during a run is replaced and the last edit is drawn`, async () => {
      const { page, uncaught } = await open(url + '?v=3');
      const before = await made(page, 'simulation A');
      // An edit, the worker killed while it runs, and a newer edit at once.
      await edit(page, 'A', 0.04);
      expect(await kill(page, 'simulation A', how)).toBe(true);
      await edit(page, 'A', 0.05);
      await expectShows(page, await reference('?v=3', [['A', 0.05]]));
      // And the next edit too (on a fresh worker: the killed one is gone).
      await edit(page, 'A', 0.06);
      await expectShows(
        page,
        await reference('?v=3', [
          ['A', 0.05],
          ['A', 0.06],
        ]),
      );
      expect(await made(page, 'simulation A')).toBeGreaterThan(before);
      expect(await made(page, 'simulation A', true)).toBe(1);
      await noFailure(page);
      expect(uncaught).toEqual([]);
      await page.close();
    });
  }

  it(
    'at 100,000 firms an edit aborts the long run in flight (its worker replaced) and the latest edit is drawn',
    async () => {
      const FIRMS = 100_000;
      /** A's tiers, scaled to 100,000 firms in all (as typed in its tiers field). */
      const big = async (page: Page) =>
        splitFirms(
          FIRMS,
          (await controlValues(page, 'A'))['network.firmsPerTier'].split(',').map(Number),
        ).join(', ');
      const tiers = 'network.firmsPerTier';
      // What a page without faults shows for 100,000 firms and the last cost-down.
      const want = await (async () => {
        const { page } = await open(url + '?v=3', { faults: false });
        const n = await updates(page, 'A');
        await edit(page, 'A', await big(page), tiers);
        await waitForUpdate(page, 'A', n, 120_000);
        const m = await updates(page, 'A');
        await edit(page, 'A', 0.06);
        await waitForUpdate(page, 'A', m, 120_000);
        const out = await shown(page);
        await page.close();
        return out;
      })();
      // The app's own time limits (no test override): only an abort ends a worker here.
      const { page, uncaught } = await open(url + '?v=3', {
        faults: false,
        init: [faultsScript()],
      });
      const n = await updates(page, 'A');
      await edit(page, 'A', await big(page), tiers);
      // The first run at 100,000 firms is a long one: it is drawn.
      await waitForUpdate(page, 'A', n, 120_000);
      // An edit, and while its run is in flight (A says "running"), a newer one.
      await edit(page, 'A', 0.05);
      await page.waitForFunction(
        () => document.querySelector('[data-status="A"]')?.textContent?.includes('running'),
        undefined,
        { timeout: 30_000, polling: 10 },
      );
      const before = await made(page, 'simulation A');
      await edit(page, 'A', 0.06);
      // The run in flight was aborted: its worker terminated and a fresh one made,
      // which draws the latest edit (as a page without faults does).
      await expectShows(page, want);
      expect(await made(page, 'simulation A')).toBe(before + 1);
      expect(await made(page, 'simulation A', true)).toBe(1);
      await noFailure(page);
      expect(uncaught).toEqual([]);
      await page.close();
    },
    SLOW,
  );

  it('after three losses in a row the scenario says so (en, ja) with a Retry; the rest works; Retry recovers', async () => {
    const { page, uncaught } = await open(url + '?v=3');
    // B's next workers fail to load; its live worker is lost.
    await spawnFaults(page, 'simulation B', ['load', 'load', 'load']);
    expect(await kill(page, 'simulation B', 'messageerror')).toBe(true);
    await edit(page, 'B', 0.03);
    const alert = page.locator('[data-worker-failure="B"]');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toMatch(
      /Scenario B could not be computed: its worker stopped 3 times in a row \(it crashed or could not load\)\. The rest of the page still works\./,
    );
    expect(await alert.locator('button[data-retry="B"]').textContent()).toBe('Retry');
    expect(await page.locator('[data-worker-failure="A"]').count()).toBe(0);
    // The rest of the page keeps working: A still computes and draws.
    const n = await updates(page, 'A');
    await edit(page, 'A', 0.05);
    await waitForUpdate(page, 'A', n, 30_000);
    // In Japanese (its catalog may load first).
    await page.click('[data-lang="ja"]');
    await expect
      .poll(() => alert.textContent())
      .toMatch(/シナリオBを計算できませんでした：ワーカーが3回続けて止まりました/);
    expect(await alert.locator('button').textContent()).toBe('再試行');
    await page.click('[data-lang="en"]');
    await expect.poll(() => alert.locator('button').textContent()).toBe('Retry');
    // Retry (the fault gone): a fresh worker draws B's last edit.
    await spawnFaults(page, 'simulation B', []);
    await page.click('button[data-retry="B"]');
    await expectShows(
      page,
      await reference('?v=3', [
        ['B', 0.03],
        ['A', 0.05],
      ]),
    );
    await noFailure(page);
    expect(uncaught).toEqual([]);
    await page.close();
  });
});

describe('batch workers (many runs)', () => {
  for (const how of ['terminate', 'throw', 'hang', ...BAD_MESSAGES] as Kill[]) {
    it(
      `a batch worker killed (${how}) mid-batch is replaced and the batch completes, never stalls`,
      async () => {
        const { page, uncaught } = await open(url + '?v=3&runs=30');
        await batchUnderWay(page);
        const before = await made(page, 'batch');
        expect(await kill(page, 'batch', how)).toBe(true);
        await bandsCurrent(page);
        expect(await page.locator('[data-testid="batch-progress"]').count()).toBe(0);
        // Every run is there: the bands are those of a batch without faults.
        await expectShows(page, await reference('?v=3&runs=30', [], true));
        expect(await made(page, 'batch')).toBeGreaterThan(before);
        expect(uncaught).toEqual([]);
        await page.close();
      },
      SLOW,
    );
  }

  for (const how of ['terminate', 'throw', 'hang', ...BAD_MESSAGES] as Kill[]) {
    it(
      `the bands' worker killed (${how}) is made again and the new inputs' bands are drawn`,
      async () => {
        const { page, uncaught } = await open(url + '?v=3&runs=10');
        await bandsCurrent(page);
        expect(await made(page, 'bands')).toBe(1);
        expect(await kill(page, 'bands', how)).toBe(true);
        await edit(page, 'A', 0.05);
        await page.waitForSelector('.runs-note[data-band-state="earlier"]', { timeout: 30_000 });
        await bandsCurrent(page);
        await expectShows(page, await reference('?v=3&runs=10', [['A', 0.05]], true));
        expect(await made(page, 'bands')).toBe(2);
        expect(uncaught).toEqual([]);
        await page.close();
      },
      SLOW,
    );
  }

  it(
    'after repeated losses the runs say so in Japanese, with a Run again that recovers; the single runs go on',
    async () => {
      // Every batch worker fails to load (until the fault is gone).
      const { page, uncaught } = await open(url + '?v=3&runs=10', {
        locale: 'ja-JP',
        init: [spawnFaultsAtLoad({ 'batch *': Array<SpawnFault>(100).fill('load') })],
      });
      const note = page.locator('.runs-note');
      const failed =
        /複数回の実行を計算できませんでした：ワーカーが3回続けて止まりました（クラッシュしたか、読み込めませんでした）。ページのほかの部分はそのまま使えます。/;
      await expect.poll(() => note.textContent(), { timeout: 60_000 }).toMatch(failed);
      // The technical detail stays at hand (its title), in English.
      expect(await note.getAttribute('title')).toMatch(/lost 3 times in a row/);
      // The rest of the page works: A computes and draws (and its batch fails again).
      const n = await updates(page, 'A');
      await edit(page, 'A', 0.05);
      await waitForUpdate(page, 'A', n, 30_000);
      await expect.poll(() => note.textContent(), { timeout: 60_000 }).toMatch(failed);
      // Run again (the fault gone): the bands are those of a page without faults.
      await spawnFaults(page, 'batch *', []);
      await note.locator('button', { hasText: 'もう一度実行' }).click();
      await bandsCurrent(page);
      await page.click('[data-lang="en"]');
      await expectShows(page, await reference('?v=3&runs=10', [['A', 0.05]], true));
      expect(uncaught).toEqual([]);
      await page.close();
    },
    SLOW,
  );
});

describe('the table, the sensitivity page and the embed', () => {
  const saved = (name: string, costDown: number) =>
    JSON.stringify({
      format: 'supply-chain-cost-sharing/scenario',
      formatVersion: 1,
      modelVersion: MODEL_VERSION,
      name,
      preset: 'layered',
      scenario: { policy: { costDown } },
      savedAt: '2026-01-01T00:00:00.000Z',
    });
  const withSaved = `(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(${JSON.stringify(SAVED_PREFIX + 'One')}, ${JSON.stringify(saved('One', 0.01))});
    localStorage.setItem(${JSON.stringify(SAVED_PREFIX + 'Two')}, ${JSON.stringify(saved('Two', 0.04))});
  })()`;
  const tableValues = (page: Page) =>
    page.$$eval('[data-table-row] [data-kpi]', (tds) =>
      tds.map((td) => (td as HTMLElement).dataset.value ?? ''),
    );

  let tableReference: Promise<string[]> | null = null;
  /** The table's values on a page without faults (computed once). */
  const tableWanted = () =>
    (tableReference ??= (async () => {
      const { page } = await open(url + '#table', {
        faults: false,
        init: [withSaved],
        wait: false,
      });
      await expect
        .poll(async () => (await tableValues(page)).filter(Boolean).length, { timeout: 60_000 })
        .toBeGreaterThan(0);
      await expect.poll(async () => (await tableValues(page)).every(Boolean)).toBe(true);
      const v = await tableValues(page);
      await page.close();
      return v;
    })());
  for (const fault of ['terminate', 'throw', 'hang', ...BAD_MESSAGES] as SpawnFault[]) {
    it(`the table's worker (${fault} at its start) is replaced and every row is computed`, async () => {
      const want = await tableWanted();
      const { page, uncaught } = await open(url + '#table', {
        init: [withSaved, spawnFaultsAtLoad({ 'simulation table': [fault] })],
        wait: false,
      });
      await expect.poll(() => tableValues(page), { timeout: 60_000, interval: 250 }).toEqual(want);
      expect(await made(page, 'simulation table')).toBe(2);
      expect(uncaught).toEqual([]);
      await page.close();
    });
  }

  for (const how of ['terminate', 'throw', 'hang', ...BAD_MESSAGES] as Kill[]) {
    it(
      `a sensitivity worker killed (${how}) mid-computation is replaced and the tornado completes`,
      async () => {
        const { page, uncaught } = await open(url + '#sensitivity', { wait: false });
        await batchUnderWay(page);
        const before = await made(page, 'batch');
        expect(await kill(page, 'batch', how)).toBe(true);
        // Done, or failed (which would say why).
        await page.waitForSelector(
          '[data-sens-chart="tornado"][data-state="done"], .status .problem',
          {
            timeout: 150_000,
          },
        );
        expect(await page.locator('.status .problem').count()).toBe(0);
        expect(await made(page, 'batch')).toBeGreaterThan(before);
        expect(uncaught).toEqual([]);
        await page.close();
      },
      SLOW,
    );
  }

  it('after repeated losses the table says so in Japanese, with a Retry that computes the rows', async () => {
    const want = await tableWanted();
    // The table's first three workers fail to load: its first row is given up.
    const { page, uncaught } = await open(url + '#table', {
      locale: 'ja-JP',
      init: [withSaved, spawnFaultsAtLoad({ 'simulation table': ['load', 'load', 'load'] })],
      wait: false,
    });
    const notice = page.locator('[data-table-failure]');
    await notice.waitFor({ timeout: 60_000 });
    const failed =
      /計算できなかった行があります：表のワーカーが3回続けて止まりました（クラッシュしたか、読み込めませんでした）。ページのほかの部分はそのまま使えます。/;
    expect(await notice.textContent()).toMatch(failed);
    expect(await notice.getAttribute('title')).toMatch(/failed to load or crashed/);
    // The row's mark says the same; the other row is computed on a fresh worker.
    expect(await page.locator('[data-table-row] .error').first().getAttribute('title')).toMatch(
      failed,
    );
    await expect
      .poll(async () => (await tableValues(page)).filter(Boolean).length, { timeout: 60_000 })
      .toBeGreaterThan(0);
    await notice.locator('button', { hasText: '再試行' }).click();
    await expect.poll(() => tableValues(page), { timeout: 60_000, interval: 250 }).toEqual(want);
    expect(await notice.count()).toBe(0);
    expect(await made(page, 'simulation table')).toBe(4);
    expect(uncaught).toEqual([]);
    await page.close();
  });

  it(
    'after repeated losses the sensitivity page says so in Japanese, with a Compute again that recovers',
    async () => {
      // Every batch worker fails to load (until the fault is gone).
      const { page, uncaught } = await open(url + '#sensitivity', {
        locale: 'ja-JP',
        init: [spawnFaultsAtLoad({ 'batch *': Array<SpawnFault>(100).fill('load') })],
        wait: false,
      });
      const problem = page.locator('[data-sens-failure]');
      await problem.waitFor({ timeout: 60_000 });
      expect(await problem.textContent()).toMatch(
        /感度分析の図を計算できませんでした：ワーカーが3回続けて止まりました（クラッシュしたか、読み込めませんでした）。ページのほかの部分はそのまま使えます。/,
      );
      expect(await problem.getAttribute('title')).toMatch(/lost 3 times in a row/);
      await spawnFaults(page, 'batch *', []);
      await problem.locator('button', { hasText: 'もう一度計算' }).click();
      await page.waitForSelector('[data-sens-chart="tornado"][data-state="done"]', {
        timeout: 150_000,
      });
      expect(await problem.count()).toBe(0);
      expect(uncaught).toEqual([]);
      await page.close();
    },
    SLOW,
  );

  const embed = () => embedUrl(url, { ...decodeState('?v=3').state, lang: 'en' }, 'wage');
  let embedReference: Promise<Awaited<ReturnType<typeof drawn>>> | null = null;
  for (const fault of ['terminate', 'throw', 'hang', ...BAD_MESSAGES] as SpawnFault[]) {
    it(`the embed's worker (${fault} at its start) is replaced and its chart is drawn`, async () => {
      embedReference ??= (async () => {
        const { page } = await open(embed(), { faults: false });
        const d = await drawn(page);
        await page.close();
        return d;
      })();
      const want = await embedReference;
      const { page, uncaught } = await open(embed(), {
        init: [spawnFaultsAtLoad({ 'simulation A': [fault] })],
      });
      await expect.poll(() => drawn(page), { timeout: 30_000 }).toEqual(want);
      expect(await made(page, 'simulation A')).toBe(2);
      await noFailure(page);
      expect(uncaught).toEqual([]);
      await page.close();
    });
  }

  it('the embed says so after repeated failures, with a Retry that recovers', async () => {
    const { page, uncaught } = await open(embed(), {
      init: [spawnFaultsAtLoad({ 'simulation A': ['load', 'load', 'load'] })],
      wait: false,
    });
    const alert = page.locator('[data-worker-failure="A"]');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toMatch(/Scenario A could not be computed/);
    await page.click('button[data-retry="A"]');
    await waitForUpdate(page, 'A', 0, 30_000);
    await noFailure(page);
    expect(uncaught).toEqual([]);
    await page.close();
  });
});
