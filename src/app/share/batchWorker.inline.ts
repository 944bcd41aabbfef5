/** The single-file build's batch worker, inlined in the page (see simWorker.inline.ts). */
import BatchWorker from '../../worker/batch.worker.ts?worker&inline';

export function createBatchWorker(name: string): Worker {
  return new BatchWorker({ name });
}
