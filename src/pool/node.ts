/**
 * The pool's workers in Node: worker_threads running src/pool/node-worker.mjs.
 * Used by the command line (`npm run sim -- --runs N`), the tests and the
 * benchmark; never by the browser app.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Job, RunOutput } from '../engine/batch.ts';
import { WorkerLost, WorkerPool, type JobRunner } from './pool.ts';

type Reply = { id: number; outputs?: RunOutput[]; error?: string; ready?: boolean };

export function nodeRunner(): JobRunner {
  const worker = new Worker(new URL('./node-worker.mjs', import.meta.url));
  const pending = new Map<
    number,
    { resolve: (o: RunOutput[]) => void; reject: (e: Error) => void }
  >();
  let nextId = 0;
  let stopped = false;
  const failAll = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', (m: Reply) => {
    if (m.ready) return;
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error !== undefined) p.reject(new Error(m.error));
    else p.resolve(m.outputs ?? []);
  });
  worker.on('error', (e) => failAll(new WorkerLost(`a worker failed: ${e.message}`, 'error')));
  worker.on('exit', (code) => {
    if (!stopped) failAll(new WorkerLost(`a worker stopped (exit code ${code})`, 'exit'));
  });
  return {
    run(jobs: Job[]) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, jobs });
      });
    },
    terminate() {
      stopped = true;
      pending.clear();
      void worker.terminate();
    },
  };
}

/** The number of cores Node may use. */
export function coreCount(): number {
  return availableParallelism();
}

export function nodePool(size = coreCount()): WorkerPool {
  return new WorkerPool(nodeRunner, size);
}
