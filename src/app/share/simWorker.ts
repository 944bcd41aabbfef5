/**
 * Creates a simulation worker. The normal build loads the worker's own file;
 * the single-file build (vite.single.config.ts) swaps this module for
 * simWorker.inline.ts, whose worker is inlined in the page so that it also
 * runs from a file:// URL.
 */
export function createSimWorker(name: string): Worker {
  // The URL only tells Vite where the worker's module is; it is not state.
  return new Worker(new URL('../../worker/sim.worker.ts', import.meta.url), {
    type: 'module',
    name,
  });
}
