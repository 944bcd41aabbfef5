/**
 * The engine benchmark's scenarios and timing loop, shared by the Node
 * benchmark (bench/engine.ts) and the one in headless Chromium
 * (bench/engine-browser.ts). No Node or DOM imports: it is bundled for the page.
 */
import {
  defaultScenario,
  simulate,
  splitFirms,
  type Scenario,
  type Timings,
} from '../src/engine/index.ts';

export interface EngineCase {
  name: string;
  scenario: Scenario;
  seeds: number;
  warmup: number;
}

export interface EngineRow {
  name: string;
  firms: number;
  quarters: number;
  seeds: number;
  setupMs: number;
  runMs: number;
  totalMs: number;
  /** Firm-quarters per second over the run (medians). */
  firmQuartersPerSecond: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** The default scenario (about 470 firms, 20 years) and the same with 100,000 firms. */
export function engineCases(quick: boolean): EngineCase[] {
  const def = defaultScenario();
  const big: Scenario = {
    ...def,
    network: { ...def.network, firmsPerTier: splitFirms(100_000, def.network.firmsPerTier) },
  };
  // The JIT needs about 40 runs of the default scenario to settle (the first ones take 10-19 ms,
  // then 7-8 ms): 60 warm-up runs, so that the figure is the steady state the app and batches see.
  return [
    { name: 'default', scenario: def, seeds: quick ? 7 : 31, warmup: quick ? 20 : 60 },
    { name: '100k firms', scenario: big, seeds: quick ? 1 : 5, warmup: 1 },
  ];
}

/** Set-up (network, state, burn-in) and run timed separately; medians over seeds 1..n. */
export function measure(c: EngineCase, now: () => number): EngineRow {
  const sc = c.scenario;
  for (let i = 0; i < c.warmup; i++) simulate({ ...sc, seed: 1000 + i });
  const setup: number[] = [];
  const run: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < c.seeds; i++) {
    const t: Timings = { setupMs: 0, runMs: 0 };
    simulate({ ...sc, seed: i + 1 }, now, t);
    setup.push(t.setupMs);
    run.push(t.runMs);
    total.push(t.setupMs + t.runMs);
  }
  const firms = sc.network.firmsPerTier.reduce((a, b) => a + b, 0);
  const quarters = sc.years * 4;
  return {
    name: c.name,
    firms,
    quarters,
    seeds: c.seeds,
    setupMs: median(setup),
    runMs: median(run),
    totalMs: median(total),
    firmQuartersPerSecond: (firms * quarters) / (median(run) / 1000),
  };
}

export function formatRow(r: EngineRow): string {
  return (
    `${r.name.padEnd(24)} firms ${String(r.firms).padStart(7)}  quarters ${r.quarters}  seeds ${r.seeds}  ` +
    `setup ${r.setupMs.toFixed(2).padStart(8)} ms  run ${r.runMs.toFixed(2).padStart(8)} ms  ` +
    `total ${r.totalMs.toFixed(2).padStart(8)} ms  ${(r.firmQuartersPerSecond / 1e6).toFixed(2)} M firm-quarters/s (run)`
  );
}
