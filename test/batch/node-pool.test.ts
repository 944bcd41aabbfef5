/**
 * Batches on real worker threads (the pool the command line uses): results do
 * not depend on the number of workers, a sweep's grid point equals a direct
 * run with the same seed, and cancelling stops every worker.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  bandsJSON,
  computeBands,
  jobs,
  parseSweep,
  planRuns,
  planSweep,
  sweepJSON,
  computeSweep,
} from '../../src/engine/batch.ts';
import { simulate } from '../../src/engine/index.ts';
import { nodePool } from '../../src/pool/node.ts';
import type { WorkerPool } from '../../src/pool/pool.ts';
import { scenario } from '../helpers/engine.ts';

const small = (patch: Record<string, unknown> = {}) =>
  scenario({ years: 4, network: { firmsPerTier: [3, 12, 36, 72] }, ...patch });

const pools: WorkerPool[] = [];
const pool = (n: number) => {
  const p = nodePool(n);
  pools.push(p);
  return p;
};
afterAll(() => pools.forEach((p) => p.dispose()));

describe('batches on worker threads', () => {
  it('give identical results with 1 and with 4 workers', async () => {
    const base = small({ seed: 21 });
    const runs = planRuns(base, 12);
    const sweep = planSweep(
      base,
      [parseSweep('policy.costDown=0:0.04:3'), parseSweep('market.valueOrientation=0:1:2')],
      2,
    );
    const one = pool(1);
    const four = pool(4);
    const [r1, r4] = [await one.run(jobs(runs)), await four.run(jobs(runs), { chunk: 1 })];
    expect(JSON.stringify(bandsJSON(computeBands(base, r4.outputs)))).toBe(
      JSON.stringify(bandsJSON(computeBands(base, r1.outputs))),
    );
    const [s1, s4] = [await one.run(jobs(sweep)), await four.run(jobs(sweep), { chunk: 1 })];
    expect(JSON.stringify(sweepJSON(computeSweep(sweep, s4.outputs)))).toBe(
      JSON.stringify(sweepJSON(computeSweep(sweep, s1.outputs))),
    );
  });

  it("give a sweep's grid point equal to a direct run with the same seed", async () => {
    const base = small({ seed: 8 });
    const plan = planSweep(
      base,
      [parseSweep('policy.costDown=0:0.04:3'), parseSweep('policy.passThroughFloor=0:1:3')],
      2,
    );
    const r = await pool(2).run(jobs(plan));
    // Point (0.02, 1), second seed.
    const p = plan.points.findIndex((pt) => pt.set[0][1] === 0.02 && pt.set[1][1] === 1);
    const o = r.outputs[p * 2 + 1]!;
    const direct = simulate({
      ...base,
      seed: plan.seeds[1],
      policy: { ...base.policy, costDown: 0.02, passThroughFloor: 1 },
    });
    expect(o.seed).toBe(plan.seeds[1]);
    expect(o.summary).toEqual(direct.summary);
  });

  it('stop every worker when cancelled, keep the runs done, and run again on fresh workers', async () => {
    const base = small({ seed: 2, years: 10 });
    const p = pool(2);
    const plan = planRuns(base, 400);
    let cancelledAt = -1;
    const run = p.run(jobs(plan), {
      chunk: 1,
      onProgress: (x) => {
        if (x.done >= 4 && cancelledAt < 0) {
          cancelledAt = x.done;
          p.cancel();
        }
      },
    });
    const r = await run;
    expect(r.cancelled).toBe(true);
    expect(r.done).toBe(cancelledAt);
    expect(r.done).toBeLessThan(400);
    expect(p.terminated).toBe(2);
    expect(p.spawned).toBe(4);
    expect(r.outputs.filter(Boolean)).toHaveLength(r.done);
    // Fresh workers run again, and a run done before the cancel is what a fresh run gives.
    const i = r.outputs.findIndex((o) => o !== undefined);
    const again = await p.run(jobs(plan).slice(i, i + 3));
    expect(again.done).toBe(3);
    expect(again.outputs[i]!.summary).toEqual(r.outputs[i]!.summary);
  });
});
