/**
 * Warm-up of a simulation worker. A fresh worker runs the engine's code
 * unoptimised at first: its first runs take several times the steady state,
 * and the user's first edits would pay for that. After the worker's first
 * real run (never before it: the first charts must not wait), the warm-up
 * runs the same scenario over a short horizon a number of times, one run per
 * task, so that a request that arrives meanwhile goes first and waits at most
 * one short run; then a few over the scenario's own horizon (code reached
 * only in later years, such as entry into emptied tiers, is compiled too).
 * It happens once per worker; results are thrown away.
 */
import type { Scenario } from '../engine/index.ts';

export interface WarmUpOptions {
  /** Short runs to make. */
  runs: number;
  /** Years of each short run. */
  years: number;
  /** Runs over the scenario's own horizon after the short ones (none if absent). */
  fullRuns?: number;
  /** Stop early once this much time (ms) has gone into warm-up. */
  budgetMs: number;
}

export const WARM_UP: WarmUpOptions = { runs: 40, years: 2, fullRuns: 3, budgetMs: 600 };

export interface WarmUpHooks {
  simulate: (sc: Scenario) => unknown;
  /** Runs `fn` as a later task (setTimeout in the worker). */
  later: (fn: () => void) => void;
  now: () => number;
}

/** Firms of a warm-up run at most: a larger network is scaled down (the code is the same). */
export const WARM_UP_FIRMS = 600;

/**
 * The scenario of a short warm-up run: the user's, with a short horizon, its
 * own seed and at most WARM_UP_FIRMS firms (each tier keeps one at least), so
 * that a request arriving during a warm-up run waits a few milliseconds.
 */
export function warmUpScenario(sc: Scenario, years: number, i: number): Scenario {
  const firms = sc.network.firmsPerTier;
  const total = firms.reduce((a, b) => a + b, 0);
  const scale = total > WARM_UP_FIRMS ? WARM_UP_FIRMS / total : 1;
  return {
    ...sc,
    network: { ...sc.network, firmsPerTier: firms.map((n) => Math.max(1, Math.round(n * scale))) },
    years: Math.min(sc.years, years),
    seed: (sc.seed + 7919 * (i + 1)) >>> 0,
  };
}

export class WarmUp {
  #started = false;
  #done = 0;
  #spentMs = 0;
  #hooks: WarmUpHooks;
  #opts: WarmUpOptions;

  constructor(hooks: WarmUpHooks, opts: WarmUpOptions = WARM_UP) {
    this.#hooks = hooks;
    this.#opts = opts;
  }

  /** Short runs made so far, and the time they took (ms). */
  get progress(): { runs: number; ms: number } {
    return { runs: this.#done, ms: this.#spentMs };
  }

  /** Called after every real run; starts the warm-up after the first one. */
  afterRun(sc: Scenario): void {
    if (this.#started) return;
    this.#started = true;
    this.#next(sc);
  }

  #next(sc: Scenario): void {
    const { runs, years, budgetMs } = this.#opts;
    const all = runs + (this.#opts.fullRuns ?? 0);
    if (this.#done >= all || this.#spentMs >= budgetMs) return;
    this.#hooks.later(() => {
      const t0 = this.#hooks.now();
      try {
        this.#hooks.simulate(warmUpScenario(sc, this.#done < runs ? years : sc.years, this.#done));
      } catch {
        // A warm-up run that fails changes nothing the user sees: stop warming up.
        this.#done = all;
        return;
      }
      this.#spentMs += this.#hooks.now() - t0;
      this.#done++;
      this.#next(sc);
    });
  }
}
