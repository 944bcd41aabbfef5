/**
 * Many runs per scenario, for the median and the p10–p90 band of every chart
 * and indicator. The single run of each scenario stays with its SimBridge
 * (fast, on screen first); this controller runs the batch of A and B after it
 * through ONE app-wide worker pool: one job list, run r of A and run r of B on
 * the same seed when A and B share their base seed (the presets do), so that
 * B − A can be taken run by run.
 *
 * Latest inputs win: an edit of A or B (or of the runs count) cancels the
 * batch for the old inputs at once (every worker terminated) and starts one
 * for the new inputs after a short pause. Cancelling keeps the bands on
 * screen; bands always say which inputs they belong to (`isCurrent`), so the
 * views can mark bands of earlier inputs.
 */
import { untrack } from 'svelte';
import {
  computeBands,
  describeValues,
  jobs as planJobs,
  planRuns,
  type Bands,
  type Job,
  type RunOutput,
  type Stat,
} from '../../engine/batch.ts';
import { ECONOMY, SERIES, type Scenario, type Summary } from '../../engine/index.ts';
import type { BatchRun, Progress, RunOptions } from '../../pool/pool.ts';
import { RUNS_CHOICES, deepEqual, type RunsChoice } from '../../share/urlState.ts';

/** What the controller needs of a pool (WorkerPool fits; tests pass a fake). */
export interface BatchPool {
  run(jobs: readonly Job[], opts?: RunOptions): Promise<BatchRun>;
  cancel(respawn?: boolean): void;
}

/** Statistics of one value over the runs. */
export type Spread = Record<Stat, number>;

/** Who bears cost-ups, per bearer (each tier, then consumers): statistics of each run's total, ¥bn. */
export interface BurdenBands {
  A: Spread[];
  B: Spread[];
  /** Of the run-by-run difference B − A; null when A and B have different tiers. */
  diff: Spread[] | null;
}

/** The bands of both scenarios for one pair of inputs. */
export interface BandSet {
  /** The inputs the bands belong to. */
  a: Scenario;
  b: Scenario;
  runs: number;
  A: Bands;
  B: Bands;
  /** Bands of the run-by-run difference B − A (same tiers and quarters only). */
  diff: Bands | null;
  burden: BurdenBands;
}

export type BatchStatus = 'idle' | 'waiting' | 'running' | 'cancelled' | 'failed';

export interface BandsOptions {
  /** Pause after the last edit before a batch starts, ms. */
  debounceMs?: number;
  /** Resolves once the single runs of the current inputs are on screen. */
  before?: () => Promise<unknown>;
}

const SERIES_KEYS = Object.keys(SERIES);
const ECONOMY_KEYS = Object.keys(ECONOMY);

function total(a: Float64Array, from: number, n: number): number {
  let s = 0;
  for (let t = from; t < from + n; t++) if (a[t] === a[t]) s += a[t];
  return s;
}

/** Per run: cost-ups absorbed by each tier and paid by consumers over the period, ¥bn (as the burden chart). */
export function burdenTotals(o: RunOutput): number[] {
  const { tiers: T, quarters: Q, packed } = o;
  if (!packed) return [];
  const out: number[] = [];
  const at = SERIES_KEYS.indexOf('costUpAbsorbed') * T * Q;
  for (let k = 0; k < T; k++) out.push(total(packed, at + k * Q, Q) / 1000);
  const c = (SERIES_KEYS.length * T + ECONOMY_KEYS.indexOf('consumerBurden')) * Q;
  out.push(total(packed, c, Q) / 1000);
  return out;
}

function spreads(rows: number[][]): Spread[] {
  const n = rows[0]?.length ?? 0;
  return Array.from({ length: n }, (_, i) => describeValues(rows.map((r) => r[i])));
}

/** B − A of two summaries, field by field (per-tier fields tier by tier; null where either is). */
export function diffSummary(a: Summary, b: Summary): Summary {
  const out: Record<string, unknown> = {};
  for (const [k, va] of Object.entries(a) as [string, unknown][]) {
    const vb = (b as unknown as Record<string, unknown>)[k];
    const d = (x: unknown, y: unknown) =>
      typeof x === 'number' && typeof y === 'number' ? y - x : null;
    out[k] = Array.isArray(va)
      ? va.map((x, i) => d(x, (vb as unknown[] | undefined)?.[i]))
      : d(va, vb);
  }
  return out as unknown as Summary;
}

/**
 * Synthetic outputs of the run-by-run difference: run r of B minus run r of A
 * (packed arrays cell by cell). Null when the two do not have the same layout.
 */
export function pairedDifference(
  a: readonly RunOutput[],
  b: readonly RunOutput[],
): RunOutput[] | null {
  const n = Math.min(a.length, b.length);
  const out: RunOutput[] = [];
  for (let r = 0; r < n; r++) {
    const x = a[r];
    const y = b[r];
    if (!x.packed || !y.packed || x.tiers !== y.tiers || x.quarters !== y.quarters) return null;
    const packed = new Float64Array(x.packed.length);
    for (let i = 0; i < packed.length; i++) packed[i] = y.packed[i] - x.packed[i];
    out.push({
      index: r,
      seed: x.seed,
      summary: diffSummary(x.summary, y.summary),
      tiers: x.tiers,
      quarters: x.quarters,
      packed,
    });
  }
  return out;
}

/** The bands of a finished batch: outputs 0..runs-1 are A's runs, runs..2·runs-1 B's. */
export function bandSet(
  a: Scenario,
  b: Scenario,
  runs: number,
  outputs: readonly (RunOutput | undefined)[],
): BandSet {
  const ra = outputs.slice(0, runs).filter((o): o is RunOutput => !!o);
  const rb = outputs.slice(runs, 2 * runs).filter((o): o is RunOutput => !!o);
  const d = pairedDifference(ra, rb);
  const ta = ra.map(burdenTotals);
  const tb = rb.map(burdenTotals);
  const sameTiers = ra[0]?.tiers === rb[0]?.tiers;
  return {
    a,
    b,
    runs,
    A: computeBands(a, ra),
    B: computeBands(b, rb),
    diff: d ? computeBands(a, d) : null,
    burden: {
      A: spreads(ta),
      B: spreads(tb),
      diff: sameTiers ? spreads(ta.map((x, r) => x.map((v, i) => tb[r][i] - v))) : null,
    },
  };
}

export function sameScenario(x: Scenario, y: Scenario): boolean {
  return x === y || deepEqual(x, y);
}

/** The runs count of the app (what the runs control and the link hold). */
class RunsSetting {
  runs = $state<RunsChoice>(1);
}
export const runsSetting = new RunsSetting();

export function isRunsChoice(n: number): n is RunsChoice {
  return (RUNS_CHOICES as readonly number[]).includes(n);
}

export class BandsController {
  /** The latest bands (possibly of earlier inputs: see isCurrent). */
  bands = $state.raw<BandSet | null>(null);
  /** Progress of the batch in progress (or about to start); null when none. */
  progress = $state.raw<Progress | null>(null);
  status = $state<BatchStatus>('idle');
  error = $state('');
  /** The inputs the app shows now. */
  inputs = $state.raw<{ a: Scenario; b: Scenario } | null>(null);

  /** Counters, for tests. */
  readonly stats = { started: 0, finished: 0, cancelled: 0, discarded: 0 };

  readonly #pool: () => BatchPool;
  readonly #debounceMs: number;
  readonly #before: () => Promise<unknown>;
  readonly #runs: () => number;
  #seq = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running = false;

  constructor(
    pool: () => BatchPool,
    runs: () => number = () => runsSetting.runs,
    opts: BandsOptions = {},
  ) {
    this.#pool = pool;
    this.#runs = runs;
    this.#debounceMs = opts.debounceMs ?? 250;
    this.#before = opts.before ?? (() => Promise.resolve());
  }

  get runs(): number {
    return this.#runs();
  }

  /** Whether `set` belongs to the inputs shown now. */
  isCurrent(set: BandSet | null = this.bands): boolean {
    const i = this.inputs;
    return !!set && !!i && sameScenario(set.a, i.a) && sameScenario(set.b, i.b);
  }

  /** The bands to draw with the current inputs, and whether they belong to them; null at 1 run. */
  get shown(): { set: BandSet; current: boolean } | null {
    if (this.runs <= 1 || !this.bands) return null;
    return { set: this.bands, current: this.isCurrent() };
  }

  /**
   * The inputs changed (or the runs count did): cancels the batch for the old
   * ones at once, and starts a batch for these after a short pause.
   */
  update(a: Scenario, b: Scenario): void {
    untrack(() => {
      this.inputs = { a, b };
      this.#restart();
    });
  }

  /** Runs the batch of the current inputs again (after a cancel or failure). */
  again(): void {
    untrack(() => this.#restart());
  }

  /** Stops the batch at once (every worker terminated); the bands on screen stay. */
  cancel(): void {
    untrack(() => {
      const had = this.#running || this.#timer !== undefined;
      this.#stop();
      this.progress = null;
      if (had) this.status = 'cancelled';
    });
  }

  dispose(): void {
    this.#stop();
  }

  #stop(): void {
    this.#seq++;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#running) {
      this.#running = false;
      this.stats.cancelled++;
      this.#pool().cancel(false);
    }
  }

  #restart(): void {
    this.#stop();
    this.error = '';
    const runs = this.runs;
    const i = this.inputs;
    if (runs <= 1 || !i || (this.bands?.runs === runs && this.isCurrent())) {
      this.progress = null;
      this.status = 'idle';
      return;
    }
    const seq = this.#seq;
    this.status = 'waiting';
    this.progress = { done: 0, total: 2 * runs, elapsedMs: 0, remainingMs: null };
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#start(seq, i.a, i.b, runs);
    }, this.#debounceMs);
  }

  async #start(seq: number, a: Scenario, b: Scenario, runs: number): Promise<void> {
    // The single runs first: they are what the user waits for.
    await this.#before();
    if (seq !== this.#seq) return;
    const listA = planJobs(planRuns(a, runs));
    const listB = planJobs(planRuns(b, runs)).map((j) => ({ ...j, index: j.index + runs }));
    this.#running = true;
    this.status = 'running';
    this.stats.started++;
    let result: BatchRun;
    try {
      result = await this.#pool().run([...listA, ...listB], {
        onProgress: (p) => {
          if (seq === this.#seq) this.progress = p;
        },
      });
    } catch (e) {
      if (seq !== this.#seq) return;
      this.#running = false;
      this.progress = null;
      this.status = 'failed';
      this.error = e instanceof Error ? e.message : String(e);
      return;
    }
    if (seq !== this.#seq) {
      this.stats.discarded++;
      return;
    }
    this.#running = false;
    this.progress = null;
    if (result.cancelled) {
      // Cancelled from elsewhere (the pool's own cancel): keep what is on screen.
      this.status = 'cancelled';
      return;
    }
    this.bands = bandSet(a, b, runs, result.outputs);
    this.stats.finished++;
    this.status = 'idle';
  }
}
