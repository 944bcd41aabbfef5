/**
 * The single-file build's workers: their code is inlined in the page (Blob
 * URLs made by Vite), so that they run from a file:// URL with no server.
 * vite.single.config.ts puts this module in the place of spawn.ts.
 */
import SimWorker from '../../worker/sim.worker.ts?worker&inline';
import BatchWorker from '../../worker/batch.worker.ts?worker&inline';
import type { WorkerKind } from './spawn.ts';

export function spawnWorker(kind: WorkerKind, name: string): Worker {
  return kind === 'sim' ? new SimWorker({ name }) : new BatchWorker({ name });
}
