/**
 * Engine benchmark: set-up (network, initial state and burn-in) and run (the
 * reported quarters) timed separately, medians over several seeds, for the
 * default scenario (about 470 firms, 20 years) and for 100,000 firms.
 * Prints figures; asserts nothing.
 *   npm run bench            (engine and, when built, the UI latency)
 *   npx tsx bench/engine.ts [--quick]
 */
import { defaultScenario, simulate, type Scenario, type Timings } from '../src/engine/index.ts';
import { loadavg } from 'node:os';
import { splitFirms } from '../scripts/cli.ts';

const quick = process.argv.includes('--quick');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

function bench(name: string, sc: Scenario, seeds: number, warmup: number): void {
  for (let i = 0; i < warmup; i++) simulate({ ...sc, seed: 1000 + i });
  const setup: number[] = [];
  const run: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < seeds; i++) {
    const t: Timings = { setupMs: 0, runMs: 0 };
    simulate({ ...sc, seed: i + 1 }, () => performance.now(), t);
    setup.push(t.setupMs);
    run.push(t.runMs);
    total.push(t.setupMs + t.runMs);
  }
  const firms = sc.network.firmsPerTier.reduce((a, b) => a + b, 0);
  const quarters = sc.years * 4;
  const fq = (firms * quarters) / (median(run) / 1000);
  console.log(
    `${name.padEnd(24)} firms ${String(firms).padStart(7)}  quarters ${quarters}  seeds ${seeds}  ` +
      `setup ${median(setup).toFixed(2).padStart(8)} ms  run ${median(run).toFixed(2).padStart(8)} ms  ` +
      `total ${median(total).toFixed(2).padStart(8)} ms  ${(fq / 1e6).toFixed(2)} M firm-quarters/s (run)`,
  );
}

const def = defaultScenario();
// The machine may be shared: the load average says how far to trust the figures.
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
console.log(
  `engine benchmark (node ${process.version}, one core; setup includes the ${def.simulation.burnInYears}-year burn-in; load average ${load()})`,
);
bench('default', def, quick ? 7 : 31, quick ? 3 : 10);
const big: Scenario = {
  ...def,
  network: { ...def.network, firmsPerTier: splitFirms(100_000, def.network.firmsPerTier) },
};
bench('100k firms', big, quick ? 1 : 5, 1);
console.log(`load average at the end ${load()}`);
