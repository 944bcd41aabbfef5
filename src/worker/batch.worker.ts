/**
 * A worker of the browser's batch pool: a thin Comlink adapter that runs batch
 * jobs with the engine and sends their packed arrays back transferred.
 */
import * as Comlink from 'comlink';
import { runJobs, type Job, type RunOutput } from '../engine/batch.ts';

const api = {
  run(jobs: Job[]): RunOutput[] {
    const outputs = runJobs(jobs);
    return Comlink.transfer(
      outputs,
      outputs.flatMap((o) => (o.packed ? [o.packed.buffer as ArrayBuffer] : [])),
    );
  },
};

export type BatchApi = typeof api;

Comlink.expose(api);
