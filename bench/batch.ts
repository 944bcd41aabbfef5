/**
 * Batch benchmark: 100 runs of the default scenario (bands) and a 10x10 sweep
 * (cost-down x pass-through floor, one seed per point), on 1 worker thread
 * and on all cores, with the speed-up. Pools are started and warmed before
 * timing (the first batch of a session also pays for starting the workers:
 * printed separately). Medians over several repetitions. Prints figures;
 * asserts nothing.
 *   npm run bench            (engine, batch and, when built, the UI latency)
 *   npx tsx bench/batch.ts [--quick]
 */
import { loadavg } from 'node:os';
import {
  computeBands,
  computeSweep,
  defaultScenario,
  jobs,
  parseSweep,
  planRuns,
  planSweep,
  type Job,
} from '../src/engine/index.ts';
import { coreCount, nodePool } from '../src/pool/node.ts';

const quick = process.argv.includes('--quick');
const reps = quick ? 3 : 7;
const cores = coreCount();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

const base = defaultScenario();
const runsPlan = planRuns(base, 100);
const sweepPlan = planSweep(base, [
  parseSweep('policy.costDown=0:0.05:10'),
  parseSweep('policy.passThroughFloor=0:1:10'),
]);

/** Median wall time of a batch on a warm pool of `size` workers, ms. */
async function time(size: number, list: Job[]): Promise<{ cold: number; warm: number }> {
  const t0 = performance.now();
  const pool = nodePool(size);
  await pool.run(list);
  const cold = performance.now() - t0;
  // Warm the JIT of every worker before timing.
  await pool.run(list);
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) {
    const r = await pool.run(list);
    ms.push(r.ms);
  }
  pool.dispose();
  return { cold, warm: median(ms) };
}

console.log(
  `batch benchmark (node ${process.version}, ${cores} cores, worker threads; medians of ${reps} on warm pools; load average ${load()})`,
);
for (const [name, plan] of [
  ['100 runs, default scenario', runsPlan],
  ['10x10 sweep, default scenario', sweepPlan],
] as const) {
  const list = jobs(plan);
  const one = await time(1, list);
  const all = await time(cores, list);
  const speedUp = one.warm / all.warm;
  console.log(
    `${name.padEnd(30)} 1 worker ${one.warm.toFixed(0).padStart(6)} ms  ` +
      `${cores} workers ${all.warm.toFixed(0).padStart(6)} ms  ` +
      `speed-up ${speedUp.toFixed(2)}x (${(speedUp / cores).toFixed(2)} x cores)  ` +
      `first batch incl. starting workers ${all.cold.toFixed(0)} ms`,
  );
}
// Aggregation on the page's side: percentiles of every output over 100 runs.
{
  const pool = nodePool(cores);
  const r = await pool.run(jobs(runsPlan));
  const s = await pool.run(jobs(sweepPlan));
  pool.dispose();
  const ms: number[] = [];
  const sw: number[] = [];
  for (let i = 0; i < reps; i++) {
    let t = performance.now();
    computeBands(base, r.outputs);
    ms.push(performance.now() - t);
    t = performance.now();
    computeSweep(sweepPlan, s.outputs);
    sw.push(performance.now() - t);
  }
  console.log(
    `aggregation: bands of 100 runs ${median(ms).toFixed(1)} ms, statistics of a 10x10 sweep ${median(sw).toFixed(1)} ms`,
  );
}
console.log(`load average at the end ${load()}`);
