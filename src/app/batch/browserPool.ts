/**
 * The browser's worker pool: Web Workers running src/worker/batch.worker.ts,
 * as many as the machine has logical cores (navigator.hardwareConcurrency).
 */
import { wrap, releaseProxy } from 'comlink';
import type { BatchApi } from '../../worker/batch.worker.ts';
import { WorkerPool, type JobRunner } from '../../pool/pool.ts';
import { createBatchWorker } from '../share/batchWorker.ts';

let counter = 0;

export function browserRunner(): JobRunner {
  const worker = createBatchWorker(`batch ${++counter}`);
  const api = wrap<BatchApi>(worker);
  return {
    run: (jobs) => api.run(jobs),
    terminate() {
      api[releaseProxy]();
      worker.terminate();
    },
  };
}

/** Logical cores of this machine (at least 1). */
export function coreCount(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 0;
  return Number.isInteger(n) && n > 0 ? n : 1;
}

export function createBrowserPool(size = coreCount()): WorkerPool {
  return new WorkerPool(browserRunner, size);
}
