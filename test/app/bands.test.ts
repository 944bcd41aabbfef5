import { describe, expect, it } from 'vitest';
import {
  BandsController,
  bandSet,
  burdenTotals,
  pairedDifference,
  type BatchPool,
} from '../../src/app/runs/bands.svelte.ts';
import { burden } from '../../src/app/charts/data.ts';
import { runJob, type Job, type RunOutput } from '../../src/engine/batch.ts';
import {
  ECONOMY,
  SERIES,
  defaultScenario,
  presetScenario,
  simulate,
  type Scenario,
  type Summary,
} from '../../src/engine/index.ts';
import type { BatchRun, RunOptions } from '../../src/pool/pool.ts';

const CELLS = (T: number) => Object.keys(SERIES).length * T + Object.keys(ECONOMY).length;

/** A fake run: every value is the scenario's cost-down × 1000 plus the run's position. */
function fakeOutput(job: Job, r: number): RunOutput {
  const T = job.scenario.network.firmsPerTier.length;
  const Q = job.scenario.years * 4;
  const packed = new Float64Array(CELLS(T) * Q).fill(job.scenario.policy.costDown * 1000 + r);
  const summary = { deepestWageGrowth: job.scenario.policy.costDown + r / 1000 } as Summary;
  return { index: job.index, seed: job.scenario.seed, summary, tiers: T, quarters: Q, packed };
}

interface Call {
  jobs: readonly Job[];
  opts: RunOptions;
  settled: boolean;
  finish: (done?: number) => void;
}

/** A pool whose batches finish only when the test says so; cancel resolves the batch at once. */
class FakePool implements BatchPool {
  calls: Call[] = [];
  cancels: boolean[] = [];
  #active: ((cancelled: boolean) => void) | null = null;

  run(jobs: readonly Job[], opts: RunOptions = {}): Promise<BatchRun> {
    return new Promise((resolve) => {
      const outputs: (RunOutput | undefined)[] = [];
      const call: Call = {
        jobs,
        opts,
        settled: false,
        finish: (done = jobs.length) => {
          if (call.settled) return;
          for (let i = 0; i < done; i++) {
            outputs[jobs[i].index] = fakeOutput(jobs[i], jobs[i].index % (jobs.length / 2));
          }
          opts.onProgress?.({ done, total: jobs.length, elapsedMs: 1, remainingMs: 0 });
          settle(done < jobs.length);
        },
      };
      const settle = (cancelled: boolean) => {
        call.settled = true;
        this.#active = null;
        resolve({
          outputs,
          done: outputs.filter(Boolean).length,
          total: jobs.length,
          cancelled,
          ms: 1,
        });
      };
      this.#active = settle;
      this.calls.push(call);
    });
  }

  cancel(respawn = true): void {
    this.cancels.push(respawn);
    this.#active?.(true);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const withCostDown = (x: number, base: Scenario = presetScenario('large-firm-led')): Scenario => {
  const s = structuredClone(base);
  s.policy.costDown = x;
  return s;
};

function make(runs = 10) {
  const pool = new FakePool();
  let made = 0;
  const setting = { runs };
  const ctl = new BandsController(
    () => {
      made++;
      return pool;
    },
    () => setting.runs,
    { debounceMs: 5 },
  );
  return { pool, ctl, setting, made: () => made };
}

/** The median of the wage of tier 0 in quarter 0 for scenario `id` of the bands on screen. */
const median = (ctl: BandsController, id: 'A' | 'B' | 'diff') => {
  const set = ctl.bands!;
  const b = id === 'diff' ? set.diff! : set[id];
  return b.series.wage.p50[0][0];
};

describe('BandsController', () => {
  it('at 1 run does nothing: no pool, no progress', async () => {
    const { ctl, made } = make(1);
    ctl.update(withCostDown(0.01), withCostDown(0.02));
    await sleep(20);
    expect(made()).toBe(0);
    expect(ctl.progress).toBeNull();
    expect(ctl.shown).toBeNull();
  });

  it('runs A and B as one job list, paired seeds, run 0 on the scenario seed; bands of both and of B − A', async () => {
    const { pool, ctl } = make(10);
    const a = withCostDown(0.01);
    const b = withCostDown(0.03);
    ctl.update(a, b);
    expect(ctl.status).toBe('waiting');
    expect(ctl.progress).toEqual({ done: 0, total: 20, elapsedMs: 0, remainingMs: null });
    expect(pool.calls).toHaveLength(0); // debounced
    await sleep(20);
    expect(pool.calls).toHaveLength(1);
    const { jobs } = pool.calls[0];
    expect(jobs.map((j) => j.index)).toEqual([...Array(20).keys()]);
    const seedsA = jobs.slice(0, 10).map((j) => j.scenario.seed);
    const seedsB = jobs.slice(10).map((j) => j.scenario.seed);
    expect(seedsA).toEqual(seedsB);
    expect(seedsA[0]).toBe(a.seed);
    expect(new Set(seedsA).size).toBe(10);
    expect(jobs.slice(0, 10).every((j) => j.scenario.policy.costDown === 0.01)).toBe(true);
    expect(jobs.slice(10).every((j) => j.scenario.policy.costDown === 0.03)).toBe(true);
    pool.calls[0].finish();
    await sleep(0);
    expect(ctl.status).toBe('idle');
    expect(ctl.progress).toBeNull();
    expect(ctl.isCurrent()).toBe(true);
    expect(ctl.shown?.current).toBe(true);
    expect(ctl.bands?.runs).toBe(10);
    // Values 10 + r for A and 30 + r for B (r = 0..9): medians 14.5 and 34.5; B − A is 20 in every run.
    expect(median(ctl, 'A')).toBeCloseTo(14.5);
    expect(median(ctl, 'B')).toBeCloseTo(34.5);
    expect(median(ctl, 'diff')).toBeCloseTo(20);
    expect(ctl.bands!.diff!.series.wage.p10[0][0]).toBeCloseTo(20);
    expect(ctl.bands!.diff!.series.wage.p90[0][0]).toBeCloseTo(20);
  });

  it('latest inputs win: rapid edits start one batch, for the last inputs', async () => {
    const { pool, ctl } = make(10);
    for (const x of [0.01, 0.02, 0.03, 0.04]) ctl.update(withCostDown(x), withCostDown(0.05));
    await sleep(20);
    expect(pool.calls).toHaveLength(1);
    expect(pool.calls[0].jobs[0].scenario.policy.costDown).toBe(0.04);
  });

  it('an edit during a batch cancels it at once (workers stopped) and runs the new inputs', async () => {
    const { pool, ctl } = make(10);
    ctl.update(withCostDown(0.01), withCostDown(0.05));
    await sleep(20);
    pool.calls[0].opts.onProgress?.({ done: 4, total: 20, elapsedMs: 40, remainingMs: 160 });
    expect(ctl.progress?.done).toBe(4);
    ctl.update(withCostDown(0.02), withCostDown(0.05));
    // At once, before the pause: the old batch is cancelled and its workers are not respawned.
    expect(pool.cancels).toEqual([false]);
    expect(pool.calls[0].settled).toBe(true);
    expect(ctl.progress).toEqual({ done: 0, total: 20, elapsedMs: 0, remainingMs: null });
    await sleep(20);
    expect(pool.calls).toHaveLength(2);
    expect(pool.calls[1].jobs[0].scenario.policy.costDown).toBe(0.02);
    pool.calls[1].finish();
    await sleep(0);
    expect(median(ctl, 'A')).toBeCloseTo(24.5);
    expect(ctl.stats).toMatchObject({ started: 2, finished: 1, cancelled: 1 });
  });

  it('a batch that finishes after newer inputs arrived is never shown', async () => {
    const { pool, ctl } = make(10);
    ctl.update(withCostDown(0.01), withCostDown(0.05));
    await sleep(20);
    const old = pool.calls[0];
    ctl.update(withCostDown(0.02), withCostDown(0.05));
    old.finish(); // too late: already cancelled
    await sleep(0);
    expect(ctl.bands).toBeNull();
  });

  it('cancel stops the workers at once and keeps the previous bands, marked as earlier inputs', async () => {
    const { pool, ctl } = make(10);
    ctl.update(withCostDown(0.01), withCostDown(0.05));
    await sleep(20);
    pool.calls[0].finish();
    await sleep(0);
    const first = ctl.bands;
    expect(ctl.isCurrent()).toBe(true);

    ctl.update(withCostDown(0.02), withCostDown(0.05));
    await sleep(20);
    expect(ctl.status).toBe('running');
    pool.calls[1].opts.onProgress?.({ done: 6, total: 20, elapsedMs: 60, remainingMs: 140 });
    ctl.cancel();
    expect(pool.cancels).toEqual([false]);
    expect(pool.calls[1].settled).toBe(true);
    expect(ctl.status).toBe('cancelled');
    expect(ctl.progress).toBeNull();
    expect(ctl.bands).toBe(first);
    expect(ctl.isCurrent()).toBe(false);
    expect(ctl.shown).toEqual({ set: first, current: false });
    await sleep(30);
    expect(pool.calls).toHaveLength(2); // nothing restarts by itself
    expect(ctl.bands).toBe(first);

    // Undoing the edit makes the kept bands current again without a new batch.
    ctl.update(first!.a, first!.b);
    expect(ctl.isCurrent()).toBe(true);
    expect(ctl.status).toBe('idle');
    await sleep(20);
    expect(pool.calls).toHaveLength(2);

    // "Run again" after a cancel starts the batch of the current inputs.
    ctl.update(withCostDown(0.03), withCostDown(0.05));
    ctl.cancel();
    ctl.again();
    await sleep(20);
    expect(pool.calls).toHaveLength(3);
    expect(pool.calls[2].jobs[0].scenario.policy.costDown).toBe(0.03);
  });

  it('cancelling keeps bands of the same inputs with fewer runs as current', async () => {
    const { pool, ctl, setting } = make(10);
    const a = withCostDown(0.01);
    const b = withCostDown(0.05);
    ctl.update(a, b);
    await sleep(20);
    pool.calls[0].finish();
    await sleep(0);
    setting.runs = 30;
    ctl.update(a, b);
    await sleep(20);
    expect(pool.calls[1].jobs).toHaveLength(60);
    ctl.cancel();
    expect(ctl.shown?.current).toBe(true);
    expect(ctl.shown?.set.runs).toBe(10);
  });

  it('waits for the single runs to be on screen before it starts', async () => {
    const pool = new FakePool();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const ctl = new BandsController(
      () => pool,
      () => 10,
      {
        debounceMs: 1,
        before: () => gate,
      },
    );
    ctl.update(withCostDown(0.01), withCostDown(0.05));
    await sleep(20);
    expect(pool.calls).toHaveLength(0);
    release();
    await sleep(0);
    expect(pool.calls).toHaveLength(1);
  });

  it('a failed batch says why and keeps the bands', async () => {
    const pool: BatchPool = {
      run: () => Promise.reject(new Error('worker crashed')),
      cancel: () => {},
    };
    const ctl = new BandsController(
      () => pool,
      () => 10,
      { debounceMs: 1 },
    );
    ctl.update(withCostDown(0.01), withCostDown(0.05));
    await sleep(20);
    expect(ctl.status).toBe('failed');
    expect(ctl.error).toBe('worker crashed');
    expect(ctl.progress).toBeNull();
  });
});

describe('band helpers', () => {
  it('burdenTotals reads the same totals as the burden chart', () => {
    const sc = defaultScenario();
    sc.years = 3;
    const out = runJob({ index: 0, scenario: sc, full: true });
    const r = simulate(sc);
    const chart = burden(r, null).a!;
    const mine = burdenTotals(out);
    expect(mine).toHaveLength(chart.length);
    mine.forEach((x, i) => expect(x).toBeCloseTo(chart[i], 9));
  });

  it('the paired difference is B − A run by run, and null for different layouts', () => {
    const sc = defaultScenario();
    sc.years = 3;
    const x = runJob({ index: 0, scenario: sc, full: true });
    const y = runJob({ index: 0, scenario: withCostDown(0.05, sc), full: true });
    const [d] = pairedDifference([x], [y])!;
    expect(d.packed![5]).toBe(y.packed![5] - x.packed![5]);
    expect(d.summary.wageGap).toBe(y.summary.wageGap - x.summary.wageGap);
    expect(d.summary.wageGrowth[0]).toBe(y.summary.wageGrowth[0] - x.summary.wageGrowth[0]);
    const other = structuredClone(sc);
    other.network.firmsPerTier = [3, 18, 90];
    const z = runJob({ index: 0, scenario: other, full: true });
    expect(pairedDifference([x], [z])).toBeNull();
    const set = bandSet(sc, other, 1, [x, z]);
    expect(set.diff).toBeNull();
    expect(set.burden.diff).toBeNull();
  });
});

describe('BandsController with an aggregator (the app computes bands in a worker)', () => {
  it('hands the finished batch to the aggregator and drops its answer if the inputs changed meanwhile', async () => {
    const pool = new FakePool();
    const calls: number[] = [];
    let release: (() => void) | null = null;
    const ctl = new BandsController(
      () => pool,
      () => 10,
      {
        debounceMs: 5,
        aggregate: (a, b, runs, outputs) => {
          calls.push(outputs.filter(Boolean).length);
          return new Promise((resolve) => {
            release = () => resolve(bandSet(a, b, runs, outputs));
          });
        },
      },
    );
    ctl.update(withCostDown(0.01), withCostDown(0.03));
    await sleep(20);
    pool.calls[0].finish();
    await sleep(0);
    expect(calls).toEqual([20]);
    expect(ctl.bands).toBeNull(); // still aggregating
    expect(ctl.status).toBe('running');
    // An edit while the bands are computed: the answer is for old inputs.
    ctl.update(withCostDown(0.02), withCostDown(0.03));
    release!();
    await sleep(0);
    expect(ctl.bands).toBeNull();
    expect(ctl.stats.discarded).toBe(1);
    await sleep(20);
    pool.calls[1].finish();
    await sleep(0);
    release!();
    await sleep(0);
    expect(ctl.bands!.a.policy.costDown).toBe(0.02);
    expect(ctl.status).toBe('idle');
  });
});
