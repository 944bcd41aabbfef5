/**
 * The first charts of the default page, before the workers' first results:
 * the engine's results for the default scenarios, computed at build time
 * (scripts/firstResults.ts, module `virtual:first-results`). They apply only
 * where the scenario and the model version are exactly the ones they were
 * computed for (the page opened with no query, or a link holding those
 * scenarios, as the page's own address on a reload); the worker's own result
 * replaces them when it comes.
 */
import { MODEL_VERSION, type Scenario, type SimResult } from '../engine/index.ts';

/** The workers wait for the first charts from the build's results at most this long (ms). */
export const FIRST_HOLD_MS = 1000;
/** The control panel's folded sections render after the first charts, or this long after the start (ms). */
export const SECTIONS_AFTER_MS = 2000;

export interface FirstResults {
  model: string;
  runs: { id: string; scenario: Scenario; result: SimResult }[];
}

/**
 * Loads the build's first results for a page opened at `href` with no query
 * (asked for at once, before the link is read); null for any other address.
 */
export function loadFirstResults(href: string): Promise<FirstResults | null> | null {
  if (new URL(href).search !== '') return null;
  return importFirstResults();
}

/**
 * Loads them for a link holding the default page's scenario A or B exactly
 * (typically the page's own address, written as it started, on a reload):
 * its charts are the same numbers; null when neither scenario is.
 */
export function loadFirstResultsForLink(
  scenarios: readonly Scenario[],
  defaults: readonly Scenario[],
): Promise<FirstResults | null> | null {
  const same = scenarios.some((s, i) => JSON.stringify(s) === JSON.stringify(defaults[i]));
  return same ? importFirstResults() : null;
}

function importFirstResults(): Promise<FirstResults | null> {
  return import('virtual:first-results').then(
    (m) => m.default,
    () => null, // a convenience: the workers' results come anyway
  );
}

/** The result computed for scenario `id` at build time, if `scenario` is exactly the one it was for. */
export function firstResultFor(
  first: FirstResults | null,
  id: string,
  scenario: Scenario,
): SimResult | null {
  if (!first || first.model !== MODEL_VERSION) return null;
  const run = first.runs.find((r) => r.id === id);
  if (!run || JSON.stringify(run.scenario) !== JSON.stringify(scenario)) return null;
  return run.result;
}

/**
 * Resolves once the charts have drawn what was just shown: after the next
 * draw of charts (the User Timing measure `charts:draw`, drawQueue.ts), or
 * after `maxMs` at the latest (the charts may still be loading, or the page
 * be hidden).
 */
export function afterFirstCharts(maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    const since = performance.now();
    let observer: PerformanceObserver | null = null;
    const done = () => {
      observer?.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, maxMs);
    if (typeof PerformanceObserver === 'undefined') return;
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('charts:draw').some((e) => e.startTime + e.duration >= since))
        done();
    });
    observer.observe({ type: 'measure' });
  });
}
