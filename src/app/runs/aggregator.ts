/**
 * Computes the bands of a finished batch in a worker of its own (made on
 * first use by the worker layer, and made again if it is lost), so that the
 * page stays responsive while thousands of values are sorted. The runs'
 * packed arrays are moved to the worker, not copied; if the worker is lost,
 * the call rejects with WorkerLost and the batch runs again (BandsController).
 */
import type { RunOutput } from '../../engine/batch.ts';
import type { Scenario } from '../../engine/index.ts';
import type { BandSet } from '../../worker/bandSet.ts';
import { bandsRunner } from '../workers/index.ts';

let runner: ReturnType<typeof bandsRunner> | null = null;

export function aggregateInWorker(
  a: Scenario,
  b: Scenario,
  runs: number,
  outputs: readonly (RunOutput | undefined)[],
): Promise<BandSet> {
  runner ??= bandsRunner();
  return runner.bandSet(a, b, runs, outputs);
}
