/**
 * Computes the bands of a finished batch in a worker of its own (made on first
 * use), so that the page stays responsive while thousands of values are
 * sorted. The runs' packed arrays are moved to the worker, not copied.
 */
import { wrap, transfer, type Remote } from 'comlink';
import type { RunOutput } from '../../engine/batch.ts';
import type { Scenario } from '../../engine/index.ts';
import type { BatchApi } from '../../worker/batch.worker.ts';
import { createBatchWorker } from '../share/batchWorker.ts';
import type { BandSet } from '../../worker/bandSet.ts';

let api: Remote<BatchApi> | null = null;

export function aggregateInWorker(
  a: Scenario,
  b: Scenario,
  runs: number,
  outputs: readonly (RunOutput | undefined)[],
): Promise<BandSet> {
  api ??= wrap<BatchApi>(createBatchWorker('bands'));
  const list = [...outputs];
  const buffers = list.flatMap((o) => (o?.packed ? [o.packed.buffer as ArrayBuffer] : []));
  return api.bandSet(a, b, runs, transfer(list, buffers));
}
