/**
 * Creates a batch worker. The single-file build (vite.single.config.ts) swaps
 * this module for batchWorker.inline.ts, whose worker is inlined in the page.
 */
export function createBatchWorker(name: string): Worker {
  return new Worker(new URL('../../worker/batch.worker.ts', import.meta.url), {
    type: 'module',
    name,
  });
}
