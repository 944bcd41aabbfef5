/**
 * The one place where the page makes a worker (an ESLint rule forbids
 * `new Worker` anywhere else in src/). The normal build loads each worker's
 * own file; the single-file build (vite.single.config.ts) swaps this module
 * for spawn.inline.ts, whose workers are inlined in the page so that they
 * also run from a file:// URL. Everything else gets its workers through the
 * supervised layer (supervisor.ts, index.ts), never from here directly.
 */
export type WorkerKind = 'sim' | 'batch';

export function spawnWorker(kind: WorkerKind, name: string): Worker {
  // The URLs only tell Vite where the workers' modules are; they are not state.
  return kind === 'sim'
    ? new Worker(new URL('../../worker/sim.worker.ts', import.meta.url), { type: 'module', name })
    : new Worker(new URL('../../worker/batch.worker.ts', import.meta.url), {
        type: 'module',
        name,
      });
}
