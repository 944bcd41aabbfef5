/**
 * The batch runner's plans and statistics, in this process: seeds, sweep
 * grids and their validation, bands and their standard errors, comparisons.
 */
import { describe, expect, it } from 'vitest';
import {
  BatchError,
  STATS,
  axisValues,
  compareRuns,
  computeBands,
  computeSweep,
  computeTornado,
  describeValues,
  jobs,
  parseSweep,
  planRuns,
  planSweep,
  planTornado,
  runJobs,
  runSeed,
  runSeeds,
  sweepGrid,
  type RunOutput,
} from '../../src/engine/batch.ts';
import { simulate, type Summary } from '../../src/engine/index.ts';
import { scenario } from '../helpers/engine.ts';

/** A small, quick scenario: 5 years, about 120 firms. */
const small = (patch: Record<string, unknown> = {}) =>
  scenario({ years: 5, network: { firmsPerTier: [3, 12, 36, 72] }, ...patch });

const errorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(BatchError);
    return (e as Error).message;
  }
  throw new Error('expected a BatchError');
};

describe('seeds', () => {
  it('run 0 uses the base seed; later runs get distinct seeds in the valid range', () => {
    expect(runSeed(42, 0)).toBe(42);
    const seeds = runSeeds(42, 1000);
    expect(new Set(seeds).size).toBe(1000);
    for (const s of seeds) {
      expect(Number.isInteger(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(2 ** 31 - 1);
    }
    expect(runSeeds(43, 5)).not.toEqual(runSeeds(42, 5));
    expect(runSeeds(42, 5)).toEqual(seeds.slice(0, 5));
  });
});

describe('sweep plans', () => {
  it('parses path=from:to:steps into evenly spaced values, ends included', () => {
    expect(parseSweep('policy.costDown=0:0.05:6')).toEqual({
      path: 'policy.costDown',
      values: [0, 0.01, 0.02, 0.03, 0.04, 0.05],
    });
    expect(parseSweep('policy.passThroughFloor=1:0:3').values).toEqual([1, 0.5, 0]);
    // Whole-number parameters are rounded and repeated values dropped.
    expect(axisValues('years', 1, 3, 5)).toEqual([1, 2, 3]);
  });

  it('names what is wrong in a sweep', () => {
    expect(errorOf(() => parseSweep('policy.costDown=0:0.05'))).toMatch(/path=from:to:steps/);
    expect(errorOf(() => parseSweep('policy.costDown=0:0.5:3'))).toBe(
      'policy.costDown: 0.5 is out of range; it must be from 0 to 0.1 (share/year)',
    );
    expect(errorOf(() => parseSweep('policy.nope=0:1:3'))).toMatch(
      /unknown parameter "policy.nope"/,
    );
    expect(errorOf(() => parseSweep('policy.belowCostBan=0:1:2'))).toMatch(/switch/);
    expect(errorOf(() => parseSweep('policy.costDown=0:0.1:x'))).toMatch(
      /steps must be a whole number/,
    );
    expect(errorOf(() => parseSweep('policy.costDown=0:0.1:500'))).toMatch(/from 1 to 50/);
    const a = parseSweep('policy.costDown=0:0.1:3');
    expect(errorOf(() => planSweep(small(), [a, a]))).toMatch(/two different parameters/);
    // A point whose scenario is invalid is refused before anything runs.
    const base = small({ bargaining: { betaMin: 0.5, betaMax: 0.9 } });
    expect(errorOf(() => planSweep(base, [parseSweep('bargaining.betaMax=0.2:0.9:3')]))).toMatch(
      /bargaining.betaMax=0.2/,
    );
    expect(errorOf(() => planRuns(small(), 0))).toMatch(/at least 1/);
    expect(errorOf(() => planSweep(small(), [a], 10_000))).toMatch(/at most/);
  });

  it('lays out a two-parameter grid row-major with the same seeds at every point', () => {
    const plan = planSweep(
      small({ seed: 9 }),
      [parseSweep('policy.costDown=0:0.04:3'), parseSweep('policy.passThroughFloor=0:1:2')],
      2,
    );
    expect(plan.points.map((p) => p.set.map(([, v]) => v))).toEqual([
      [0, 0],
      [0, 1],
      [0.02, 0],
      [0.02, 1],
      [0.04, 0],
      [0.04, 1],
    ]);
    const js = jobs(plan);
    expect(js).toHaveLength(12);
    expect(js.map((j) => j.index)).toEqual([...Array(12).keys()]);
    expect(js[5].scenario.seed).toBe(runSeed(9, 1));
    expect(js[5].scenario.policy.costDown).toBe(0.02);
    expect(js[5].scenario.policy.passThroughFloor).toBe(0);
    expect(js[4].scenario.seed).toBe(9);
  });
});

describe('bands', () => {
  const base = small({ seed: 5 });
  const outputs = runJobs(jobs(planRuns(base, 40)));
  const bands = computeBands(base, outputs);

  it('contain the median: min <= p10 <= p50 <= p90 <= max in every tier and period', () => {
    expect(bands.runs).toBe(40);
    let cells = 0;
    const check = (s: Record<(typeof STATS)[number], ArrayLike<number>>) => {
      for (let t = 0; t < s.p50.length; t++) {
        if (Number.isNaN(s.p50[t])) continue;
        cells++;
        expect(s.min[t]).toBeLessThanOrEqual(s.p10[t]);
        expect(s.p10[t]).toBeLessThanOrEqual(s.p50[t]);
        expect(s.p50[t]).toBeLessThanOrEqual(s.p90[t]);
        expect(s.p90[t]).toBeLessThanOrEqual(s.max[t]);
      }
    };
    for (const byStat of Object.values(bands.series))
      for (let k = 0; k < bands.tiers; k++) {
        const perTier = {} as Record<(typeof STATS)[number], Float64Array>;
        for (const s of STATS) perTier[s] = byStat[s][k];
        check(perTier);
      }
    for (const byStat of Object.values(bands.economy)) check(byStat);
    expect(cells).toBeGreaterThan(1000);
  });

  it('agree with the runs they summarise', () => {
    // The median of the deepest tier's last wage over the 40 runs, computed directly.
    const T = bands.tiers - 1;
    const Q = bands.quarters;
    const direct = outputs
      .map((o) => simulate({ ...base, seed: o.seed }).series.wage[T][Q - 1])
      .sort((a, b) => a - b);
    expect(bands.series.wage.p50[T][Q - 1]).toBeCloseTo((direct[19] + direct[20]) / 2, 9);
    expect(bands.series.wage.min[T][Q - 1]).toBe(direct[0]);
    expect(bands.seeds).toEqual(runSeeds(5, 40));
    // Run 0 is the single run of the scenario itself.
    expect(outputs[0].summary).toEqual(simulate(base).summary);
    // Values undefined in a period (pass-through between rounds) stay undefined.
    const pt = bands.series.passThrough.p50[1];
    expect(Array.from(pt).some((x) => Number.isNaN(x))).toBe(true);
  });

  it('have a standard error that shrinks with the square root of the number of runs', () => {
    const many = computeBands(base, runJobs(jobs(planRuns(base, 160))));
    const T = bands.tiers - 1;
    const Q = bands.quarters;
    // 4x the runs: the standard error of the mean about halves.
    const ratios: number[] = [];
    for (const key of ['wage', 'valueAdded', 'employment', 'investment'] as const)
      for (let k = 0; k <= T; k++)
        ratios.push(many.series[key].se[k][Q - 1] / bands.series[key].se[k][Q - 1]);
    ratios.sort((a, b) => a - b);
    const med = ratios[ratios.length / 2];
    expect(med).toBeGreaterThan(0.4);
    expect(med).toBeLessThan(0.62);
    // The spread itself (sd) does not shrink with more runs.
    const sdRatio = many.series.wage.sd[T][Q - 1] / bands.series.wage.sd[T][Q - 1];
    expect(sdRatio).toBeGreaterThan(0.6);
    expect(sdRatio).toBeLessThan(1.6);
  });

  it('of a cancelled batch use the runs done, in run order', () => {
    const partial: (RunOutput | undefined)[] = [...outputs];
    for (let i = 10; i < 40; i++) partial[i] = undefined;
    const b = computeBands(base, partial);
    expect(b.runs).toBe(10);
    expect(b.seeds).toEqual(runSeeds(5, 10));
  });
});

describe('statistics', () => {
  it('describe values with type-7 quantiles, leaving out undefined ones', () => {
    const d = describeValues([4, null, 1, 3, 2, NaN, 5]);
    expect(d.p50).toBe(3);
    expect(d.p10).toBeCloseTo(1.4, 12);
    expect(d.p90).toBeCloseTo(4.6, 12);
    expect(d.mean).toBe(3);
    expect(d.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(d.se).toBeCloseTo(Math.sqrt(2.5 / 5), 12);
    expect(Number.isNaN(describeValues([null]).p50)).toBe(true);
  });

  it('say when the A-B difference is within the noise', () => {
    const s = (x: number) => ({ wageGap: x }) as unknown as Summary;
    const get = (x: Summary) => x.wageGap;
    // B is above A in every run: a real difference.
    const clear = compareRuns([1, 2, 3, 4, 5].map(s), [1.5, 2.5, 3.5, 4.5, 5.5].map(s), get)!;
    expect(clear.withinNoise).toBe(false);
    expect(clear.medianDiff).toBe(0.5);
    // B is above A in some runs and below in others: within the noise.
    const noise = compareRuns([1, 2, 3, 4, 5].map(s), [1.4, 1.7, 3.3, 3.6, 5.2].map(s), get)!;
    expect(noise.withinNoise).toBe(true);
    expect(compareRuns([s(1)], [s(2)], get)).toBeNull();
  });
});

describe('sweep and tornado results', () => {
  it('give per-point statistics, an indicator grid and a tornado sorted by swing', () => {
    const base = small({ seed: 3 });
    const plan = planSweep(base, [
      parseSweep('policy.costDown=0:0.06:2'),
      parseSweep('policy.passThroughFloor=0:1:2'),
    ]);
    const outs = runJobs(jobs(plan));
    const sw = computeSweep(plan, outs);
    expect(sw.points).toHaveLength(4);
    expect(sw.points[3].values).toEqual([0.06, 1]);
    const grid = sweepGrid(plan, outs, 'deepestWageGrowth');
    expect(grid).toHaveLength(2);
    expect(grid[1][1]).toBe(outs[3].summary.deepestWageGrowth);
    // More cost-down lowers the deepest tier's wage growth (docs/model.md).
    expect(grid[1][0]).toBeLessThan(grid[0][0]);

    const levers = [
      { path: 'policy.costDown', low: 0, high: 0.06 },
      { path: 'policy.subsidy', low: 0, high: 0.01 },
    ];
    const tp = planTornado(base, 1, levers);
    const tr = computeTornado(tp, runJobs(jobs(tp)), 'deepestWageGrowth');
    expect(tr.bars.map((b) => b.path)).toEqual(['policy.costDown', 'policy.subsidy']);
    expect(tr.bars[0].swing).toBeGreaterThan(tr.bars[1].swing);
    expect(tr.bars[0].atHigh).toBeLessThan(tr.bars[0].atLow);
    expect(tr.base).toBe(simulate(base).summary.deepestWageGrowth);
  });
});
