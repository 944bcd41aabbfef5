/**
 * The simulation worker's warm-up (src/worker/warmup.ts): it starts after the
 * first real run and never before, runs one short run per task (so a request
 * in between goes first), stops at its run count or time budget or at a
 * failure, happens once per worker, and keeps its runs small.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario, simulate, type Scenario } from '../../src/engine/index.ts';
import {
  WARM_UP_FIRMS,
  WarmUp,
  warmUpScenario,
  type WarmUpOptions,
} from '../../src/worker/warmup.ts';

function harness(opts: WarmUpOptions = { runs: 5, years: 2, budgetMs: 1000 }, cost = 1, fail = -1) {
  const tasks: (() => void)[] = [];
  const ran: Scenario[] = [];
  let clock = 0;
  const w = new WarmUp(
    {
      simulate: (sc) => {
        if (ran.length === fail) throw new Error('boom');
        ran.push(sc);
        clock += cost;
      },
      later: (fn) => tasks.push(fn),
      now: () => clock,
    },
    opts,
  );
  /** Runs the queued tasks one at a time, as the event loop would; returns how many ran. */
  const drain = () => {
    let n = 0;
    while (tasks.length) {
      tasks.shift()!();
      n++;
    }
    return n;
  };
  return { w, tasks, ran, drain };
}

describe('worker warm-up', () => {
  it('starts only after the first real run, once, one short run per task', () => {
    const { w, tasks, ran, drain } = harness();
    expect(tasks).toHaveLength(0);
    const sc = defaultScenario();
    w.afterRun(sc);
    // One task queued at a time: a request arriving meanwhile is handled between two runs.
    expect(tasks).toHaveLength(1);
    tasks.shift()!();
    expect(ran).toHaveLength(1);
    expect(tasks).toHaveLength(1);
    w.afterRun(sc);
    expect(tasks).toHaveLength(1);
    expect(drain()).toBe(4);
    expect(ran).toHaveLength(5);
    expect(w.progress.runs).toBe(5);
    w.afterRun(sc);
    expect(tasks).toHaveLength(0);
  });

  it('ends with runs over the scenario’s own horizon, after the short ones', () => {
    const { w, ran, drain } = harness({ runs: 3, years: 2, fullRuns: 2, budgetMs: 1000 });
    w.afterRun(defaultScenario());
    drain();
    expect(ran.map((r) => r.years)).toEqual([2, 2, 2, 20, 20]);
    expect(w.progress.runs).toBe(5);
  });

  it('stops at its time budget', () => {
    const { w, ran, drain } = harness({ runs: 100, years: 2, budgetMs: 10 }, 3);
    w.afterRun(defaultScenario());
    drain();
    expect(ran).toHaveLength(4);
    expect(w.progress.ms).toBe(12);
  });

  it('stops at a failing run without throwing', () => {
    const { w, ran, drain } = harness({ runs: 10, years: 2, budgetMs: 1000 }, 1, 2);
    w.afterRun(defaultScenario());
    expect(() => drain()).not.toThrow();
    expect(ran).toHaveLength(2);
  });

  it('runs the user’s scenario over a short horizon with other seeds', () => {
    const { w, ran, drain } = harness();
    const sc = { ...defaultScenario(), seed: 42 };
    w.afterRun(sc);
    drain();
    for (const r of ran) {
      expect(r.years).toBe(2);
      expect(r.seed).not.toBe(42);
      expect(r.policy).toEqual(sc.policy);
      expect(r.network.firmsPerTier).toEqual(sc.network.firmsPerTier);
    }
    expect(new Set(ran.map((r) => r.seed)).size).toBe(ran.length);
  });

  it('scales a large network down, every tier kept, and the run is valid for the engine', () => {
    const sc = defaultScenario();
    sc.network.firmsPerTier = [1000, 9000, 30000, 60000];
    const small = warmUpScenario(sc, 2, 0);
    const total = small.network.firmsPerTier.reduce((a, b) => a + b, 0);
    expect(small.network.firmsPerTier).toHaveLength(4);
    expect(total).toBeLessThanOrEqual(WARM_UP_FIRMS + 4);
    expect(Math.min(...small.network.firmsPerTier)).toBeGreaterThanOrEqual(1);
    expect(sc.network.firmsPerTier).toEqual([1000, 9000, 30000, 60000]);
    const r = simulate(small);
    expect(r.quarters).toBe(8);
  });
});
