/**
 * A pool of workers that runs the jobs of a batch (src/engine/batch.ts) in
 * parallel. It knows workers only through `JobRunner`, so the same pool runs
 * Web Workers in the browser and worker_threads in Node.
 *
 * Jobs go out in small chunks, each to the next idle worker; results are put
 * back in job order, so the figures never depend on the number of workers.
 * Cancelling terminates every worker at once (a run that is half done is not
 * waited for), replaces them, and hands back the runs already done.
 *
 * A worker that is lost in the middle of a batch (it crashed, failed to load,
 * stopped answering, or got a message it could not read: its runner rejects
 * with `WorkerLost`) is replaced and its chunk goes out again, so that a
 * batch never stalls at "192 of 200"; after MAX_LOST_IN_A_ROW losses with no
 * chunk done in between, the batch fails with a message. Any other rejection
 * (a job's own error) fails the batch at once.
 */
import type { Job, RunOutput } from '../engine/batch.ts';

/**
 * A worker was lost (not a job's own error): the work it had may be sent
 * again to a fresh worker. `kind` says how it was lost.
 */
export class WorkerLost extends Error {
  readonly workerLost = true;
  constructor(
    message: string,
    readonly kind: 'error' | 'timeout' | 'messageerror' | 'aborted' | 'exit' = 'error',
  ) {
    super(message);
    this.name = 'WorkerLost';
  }
}

/** Whether `e` says that a worker was lost (see WorkerLost; checked by shape, across realms). */
export function isWorkerLost(e: unknown): e is WorkerLost {
  return typeof e === 'object' && e !== null && (e as { workerLost?: unknown }).workerLost === true;
}

/** Workers lost in a row (no chunk done in between) before a batch fails. */
export const MAX_LOST_IN_A_ROW = 3;

/** One worker, as the pool sees it. */
export interface JobRunner {
  run(jobs: Job[]): Promise<RunOutput[]>;
  terminate(): void;
  /**
   * True if the runner replaces its own worker after a loss (the browser's
   * supervised workers, whose time limits grow with each loss in a row): the
   * pool then keeps it and sends it the lost chunk again; otherwise the pool
   * puts a fresh runner in its place.
   */
  readonly heals?: boolean;
}

export interface Progress {
  done: number;
  total: number;
  elapsedMs: number;
  /** Estimated from the pace so far; null before the first chunk is back. */
  remainingMs: number | null;
}

export interface BatchRun {
  /** By job index; undefined where the job was not done. */
  outputs: (RunOutput | undefined)[];
  done: number;
  total: number;
  cancelled: boolean;
  ms: number;
}

export interface RunOptions {
  onProgress?: (p: Progress) => void;
  /** Jobs per message to a worker; by default a quarter of a worker's share of the jobs left, 1 to 8. */
  chunk?: number;
}

interface Active {
  outputs: (RunOutput | undefined)[];
  done: number;
  total: number;
  t0: number;
  finish: (cancelled: boolean) => void;
  fail: (e: unknown) => void;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export class WorkerPool {
  readonly size: number;
  #runners: JobRunner[] = [];
  #active: Active | null = null;
  #disposed = false;
  /** Workers started since the pool was made (tests check that cancelling replaces them). */
  spawned = 0;
  terminated = 0;
  /** Workers lost during batches and replaced (their chunks sent again). */
  lost = 0;

  constructor(
    private readonly spawn: () => JobRunner,
    size: number,
  ) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`pool size must be at least 1, got ${size}`);
    this.size = size;
  }

  /** Starts the workers now, so that the first batch does not wait for them. */
  warm(): void {
    if (this.#disposed) throw new Error('the pool was disposed');
    while (this.#runners.length < this.size) {
      this.#runners.push(this.spawn());
      this.spawned++;
    }
  }

  get busy(): boolean {
    return this.#active !== null;
  }

  /**
   * Runs the jobs; resolves when all are done or the batch is cancelled (then
   * with the runs done so far). A new `run` cancels the batch in progress.
   * Rejects if a job fails.
   */
  run(jobs: readonly Job[], opts: RunOptions = {}): Promise<BatchRun> {
    if (this.#active) this.cancel();
    this.warm();
    const total = jobs.length;
    // Guided scheduling: chunks of about a quarter of each worker's share of
    // what is left (1 to 8 jobs), so that messages are few at the start and
    // no worker waits long for another at the end.
    let nextJob = 0;
    // Chunks of lost workers, to send again first.
    const again: Job[][] = [];
    let lostInARow = 0;
    const take = (): Job[] | null => {
      if (again.length) return again.shift()!;
      const left = total - nextJob;
      if (left <= 0) return null;
      const n =
        opts.chunk !== undefined
          ? Math.max(1, Math.floor(opts.chunk))
          : Math.min(8, Math.max(1, Math.ceil(left / (this.size * 4))));
      const out = jobs.slice(nextJob, nextJob + n);
      nextJob += out.length;
      return out;
    };
    const maxIndex = jobs.reduce((m, j) => Math.max(m, j.index), -1);

    return new Promise<BatchRun>((resolve, reject) => {
      const a: Active = {
        outputs: new Array<RunOutput | undefined>(maxIndex + 1),
        done: 0,
        total,
        t0: now(),
        finish: (cancelled) => {
          if (this.#active !== a) return;
          this.#active = null;
          resolve({ outputs: a.outputs, done: a.done, total, cancelled, ms: now() - a.t0 });
        },
        fail: (e) => {
          if (this.#active !== a) return;
          this.#active = null;
          // A failed job may leave other workers busy: start afresh.
          this.#replaceAll();
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      };
      this.#active = a;
      if (total === 0) {
        a.finish(false);
        return;
      }
      let inFlight = 0;
      const feed = (runner: JobRunner) => {
        if (this.#active !== a) return;
        const next = take();
        if (!next) {
          if (inFlight === 0 && this.#active === a) a.finish(false);
          return;
        }
        inFlight++;
        runner.run(next).then(
          (outs) => {
            if (this.#active !== a) return;
            inFlight--;
            lostInARow = 0;
            for (const o of outs) a.outputs[o.index] = o;
            a.done += outs.length;
            const elapsedMs = now() - a.t0;
            opts.onProgress?.({
              done: a.done,
              total,
              elapsedMs,
              remainingMs: (elapsedMs / a.done) * (total - a.done),
            });
            feed(runner);
          },
          (e) => {
            if (this.#active !== a) return;
            if (!isWorkerLost(e)) return a.fail(e);
            inFlight--;
            this.lost++;
            if (++lostInARow >= MAX_LOST_IN_A_ROW) {
              // The last loss is the cause: the page says how workers were lost.
              return a.fail(
                new Error(`a worker was lost ${lostInARow} times in a row (${e.message})`, {
                  cause: e,
                }),
              );
            }
            // Replace the lost worker and send its chunk again.
            again.push(next);
            const fresh = runner.heals ? runner : this.#replace(runner);
            if (fresh) feed(fresh);
          },
        );
      };
      opts.onProgress?.({ done: 0, total, elapsedMs: 0, remainingMs: null });
      for (const r of this.#runners) feed(r);
    });
  }

  /**
   * Stops the batch in progress at once: every worker is terminated and
   * replaced by a fresh one (unless `respawn` is false), and the batch
   * resolves with the runs already done and `cancelled: true`.
   */
  cancel(respawn = true): void {
    const a = this.#active;
    if (!a) return;
    this.#terminateAll();
    if (respawn && !this.#disposed) this.warm();
    a.finish(true);
  }

  /** Terminates `runner` and puts a fresh one in its place; null if the pool was disposed. */
  #replace(runner: JobRunner): JobRunner | null {
    const i = this.#runners.indexOf(runner);
    if (i < 0 || this.#disposed) return null;
    runner.terminate();
    this.terminated++;
    const fresh = this.spawn();
    this.spawned++;
    this.#runners[i] = fresh;
    return fresh;
  }

  #terminateAll(): void {
    for (const r of this.#runners) {
      r.terminate();
      this.terminated++;
    }
    this.#runners = [];
  }

  #replaceAll(): void {
    this.#terminateAll();
    if (!this.#disposed) this.warm();
  }

  /** Cancels any batch and terminates the workers for good. */
  dispose(): void {
    this.#disposed = true;
    const a = this.#active;
    this.#terminateAll();
    a?.finish(true);
  }
}
