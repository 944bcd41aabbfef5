/**
 * A worker_threads worker of the Node pool: runs the batch jobs it is sent
 * and posts back their outputs, packed arrays transferred, not copied.
 *
 * Plain JavaScript on purpose: on Node 20 a worker does not inherit tsx's
 * hooks, so it registers tsx itself before importing the TypeScript engine.
 */
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runJobs } = await import('../engine/batch.ts');

parentPort.on('message', ({ id, jobs }) => {
  try {
    const outputs = runJobs(jobs);
    const transfer = outputs.flatMap((o) => (o.packed ? [o.packed.buffer] : []));
    parentPort.postMessage({ id, outputs }, transfer);
  } catch (e) {
    parentPort.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
parentPort.postMessage({ ready: true });
