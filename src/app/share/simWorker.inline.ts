/**
 * The single-file build's simulation worker: its code is inlined in the page
 * (a Blob URL made by Vite), so that it runs from a file:// URL with no server.
 */
import SimWorker from '../../worker/sim.worker.ts?worker&inline';

export function createSimWorker(name: string): Worker {
  return new SimWorker({ name });
}
