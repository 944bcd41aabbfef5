/**
 * The page's worker layer: every worker of the page is made here, and each
 * is a `SupervisedWorker` (supervisor.ts) with a time limit scaled to its job
 * (limits.ts), so that a worker that crashes, fails to load, hangs or gets a
 * message it cannot read is replaced instead of leaving its view waiting.
 *
 * - `simRunner`: a simulation worker for a SimBridge (A, B, the embed's) or
 *   the scenario table; `abort` stops a long run at once.
 * - `batchRunner` / `createBrowserPool`: the batch workers of a WorkerPool
 *   (the runs of A and B, the sensitivity page); a lost worker's chunk is
 *   sent again to a fresh one (src/pool/pool.ts).
 * - `bandsRunner`: the worker that computes the bands of a finished batch.
 *
 * Each checks the shape of its worker's answers (`validOutcome`, …): an
 * answer it cannot use loses the worker as a message it cannot read does,
 * so that the latest inputs run again on a fresh one.
 */
import { transfer } from 'comlink';
import type { Job, RunOutput } from '../../engine/batch.ts';
import type { Scenario } from '../../engine/index.ts';
import { WorkerPool, type JobRunner } from '../../pool/pool.ts';
import type { BandSet } from '../../worker/bandSet.ts';
import type { BatchApi } from '../../worker/batch.worker.ts';
import type { RunOutcome, SimApi } from '../../worker/sim.worker.ts';
import { firmQuarters, limitMs } from './limits.ts';
import { spawnWorker } from './spawn.ts';
import { SupervisedWorker } from './supervisor.ts';

export { MAX_FAILURES, SupervisedWorker, WorkerLost, isWorkerLost } from './supervisor.ts';

/** A simulation worker, as a SimBridge or the table sees it. */
export interface SimRunner {
  run(input: Scenario): Promise<RunOutcome>;
  /** Stops the run in flight at once (it rejects with WorkerLost 'aborted'); false if none. */
  abort(): boolean;
  dispose(): void;
  readonly worker: SupervisedWorker<SimApi>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Whether `v` is a simulation worker's answer: a result with its summary, or errors. */
export function validOutcome(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (v.ok === false) return Array.isArray(v.errors);
  return (
    v.ok === true &&
    typeof v.ms === 'number' &&
    isObject(v.result) &&
    isObject(v.result.summary) &&
    isObject(v.result.series)
  );
}

/** Whether `v` is a batch worker's answer to `jobs`: one output per job, in order. */
export function validOutputs(v: unknown, jobs: readonly Job[]): boolean {
  return (
    Array.isArray(v) &&
    v.length === jobs.length &&
    v.every((o, i) => isObject(o) && o.index === jobs[i].index && isObject(o.summary))
  );
}

/** Whether `v` is the bands' worker's answer: the bands of `runs` runs. */
export function validBandSet(v: unknown, runs: number): boolean {
  return isObject(v) && v.runs === runs && isObject(v.A) && isObject(v.B) && isObject(v.burden);
}

export function simRunner(name: string): SimRunner {
  const worker = new SupervisedWorker<SimApi>(() => spawnWorker('sim', name));
  return {
    worker,
    run: (input) =>
      worker.call<RunOutcome>(
        (api) => api.run(input) as Promise<RunOutcome>,
        limitMs(firmQuarters(input), worker.failures),
        validOutcome,
      ),
    abort: () => worker.abort(),
    dispose: () => worker.dispose(),
  };
}

let batchCounter = 0;

/**
 * A batch worker of a pool: a lost worker rejects its chunk with WorkerLost;
 * the runner starts a fresh worker for the next chunk (`heals`), with a
 * longer time limit after each loss in a row.
 */
export function batchRunner(): JobRunner {
  const worker = new SupervisedWorker<BatchApi>(() =>
    spawnWorker('batch', `batch ${++batchCounter}`),
  );
  return {
    run: (jobs: Job[]) =>
      worker.call(
        (api) => api.run(jobs),
        limitMs(
          jobs.reduce((s, j) => s + firmQuarters(j.scenario), 0),
          worker.failures,
        ),
        (v) => validOutputs(v, jobs),
      ),
    terminate: () => worker.dispose(),
    heals: true,
  };
}

/** Logical cores of this machine (at least 1). */
export function coreCount(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 0;
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** A pool of batch workers, as many as the machine has logical cores. */
export function createBrowserPool(size = coreCount()): WorkerPool {
  return new WorkerPool(batchRunner, size);
}

/** Per run of a batch, for the bands' time limit: sorting is quick, ms. */
const PER_RUN_MS = 20;

/** The worker that computes the bands of finished batches (made on first use, replaced when lost). */
export function bandsRunner(): {
  bandSet(
    a: Scenario,
    b: Scenario,
    runs: number,
    outputs: readonly (RunOutput | undefined)[],
  ): Promise<BandSet>;
  dispose(): void;
} {
  const worker = new SupervisedWorker<BatchApi>(() => spawnWorker('batch', 'bands'));
  return {
    bandSet(a, b, runs, outputs) {
      // The runs' packed arrays are moved to the worker, not copied: a lost
      // worker takes them along, and the batch must run again.
      const list = [...outputs];
      const buffers = list.flatMap((o) => (o?.packed ? [o.packed.buffer as ArrayBuffer] : []));
      return worker.call(
        (api) => api.bandSet(a, b, runs, transfer(list, buffers)),
        limitMs(0, worker.failures) + list.length * PER_RUN_MS,
        (v) => validBandSet(v, runs),
      );
    },
    dispose: () => worker.dispose(),
  };
}
