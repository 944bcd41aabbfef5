/**
 * Runs the sensitivity view's two computations (the tornado, then the heat
 * map) in the page's own worker pool, one at a time, whenever what they
 * should show changes. A change of inputs cancels the work for the old ones
 * at once; the results on screen stay until new ones are complete. Cancel
 * stops everything (the pool terminates its workers) and holds further work
 * until the user asks again or changes a setting. The pool is made on first
 * use and disposed when the page is left.
 */
import { jobs, type Plan, type RunOutput } from '../../engine/batch.ts';
import type { Progress, WorkerPool } from '../../pool/pool.ts';
import { failureOf, type Failure } from '../workers/failure.ts';

export type TaskKind = 'tornado' | 'sweep';

/** A computation to do: its plan, the key of its inputs and the scenario it starts from. */
export interface Task {
  key: string;
  plan: Plan;
  scenario: 'A' | 'B';
}

/** A finished computation. */
export interface Done {
  key: string;
  plan: Plan;
  scenario: 'A' | 'B';
  outputs: (RunOutput | undefined)[];
  total: number;
  ms: number;
}

const KINDS: readonly TaskKind[] = ['tornado', 'sweep'];

export class SensitivityRunner {
  tornado = $state.raw<Done | null>(null);
  sweep = $state.raw<Done | null>(null);
  /** What is being computed and how far it is. */
  running = $state<TaskKind | null>(null);
  progress = $state.raw<Progress | null>(null);
  /** Cancelled by the user: nothing more runs until `resume` or a change of inputs. */
  stopped = $state(false);
  /** Why the computation failed (the page says it in its own language: failure.ts). */
  failure = $state.raw<Failure | null>(null);
  /** What the page wants shown now (null: nothing, e.g. invalid settings). */
  wanted = $state.raw<Record<TaskKind, Task | null>>({ tornado: null, sweep: null });

  #pool: WorkerPool | null = null;
  #current: { kind: TaskKind; task: Task } | null = null;
  #active = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * `makePool` is called on first use (and again after the page was left);
   * work starts `delayMs` after the last change, so that typing a number does
   * not start a computation per key.
   */
  constructor(
    private readonly makePool: () => WorkerPool,
    private readonly delayMs = 250,
  ) {}

  /** Whether the result shown for `kind` is for other inputs than those wanted now (or none is, the settings being invalid). */
  outdated(kind: TaskKind): boolean {
    const done = this[kind];
    return done !== null && done.key !== this.wanted[kind]?.key;
  }

  /** Sets what should be shown; cancels work for other inputs at once. */
  want(tornado: Task | null, sweep: Task | null): void {
    const same = tornado?.key === this.wanted.tornado?.key && sweep?.key === this.wanted.sweep?.key;
    if (same) return;
    this.wanted = { tornado, sweep };
    this.stopped = false;
    this.failure = null;
    const c = this.#current;
    if (c && this.wanted[c.kind]?.key !== c.task.key) this.#pool?.cancel();
    this.#schedule();
  }

  /** The page is shown (true) or left (false: the pool is disposed, work resumes on return). */
  setActive(active: boolean): void {
    if (active === this.#active) return;
    this.#active = active;
    if (active) this.#schedule();
    else this.#release();
  }

  /** Stops the work in progress at once; the results on screen stay. */
  cancel(): void {
    clearTimeout(this.#timer);
    this.stopped = true;
    this.#pool?.cancel();
  }

  /** Computes again after a cancel or a failure. */
  resume(): void {
    this.stopped = false;
    this.failure = null;
    this.#schedule(0);
  }

  dispose(): void {
    this.#active = false;
    this.#release();
  }

  #release(): void {
    clearTimeout(this.#timer);
    const pool = this.#pool;
    this.#pool = null;
    pool?.dispose();
  }

  #next(): { kind: TaskKind; task: Task } | null {
    for (const kind of KINDS) {
      const task = this.wanted[kind];
      if (task && this[kind]?.key !== task.key) return { kind, task };
    }
    return null;
  }

  #schedule(delay = this.delayMs): void {
    clearTimeout(this.#timer);
    if (!this.#active || this.stopped || this.failure || this.#current || !this.#next()) return;
    this.#timer = setTimeout(() => this.#start(), delay);
  }

  #start(): void {
    if (!this.#active || this.stopped || this.failure || this.#current) return;
    const next = this.#next();
    if (!next) return;
    const pool = (this.#pool ??= this.makePool());
    const current = next;
    this.#current = current;
    this.running = current.kind;
    this.progress = null;
    const list = jobs(current.task.plan);
    let cancelled = false;
    pool
      .run(list, {
        onProgress: (p) => {
          if (this.#current === current) this.progress = p;
        },
      })
      .then(
        (r) => {
          cancelled = r.cancelled;
          if (!r.cancelled) {
            this[current.kind] = {
              key: current.task.key,
              plan: current.task.plan,
              scenario: current.task.scenario,
              outputs: r.outputs,
              total: r.total,
              ms: r.ms,
            };
          }
        },
        (e: unknown) => {
          this.failure = failureOf(e);
        },
      )
      .finally(() => {
        if (this.#current !== current) return;
        this.#current = null;
        this.running = null;
        this.progress = null;
        // After a change of inputs, wait as after any change; else go on at once.
        this.#schedule(cancelled ? this.delayMs : 0);
      });
  }
}
