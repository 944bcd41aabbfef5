/** Helpers for driving the app in the browser tests. */
import type { Page } from 'playwright-core';

/** Number of input-to-drawn measures the app has recorded for scenario `id`. */
export function updates(page: Page, id: 'A' | 'B'): Promise<number> {
  return page.evaluate((id) => performance.getEntriesByName(`update:${id}`, 'measure').length, id);
}

/** Waits until scenario `id` has drawn more than `after` results. */
export async function waitForUpdate(
  page: Page,
  id: 'A' | 'B',
  after: number,
  timeoutMs = 20_000,
): Promise<void> {
  // Resolved by a PerformanceObserver rather than by polling, so that waiting
  // adds no work to the page's main thread. (A string, so that no helper of
  // the Node-side compiler ends up in the page.)
  await page.evaluate(`new Promise((resolve, reject) => {
    const name = ${JSON.stringify(`update:${id}`)};
    const count = () => performance.getEntriesByName(name, 'measure').length;
    if (count() > ${after}) return resolve();
    const observer = new PerformanceObserver(() => {
      if (count() > ${after}) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe({ type: 'measure' });
    setTimeout(() => {
      observer.disconnect();
      reject(new Error('scenario ${id} drew no new result within ${timeoutMs} ms (has ' + count() + ')'));
    }, ${timeoutMs});
  })`);
}

export interface Drawn {
  chart: string;
  a: string;
  b: string;
  diff: string;
}

/**
 * Checksums of the data each chart holds, per scenario (drawn once on screen:
 * see drawStates). Waits for the charts, which load beside the first view.
 */
export async function drawn(page: Page): Promise<Drawn[]> {
  await page.waitForSelector('figure[data-chart] canvas[data-digest-a]', { state: 'attached' });
  return page.$$eval('figure[data-chart] canvas', (canvases) =>
    canvases.map((c) => ({
      chart: c.closest('figure')?.dataset.chart ?? '',
      a: c.dataset.digestA ?? '',
      b: c.dataset.digestB ?? '',
      diff: c.dataset.digestDiff ?? '',
    })),
  );
}

/** The key indicators as shown, per row: [A, B, B - A]. */
export function indicators(page: Page): Promise<Record<string, string[]>> {
  return page.$$eval('tr[data-kpi]', (rows) =>
    Object.fromEntries(
      rows.map((r) => [
        (r as HTMLElement).dataset.kpi,
        [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''),
      ]),
    ),
  );
}

/** Values shown by scenario `id`'s controls: exact fields, switches and the tiers list. */
export function controlValues(page: Page, id: 'A' | 'B'): Promise<Record<string, string>> {
  return page.evaluate((id) => {
    const out: Record<string, string> = {};
    for (const el of document.querySelectorAll<HTMLInputElement>(
      `input[data-scenario="${id}"][data-field]`,
    )) {
      out[el.dataset.field!] = el.value;
    }
    for (const el of document.querySelectorAll<HTMLInputElement>(
      `input[role="switch"][data-scenario="${id}"]`,
    )) {
      out[el.dataset.path!] = String(el.checked);
    }
    for (const el of document.querySelectorAll<HTMLInputElement>(
      `input[type="range"][data-scenario="${id}"]`,
    )) {
      out[`slider:${el.dataset.path}`] = el.value;
    }
    // A lever offered as a choice (rounds per year: 1, 2 or 4): its value is both.
    for (const el of document.querySelectorAll<HTMLSelectElement>(
      `select[data-scenario="${id}"][data-path]`,
    )) {
      out[el.dataset.path!] = el.value;
      out[`slider:${el.dataset.path}`] = el.value;
    }
    return out;
  }, id);
}

/**
 * An init script (page.addInitScript) that records every worker the page
 * makes, by name, and whether it was terminated; read with batchWorkers().
 */
export const RECORD_WORKERS = `(() => {
  const made = [];
  window.__workers = made;
  const Base = window.Worker;
  window.Worker = class extends Base {
    constructor(src, opts) {
      super(src, opts);
      const rec = { name: (opts && opts.name) || '', alive: true };
      made.push(rec);
      const stop = this.terminate.bind(this);
      this.terminate = () => { rec.alive = false; stop(); };
    }
  };
})()`;

/** The batch workers made so far and those still alive (not terminated); needs RECORD_WORKERS. */
export function batchWorkers(page: Page): Promise<{ made: number; alive: number }> {
  return page.evaluate(() => {
    const all = (window as unknown as { __workers: { name: string; alive: boolean }[] }).__workers;
    const batch = all.filter((w) => w.name.startsWith('batch'));
    return { made: batch.length, alive: batch.filter((w) => w.alive).length };
  });
}

export interface DrawState {
  chart: string;
  /** Checksums of the data the chart holds (A, B, B − A): current as soon as a result is in. */
  held: string;
  /** Checksums of the data last drawn on its canvas. */
  drawn: string;
  /** Holds data not drawn yet (waiting for a frame, or off screen). */
  stale: boolean;
  /** Laid out and in the viewport (or full screen). */
  onScreen: boolean;
}

/** For each chart: what it holds, what it last drew, and whether it is on screen. */
export function drawStates(page: Page): Promise<DrawState[]> {
  return page.$$eval('figure[data-chart] canvas', (canvases) =>
    (canvases as HTMLCanvasElement[]).map((c) => {
      const f = c.closest('figure') as HTMLElement;
      const r = f.getBoundingClientRect();
      const d = c.dataset;
      return {
        chart: f.dataset.chart ?? '',
        held: `${d.digestA} ${d.digestB} ${d.digestDiff}`,
        drawn: d.drawn ?? '',
        stale: d.stale !== undefined,
        onScreen:
          f.offsetWidth > 0 &&
          (document.fullscreenElement === f ||
            (r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth)),
      };
    }),
  );
}

/** Whether every chart on screen has drawn the data it holds. */
export async function onScreenCurrent(page: Page): Promise<boolean> {
  const s = (await drawStates(page)).filter((c) => c.onScreen);
  return s.length > 0 && s.every((c) => !c.stale && c.drawn === c.held);
}

/**
 * Opens every folded part of the page (the control panel's sections, menus) and waits until
 * the sections have rendered their levers (they may render only once opened).
 */
export async function openAllDetails(page: Page): Promise<void> {
  await page.$$eval('details', (ds) => ds.forEach((d) => (d.open = true)));
  await page.waitForFunction(() =>
    [...document.querySelectorAll('details.section')].every((d) => d.children.length > 1),
  );
}
