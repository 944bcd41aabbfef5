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
import { jobs as planJobs, planRuns, type Job, type RunOutput } from '../../engine/batch.ts';
import type { Scenario } from '../../engine/index.ts';
import { bandSet, type BandSet } from '../../worker/bandSet.ts';
import type { BatchRun, Progress, RunOptions } from '../../pool/pool.ts';
import { RUNS_CHOICES, deepEqual, type RunsChoice } from '../../share/urlState.ts';
import { MAX_LOST_IN_A_ROW, isWorkerLost } from '../../pool/pool.ts';
import { failureOf, type Failure } from '../workers/failure.ts';

/** What the controller needs of a pool (WorkerPool fits; tests pass a fake). */
export interface BatchPool {
  run(jobs: readonly Job[], opts?: RunOptions): Promise<BatchRun>;
  cancel(respawn?: boolean): void;
}

export type BatchStatus = 'idle' | 'waiting' | 'running' | 'cancelled' | 'failed';

export interface BandsOptions {
  /** Pause after the last edit before a batch starts, ms. */
  debounceMs?: number;
  /** Resolves once the single runs of the current inputs are on screen. */
  before?: () => Promise<unknown>;
  /**
   * Computes the bands of a finished batch; the app does it in a worker so
   * that the page never waits for it. By default, here and now.
   */
  aggregate?: Aggregate;
}

export type Aggregate = (
  a: Scenario,
  b: Scenario,
  runs: number,
  outputs: readonly (RunOutput | undefined)[],
) => Promise<BandSet>;

export {
  bandSet,
  burdenTotals,
  diffSummary,
  pairedDifference,
  type BandSet,
  type BurdenBands,
  type Spread,
} from '../../worker/bandSet.ts';

export function sameScenario(x: Scenario, y: Scenario): boolean {
  return x === y || deepEqual(x, y);
}

/** The runs count of the app (what the runs control and the link hold). */
export class RunsSetting {
  runs = $state<RunsChoice>(1);
}

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
  /** Why the batch failed, for the page to say in its language (failure.ts); null unless failed. */
  failure = $state.raw<Failure | null>(null);
  /** The inputs the app shows now. */
  inputs = $state.raw<{ a: Scenario; b: Scenario } | null>(null);

  /** Counters, for tests. */
  readonly stats = { started: 0, finished: 0, cancelled: 0, discarded: 0 };

  readonly #pool: () => BatchPool;
  readonly #debounceMs: number;
  readonly #before: () => Promise<unknown>;
  readonly #aggregate: Aggregate;
  readonly #runs: () => number;
  #seq = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running = false;
  /** Batches in a row whose bands' worker was lost (their runs went with it). */
  #lostInARow = 0;

  /** `runs`: the runs per scenario (the app's: its RunsSetting's). */
  constructor(pool: () => BatchPool, runs: () => number, opts: BandsOptions = {}) {
    this.#pool = pool;
    this.#runs = runs;
    this.#debounceMs = opts.debounceMs ?? 250;
    this.#before = opts.before ?? (() => Promise.resolve());
    this.#aggregate =
      opts.aggregate ?? ((a, b, runs, outs) => Promise.resolve(bandSet(a, b, runs, outs)));
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
    let set: BandSet | null;
    try {
      const result = await this.#pool().run([...listA, ...listB], {
        onProgress: (p) => {
          if (seq === this.#seq) this.progress = p;
        },
      });
      // Cancelled from elsewhere (the pool's own cancel): keep what is on screen.
      set =
        result.cancelled || seq !== this.#seq
          ? null
          : await this.#aggregate(a, b, runs, result.outputs);
    } catch (e) {
      if (seq !== this.#seq) return;
      // The bands' worker was lost, and the runs moved to it with it: run the
      // batch again (the worker layer makes a fresh worker), a few times.
      if (isWorkerLost(e) && ++this.#lostInARow < MAX_LOST_IN_A_ROW) {
        this.#running = false;
        this.#restart();
        return;
      }
      this.#lostInARow = 0;
      this.#end('failed', failureOf(e));
      return;
    }
    this.#lostInARow = 0;
    if (seq !== this.#seq) {
      this.stats.discarded++;
      return;
    }
    if (!set) {
      this.#end('cancelled');
      return;
    }
    this.#end('idle');
    this.bands = set;
    this.stats.finished++;
  }

  /** The batch is over: no progress, and why it ended. */
  #end(status: BatchStatus, failure: Failure | null = null): void {
    this.#running = false;
    this.progress = null;
    this.status = status;
    this.error = failure?.detail ?? '';
    this.failure = failure;
  }
}
