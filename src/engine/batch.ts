/**
 * Batches of runs: many seeds of one scenario (Monte Carlo bands), grid sweeps
 * over one or two parameters, and one-at-a-time sensitivity (tornado).
 *
 * A batch is a plan of points (parameter overrides of a base scenario) times a
 * list of seeds. Every run is a job whose result depends only on its scenario
 * and seed, and results are aggregated in job order, so a batch gives the same
 * figures whatever the number of workers that ran it. Pure TypeScript: the
 * worker pools that run jobs in parallel live outside the engine.
 */
import { PARAM_BY_PATH, setPath, type NumberParam, type Scenario } from './params.ts';
import { validateScenario } from './schema.ts';
import {
  ECONOMY,
  MODEL_VERSION,
  SERIES,
  SUMMARY_UNITS,
  periodLabels,
  simulate,
  type EconomyKey,
  type SeriesKey,
  type SimResult,
  type Summary,
} from './simulate.ts';

/** Statistics of a band, over the runs where a value is defined. */
export const STATS = ['p10', 'p50', 'p90', 'mean', 'sd', 'se', 'min', 'max'] as const;
export type Stat = (typeof STATS)[number];

/** Most runs in one batch, and most steps on one sweep axis. */
export const MAX_JOBS = 20_000;
export const MAX_SWEEP_STEPS = 50;

const SERIES_KEYS = Object.keys(SERIES) as SeriesKey[];
const ECONOMY_KEYS = Object.keys(ECONOMY) as EconomyKey[];
export type SummaryKey = keyof Summary;
const SUMMARY_KEYS = Object.keys(SUMMARY_UNITS) as SummaryKey[];

/**
 * Seed of run r of a batch with base seed `base`: run 0 uses the base seed
 * itself (so the first run is the single run the app shows), later runs a
 * hash of base and r, in the scenario's seed range 0..2^31-1.
 */
export function runSeed(base: number, r: number): number {
  if (r === 0) return base;
  let h = (Math.imul(base ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(r, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return h >>> 1;
}

export function runSeeds(base: number, runs: number): number[] {
  return Array.from({ length: runs }, (_, r) => runSeed(base, r));
}

/** One parameter of a sweep and the values it takes. */
export interface SweepAxis {
  path: string;
  values: number[];
}

/** A point of a plan: parameter values set over the base scenario. */
export interface PlanPoint {
  set: [path: string, value: number][];
}

export type PlanKind = 'runs' | 'sweep' | 'tornado';

export interface Plan {
  kind: PlanKind;
  base: Scenario;
  points: PlanPoint[];
  seeds: number[];
  /** Whether jobs return every series (for bands) or only the summary. */
  full: boolean;
  /** Sweeps: the grid's axes (points are row-major, the last axis fastest). */
  axes?: SweepAxis[];
  /** Tornado: the levers, in point order after the base point (low, high). */
  levers?: Lever[];
}

/** A run to do: index = point × seeds + run. */
export interface Job {
  index: number;
  scenario: Scenario;
  full: boolean;
}

/**
 * What a run sends back: the summary and, for full jobs, every series and
 * economy value packed in one array (see packResult).
 */
export interface RunOutput {
  index: number;
  seed: number;
  summary: Summary;
  tiers: number;
  quarters: number;
  packed?: Float64Array;
}

export class BatchError extends Error {}

function cloneScenario(sc: Scenario): Scenario {
  return JSON.parse(JSON.stringify(sc)) as Scenario;
}

/** The scenario of one point, not validated. */
export function pointScenario(base: Scenario, point: PlanPoint, seed: number): Scenario {
  const sc = cloneScenario(base);
  for (const [path, value] of point.set)
    setPath(sc as unknown as Record<string, unknown>, path, value);
  sc.seed = seed;
  return sc;
}

export function jobCount(plan: Plan): number {
  return plan.points.length * plan.seeds.length;
}

export function jobs(plan: Plan): Job[] {
  const out: Job[] = [];
  plan.points.forEach((p, pi) => {
    plan.seeds.forEach((seed, r) => {
      out.push({
        index: pi * plan.seeds.length + r,
        scenario: pointScenario(plan.base, p, seed),
        full: plan.full,
      });
    });
  });
  return out;
}

function checkRuns(runs: number, points: number): void {
  if (!Number.isInteger(runs) || runs < 1) {
    throw new BatchError(`runs must be a whole number of at least 1, got ${runs}`);
  }
  if (runs * points > MAX_JOBS) {
    throw new BatchError(
      `${runs * points} runs asked for (${points} points × ${runs} runs); at most ${MAX_JOBS}`,
    );
  }
}

/** Many seeds of one scenario, for bands. */
export function planRuns(base: Scenario, runs: number): Plan {
  checkRuns(runs, 1);
  return {
    kind: 'runs',
    base,
    points: [{ set: [] }],
    seeds: runSeeds(base.seed, runs),
    full: true,
  };
}

function numberParam(path: string): NumberParam {
  const p = PARAM_BY_PATH.get(path);
  if (!p) throw new BatchError(`unknown parameter "${path}"`);
  if (p.kind === 'boolean') {
    throw new BatchError(`${path} is a switch (true or false); only numbers can be swept`);
  }
  if (path === 'seed') throw new BatchError('seed cannot be swept; use runs for several seeds');
  return p;
}

function fmtRange(p: NumberParam): string {
  return `from ${p.min} to ${p.max}${p.unit ? ` (${p.unit})` : ''}`;
}

/** Evenly spaced values from `from` to `to` inclusive, checked against the parameter's range. */
export function axisValues(path: string, from: number, to: number, steps: number): number[] {
  const p = numberParam(path);
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    throw new BatchError(`${path}: the sweep's ends must be numbers`);
  }
  if (!Number.isInteger(steps) || steps < 1 || steps > MAX_SWEEP_STEPS) {
    throw new BatchError(
      `${path}: the number of steps must be a whole number from 1 to ${MAX_SWEEP_STEPS}, got ${steps}`,
    );
  }
  for (const x of [from, to]) {
    if (x < p.min || x > p.max) {
      throw new BatchError(`${path}: ${x} is out of range; it must be ${fmtRange(p)}`);
    }
  }
  const values: number[] = [];
  for (let i = 0; i < steps; i++) {
    const x = steps === 1 ? from : from + ((to - from) * i) / (steps - 1);
    const v = p.kind === 'integer' ? Math.round(x) : Number(x.toPrecision(12));
    if (!values.includes(v)) values.push(v);
  }
  return values;
}

/** Parses "path=from:to:steps" (e.g. "policy.costDown=0:0.05:6"). */
export function parseSweep(spec: string): SweepAxis {
  const m = /^\s*([A-Za-z.]+)\s*=\s*([^:]+):([^:]+):([^:]+)\s*$/.exec(spec);
  if (!m) {
    throw new BatchError(
      `sweep "${spec}" must read path=from:to:steps, e.g. policy.costDown=0:0.05:6`,
    );
  }
  const [, path, a, b, n] = m;
  const num = (s: string) => (s.trim() === '' ? NaN : Number(s));
  return { path, values: axisValues(path, num(a), num(b), num(n)) };
}

/** A grid over one or two parameters, `runs` seeds per point (the same seeds at every point). */
export function planSweep(base: Scenario, axes: SweepAxis[], runs = 1): Plan {
  if (axes.length < 1 || axes.length > 2) {
    throw new BatchError(`a sweep takes one or two parameters, got ${axes.length}`);
  }
  if (axes.length === 2 && axes[0].path === axes[1].path) {
    throw new BatchError(`both sweep axes are ${axes[0].path}; sweep two different parameters`);
  }
  for (const a of axes) {
    numberParam(a.path);
    if (a.values.length < 1) throw new BatchError(`${a.path}: the sweep has no values`);
  }
  const points: PlanPoint[] = [];
  if (axes.length === 1) for (const x of axes[0].values) points.push({ set: [[axes[0].path, x]] });
  else
    for (const x of axes[0].values)
      for (const y of axes[1].values)
        points.push({
          set: [
            [axes[0].path, x],
            [axes[1].path, y],
          ],
        });
  checkRuns(runs, points.length);
  const plan: Plan = {
    kind: 'sweep',
    base,
    points,
    seeds: runSeeds(base.seed, runs),
    full: false,
    axes,
  };
  validatePoints(plan);
  return plan;
}

/** A lever of the sensitivity view and the low and high values it is moved between. */
export interface Lever {
  path: string;
  low: number;
  high: number;
}

/**
 * The levers of the tornado chart and their plausible low and high values
 * (docs/model.md, "Uncertainty and sensitivity"): narrower than the allowed
 * ranges where those reach far beyond what any economy has seen.
 */
export const SENSITIVITY_LEVERS: readonly Lever[] = [
  { path: 'policy.costDown', low: 0, high: 0.05 },
  { path: 'policy.passThroughFloor', low: 0, high: 1 },
  { path: 'policy.gainShareFloor', low: 0, high: 1 },
  { path: 'policy.buyerSupport', low: 0, high: 0.05 },
  { path: 'policy.techSharing', low: 0, high: 0.5 },
  { path: 'firms.techSharingCost', low: 0, high: 0.03 },
  { path: 'firms.partnerSpillover', low: 0, high: 0.004 },
  { path: 'policy.subsidy', low: 0, high: 0.2 },
  { path: 'network.customersPerSupplier', low: 1, high: 4 },
  { path: 'network.crossChain', low: 0, high: 0.5 },
  { path: 'network.tierSkip', low: 0, high: 0.2 },
  { path: 'network.directSales', low: 0.1, high: 0.7 },
  { path: 'market.valueOrientation', low: 0, high: 1 },
  { path: 'labor.minimumWageGrowth', low: 0, high: 0.06 },
  { path: 'labor.laborForceGrowth', low: -0.015, high: 0.005 },
  { path: 'costs.energyPriceGrowth', low: 0, high: 0.06 },
  { path: 'policy.laborCostAcceptance', low: 0, high: 1 },
  { path: 'policy.dutyToRespond', low: 0, high: 1 },
  { path: 'policy.enforcement', low: 0, high: 1 },
  { path: 'policy.paymentDays', low: 30, high: 120 },
  { path: 'policy.equipmentCost', low: 0.5, high: 1 },
  { path: 'bargaining.commonItemPass', low: 0.1, high: 0.6 },
  { path: 'bargaining.requoteShare', low: 0.05, high: 0.3 },
];

/** The base point, then each lever at its low and at its high value, `runs` seeds each. */
export function planTornado(
  base: Scenario,
  runs = 1,
  levers: readonly Lever[] = SENSITIVITY_LEVERS,
): Plan {
  const points: PlanPoint[] = [{ set: [] }];
  for (const l of levers) {
    const p = numberParam(l.path);
    for (const x of [l.low, l.high]) {
      if (x < p.min || x > p.max) {
        throw new BatchError(`${l.path}: ${x} is out of range; it must be ${fmtRange(p)}`);
      }
    }
    points.push({ set: [[l.path, l.low]] }, { set: [[l.path, l.high]] });
  }
  checkRuns(runs, points.length);
  const plan: Plan = {
    kind: 'tornado',
    base,
    points,
    seeds: runSeeds(base.seed, runs),
    full: false,
    levers: [...levers],
  };
  validatePoints(plan);
  return plan;
}

/** Every point's scenario must be valid (e.g. betaMin above betaMax is refused here, not in a worker). */
function validatePoints(plan: Plan): void {
  for (const p of plan.points) {
    const v = validateScenario(pointScenario(plan.base, p, plan.base.seed));
    if (!v.ok) {
      const where = p.set.map(([k, x]) => `${k}=${x}`).join(', ');
      throw new BatchError(`at ${where}: ${v.errors.join('; ')}`);
    }
  }
}

/** Packs every series (key, tier, quarter) and economy (key, quarter) value of a result in one array. */
export function packResult(r: SimResult): Float64Array {
  const T = r.tiers;
  const Q = r.quarters;
  const out = new Float64Array((SERIES_KEYS.length * T + ECONOMY_KEYS.length) * Q);
  let o = 0;
  for (const k of SERIES_KEYS) for (let i = 0; i < T; i++, o += Q) out.set(r.series[k][i], o);
  for (const k of ECONOMY_KEYS) {
    out.set(r.economy[k], o);
    o += Q;
  }
  return out;
}

/** Runs one job; a worker calls this for each job it is given. */
export function runJob(job: Job): RunOutput {
  const r = simulate(job.scenario);
  return {
    index: job.index,
    seed: job.scenario.seed,
    summary: r.summary,
    tiers: r.tiers,
    quarters: r.quarters,
    packed: job.full ? packResult(r) : undefined,
  };
}

export function runJobs(list: Job[]): RunOutput[] {
  return list.map(runJob);
}

/* ---------------------------------------------------------------- statistics */

/** Quantile q of sorted values by linear interpolation (Hyndman and Fan type 7). */
export function quantileSorted(s: ArrayLike<number>, n: number, q: number): number {
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

/**
 * Writes the statistics of the first n finite values of `xs` (sorted in place)
 * into `out` at position `at` of each stat's array.
 */
function statsInto(xs: Float64Array, n: number, out: Record<Stat, Float64Array>, at: number): void {
  if (n === 0) {
    for (const s of STATS) out[s][at] = NaN;
    return;
  }
  const v = xs.subarray(0, n).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += v[i];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (v[i] - mean) * (v[i] - mean);
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : NaN;
  out.p10[at] = quantileSorted(v, n, 0.1);
  out.p50[at] = quantileSorted(v, n, 0.5);
  out.p90[at] = quantileSorted(v, n, 0.9);
  out.mean[at] = mean;
  out.sd[at] = sd;
  out.se[at] = sd / Math.sqrt(n);
  out.min[at] = v[0];
  out.max[at] = v[n - 1];
}

function statArrays(len: number): Record<Stat, Float64Array> {
  const o = {} as Record<Stat, Float64Array>;
  for (const s of STATS) o[s] = new Float64Array(len);
  return o;
}

/** The statistics of a list of numbers (undefined values and nulls left out); NaN where none. */
export function describeValues(
  values: readonly (number | null | undefined)[],
): Record<Stat, number> {
  const xs = new Float64Array(values.length);
  let n = 0;
  for (const x of values) if (typeof x === 'number' && Number.isFinite(x)) xs[n++] = x;
  const out = statArrays(1);
  statsInto(xs, n, out, 0);
  const r = {} as Record<Stat, number>;
  for (const s of STATS) r[s] = out[s][0];
  return r;
}

/** Statistics of a summary key over runs: numbers for scalar keys, per-tier arrays for per-tier keys. */
export type SummaryBand = Record<Stat, number | number[]>;

export function summaryBands(summaries: readonly Summary[]): Record<SummaryKey, SummaryBand> {
  const out = {} as Record<SummaryKey, SummaryBand>;
  for (const key of SUMMARY_KEYS) {
    const first = summaries[0]?.[key];
    if (Array.isArray(first)) {
      const T = first.length;
      const perTier = Array.from({ length: T }, (_, k) =>
        describeValues(summaries.map((s) => (s[key] as (number | null)[])[k])),
      );
      const band = {} as SummaryBand;
      for (const s of STATS) band[s] = perTier.map((d) => d[s]);
      out[key] = band;
    } else {
      out[key] = describeValues(summaries.map((s) => s[key] as number | null));
    }
  }
  return out;
}

/** Per-period bands of every output over the runs of a point, and the runs' summaries. */
export interface Bands {
  version: string;
  /** Runs aggregated (fewer than asked if the batch was cancelled). */
  runs: number;
  seeds: number[];
  tiers: number;
  quarters: number;
  periods: string[];
  series: Record<SeriesKey, Record<Stat, Float64Array[]>>;
  economy: Record<EconomyKey, Record<Stat, Float64Array>>;
  summary: Record<SummaryKey, SummaryBand>;
  /** Each run's summary, in run order (for run-by-run comparisons of two scenarios). */
  runSummaries: Summary[];
}

/** Bands of the completed full runs, in run order. */
export function computeBands(base: Scenario, outputs: readonly (RunOutput | undefined)[]): Bands {
  const done = outputs.filter((o): o is RunOutput => o !== undefined && o.packed !== undefined);
  const T = done[0]?.tiers ?? base.network.firmsPerTier.length;
  const Q = done[0]?.quarters ?? base.years * 4;
  const N = done.length;
  const cells = (SERIES_KEYS.length * T + ECONOMY_KEYS.length) * Q;
  const stats = statArrays(cells);
  const xs = new Float64Array(N);
  for (let c = 0; c < cells; c++) {
    let n = 0;
    for (let r = 0; r < N; r++) {
      const x = done[r].packed![c];
      if (x === x && x !== Infinity && x !== -Infinity) xs[n++] = x;
    }
    statsInto(xs, n, stats, c);
  }
  const series = {} as Bands['series'];
  let o = 0;
  for (const k of SERIES_KEYS) {
    const byStat = {} as Record<Stat, Float64Array[]>;
    for (const s of STATS) byStat[s] = [];
    for (let i = 0; i < T; i++, o += Q)
      for (const s of STATS) byStat[s].push(stats[s].slice(o, o + Q));
    series[k] = byStat;
  }
  const economy = {} as Bands['economy'];
  for (const k of ECONOMY_KEYS) {
    const byStat = {} as Record<Stat, Float64Array>;
    for (const s of STATS) byStat[s] = stats[s].slice(o, o + Q);
    economy[k] = byStat;
    o += Q;
  }
  const runSummaries = done.map((d) => d.summary);
  return {
    version: MODEL_VERSION,
    runs: N,
    seeds: done.map((d) => d.seed),
    tiers: T,
    quarters: Q,
    periods: periodLabels(base.simulation.startYear, Q),
    series,
    economy,
    summary: summaryBands(runSummaries),
    runSummaries,
  };
}

/* ------------------------------------------------------------ indicators */

/** Key indicators for sweeps and the sensitivity view, read from a run's summary. */
export interface Indicator {
  id: string;
  label: string;
  unit: string;
  get: (s: Summary) => number | null;
}

const last = <T>(a: T[]) => a[a.length - 1];

export const INDICATORS: readonly Indicator[] = [
  {
    id: 'deepestWageGrowth',
    label: 'Wage growth, deepest tier',
    unit: 'share/year',
    get: (s) => s.deepestWageGrowth,
  },
  {
    id: 'topWageGrowth',
    label: 'Wage growth, final-goods makers',
    unit: 'share/year',
    get: (s) => s.wageGrowth[0],
  },
  {
    id: 'wageGap',
    label: 'Wage gap, tier 0 / deepest tier',
    unit: 'ratio',
    get: (s) => s.wageGap,
  },
  {
    id: 'smeInvestmentRate',
    label: 'Investment rate of small suppliers',
    unit: 'share',
    get: (s) => s.smeInvestmentRate,
  },
  {
    id: 'deepestPassThrough',
    label: 'Pass-through rate, deepest tier',
    unit: 'share',
    get: (s) => last(s.passThrough),
  },
  {
    id: 'deepestLaborShare',
    label: 'Labour share, deepest tier',
    unit: 'share',
    get: (s) => last(s.laborShare),
  },
  {
    id: 'firmsSurvivingAll',
    label: 'Firms surviving',
    unit: 'share',
    get: (s) => s.firmsSurvivingAll,
  },
  {
    id: 'valueAddedGrowth',
    label: 'Value-added growth',
    unit: 'share/year',
    get: (s) => s.valueAddedGrowth,
  },
  {
    id: 'totalValueAdded',
    label: 'Value added, last year',
    unit: '¥m/year',
    get: (s) => s.totalValueAdded,
  },
  {
    id: 'consumerShareOfCostUps',
    label: 'Share of cost-ups borne by consumers',
    unit: 'share',
    get: (s) => s.consumerShareOfCostUps,
  },
];
export const INDICATOR_BY_ID = new Map(INDICATORS.map((i) => [i.id, i]));

function indicator(id: string): Indicator {
  const ind = INDICATOR_BY_ID.get(id);
  if (!ind) throw new BatchError(`unknown indicator "${id}"`);
  return ind;
}

/** The summaries of point p's completed runs. */
function pointSummaries(
  plan: Plan,
  outputs: readonly (RunOutput | undefined)[],
  p: number,
): Summary[] {
  const R = plan.seeds.length;
  const out: Summary[] = [];
  for (let r = 0; r < R; r++) {
    const o = outputs[p * R + r];
    if (o) out.push(o.summary);
  }
  return out;
}

/** A grid point of a sweep: its values and the statistics of every summary key over its runs. */
export interface SweepPoint {
  values: number[];
  runs: number;
  summary: Record<SummaryKey, SummaryBand>;
}

export interface SweepResult {
  axes: SweepAxis[];
  seeds: number[];
  points: SweepPoint[];
}

export function computeSweep(plan: Plan, outputs: readonly (RunOutput | undefined)[]): SweepResult {
  if (!plan.axes) throw new BatchError('not a sweep plan');
  return {
    axes: plan.axes,
    seeds: plan.seeds,
    points: plan.points.map((pt, p) => {
      const s = pointSummaries(plan, outputs, p);
      return { values: pt.set.map(([, v]) => v), runs: s.length, summary: summaryBands(s) };
    }),
  };
}

/** The median of an indicator over a point's runs (NaN if none is defined). */
function medianOf(summaries: Summary[], ind: Indicator): number {
  return describeValues(summaries.map(ind.get)).p50;
}

/** The grid of an indicator's medians: rows are the first axis's values, columns the second's. */
export function sweepGrid(
  plan: Plan,
  outputs: readonly (RunOutput | undefined)[],
  indicatorId: string,
): number[][] {
  if (!plan.axes) throw new BatchError('not a sweep plan');
  const ind = indicator(indicatorId);
  const cols = plan.axes[1]?.values.length ?? 1;
  const grid: number[][] = [];
  plan.points.forEach((_, p) => {
    const row = Math.floor(p / cols);
    (grid[row] ??= []).push(medianOf(pointSummaries(plan, outputs, p), ind));
  });
  return grid;
}

export interface TornadoBar {
  path: string;
  low: number;
  high: number;
  /** Median of the indicator with the lever at its low and at its high value. */
  atLow: number;
  atHigh: number;
  /** |atHigh - atLow|, NaN if either is undefined. */
  swing: number;
}

export interface TornadoResult {
  indicator: string;
  /** Median at the base scenario. */
  base: number;
  /** Sorted by swing, largest first (undefined swings last). */
  bars: TornadoBar[];
}

export function computeTornado(
  plan: Plan,
  outputs: readonly (RunOutput | undefined)[],
  indicatorId: string,
): TornadoResult {
  if (!plan.levers) throw new BatchError('not a tornado plan');
  const ind = indicator(indicatorId);
  const med = (p: number) => medianOf(pointSummaries(plan, outputs, p), ind);
  const bars = plan.levers.map((l, i) => {
    const atLow = med(1 + 2 * i);
    const atHigh = med(2 + 2 * i);
    return {
      path: l.path,
      low: l.low,
      high: l.high,
      atLow,
      atHigh,
      swing: Math.abs(atHigh - atLow),
    };
  });
  bars.sort((a, b) => (b.swing === b.swing ? b.swing : -1) - (a.swing === a.swing ? a.swing : -1));
  return { indicator: indicatorId, base: med(0), bars };
}

/* ------------------------------------------------------ comparing A and B */

export interface Difference {
  /** Median of B minus median of A. */
  medianDiff: number;
  /** p10 and p90 of the run-by-run difference B - A (run r of each, paired by seed when both share the base seed). */
  low: number;
  high: number;
  /** True when the p10..p90 range of the run-by-run difference includes zero. */
  withinNoise: boolean;
}

/**
 * Whether B differs from A beyond the model's randomness, for a value read
 * from each run's summary. Null when either side has fewer than 2 runs.
 */
export function compareRuns(
  a: readonly Summary[],
  b: readonly Summary[],
  get: (s: Summary) => number | null,
): Difference | null {
  const n = Math.min(a.length, b.length);
  if (n < 2) return null;
  const diffs: number[] = [];
  for (let r = 0; r < n; r++) {
    const x = get(a[r]);
    const y = get(b[r]);
    if (x !== null && y !== null && Number.isFinite(x) && Number.isFinite(y)) diffs.push(y - x);
  }
  if (diffs.length < 2) return null;
  const d = describeValues(diffs);
  const medianDiff = describeValues(b.map(get)).p50 - describeValues(a.map(get)).p50;
  return { medianDiff, low: d.p10, high: d.p90, withinNoise: d.p10 <= 0 && d.p90 >= 0 };
}

/* ------------------------------------------------------------------ JSON */

const jsonNum = (x: number) => (Number.isFinite(x) ? x : null);
const jsonArr = (a: Float64Array) => Array.from(a, jsonNum);

function summaryBandJSON(b: Record<SummaryKey, SummaryBand>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, band] of Object.entries(b)) {
    const o: Record<string, unknown> = {};
    for (const s of STATS) {
      const v = band[s];
      o[s] = Array.isArray(v) ? v.map(jsonNum) : jsonNum(v);
    }
    out[k] = o;
  }
  return out;
}

/** Plain JSON of bands: `series[key][stat][tier][period]`, `economy[key][stat][period]`, `summary[key][stat]`. */
export function bandsJSON(b: Bands): Record<string, unknown> {
  const series: Record<string, unknown> = {};
  for (const [k, byStat] of Object.entries(b.series)) {
    const o: Record<string, unknown> = {};
    for (const s of STATS) o[s] = byStat[s].map(jsonArr);
    series[k] = o;
  }
  const economy: Record<string, unknown> = {};
  for (const [k, byStat] of Object.entries(b.economy)) {
    const o: Record<string, unknown> = {};
    for (const s of STATS) o[s] = jsonArr(byStat[s]);
    economy[k] = o;
  }
  return { series, economy, summary: summaryBandJSON(b.summary) };
}

export function sweepJSON(s: SweepResult): Record<string, unknown> {
  return {
    axes: s.axes,
    points: s.points.map((p) => ({
      values: Object.fromEntries(s.axes.map((a, i) => [a.path, p.values[i]])),
      runs: p.runs,
      summary: summaryBandJSON(p.summary),
    })),
  };
}
