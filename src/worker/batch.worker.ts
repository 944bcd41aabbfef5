/**
 * A worker of the browser's batch pool: a thin Comlink adapter that runs batch
 * jobs with the engine and sends their packed arrays back transferred. It
 * also computes the bands of a finished batch, so that the page's thread
 * never sorts thousands of values.
 */
import * as Comlink from 'comlink';
import { runJobs, type Bands, type Job, type RunOutput } from '../engine/batch.ts';
import type { Scenario } from '../engine/index.ts';
import { bandSet, type BandSet } from './bandSet.ts';
import { guardMessages, type GuardScope } from './guard.ts';

function bandBuffers(b: Bands | null, into: Set<ArrayBuffer>): void {
  if (!b) return;
  for (const byStat of Object.values(b.series))
    for (const perTier of Object.values(byStat))
      for (const a of perTier) into.add(a.buffer as ArrayBuffer);
  for (const byStat of Object.values(b.economy))
    for (const a of Object.values(byStat)) into.add(a.buffer as ArrayBuffer);
}

const api = {
  run(jobs: Job[]): RunOutput[] {
    const outputs = runJobs(jobs);
    return Comlink.transfer(
      outputs,
      outputs.flatMap((o) => (o.packed ? [o.packed.buffer as ArrayBuffer] : [])),
    );
  },
  /** The bands of a finished batch of A and B runs (see src/worker/bandSet.ts). */
  bandSet(a: Scenario, b: Scenario, runs: number, outputs: (RunOutput | undefined)[]): BandSet {
    const set = bandSet(a, b, runs, outputs);
    const buffers = new Set<ArrayBuffer>();
    bandBuffers(set.A, buffers);
    bandBuffers(set.B, buffers);
    bandBuffers(set.diff, buffers);
    return Comlink.transfer(set, [...buffers]);
  },
};

export type BatchApi = typeof api;

// A message it cannot handle is reported to the page, which replaces the worker (guard.ts).
guardMessages(self as unknown as GuardScope);
Comlink.expose(api);
