/**
 * Determinism: the same scenario and seed give identical output (deep-equal
 * JSON) in this process, in a second run and in a worker thread; a different
 * seed gives different output.
 */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { simulate, toJSON, type Scenario } from '../../src/engine/index.ts';
import { preset, scenario } from '../helpers/engine.ts';

const json = (sc: Scenario) => JSON.stringify(toJSON(simulate(sc)));

function runInWorker(scs: Scenario[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./sim-worker.mjs', import.meta.url), {
      workerData: scs,
    });
    w.once('message', (m: string[]) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
    w.once('exit', (code) => {
      if (code !== 0) reject(new Error(`worker exited with code ${code}`));
    });
  });
}

const CASES: [string, Scenario][] = [
  ['japan-2024, seed 11', preset('japan-2024', { seed: 11, years: 8 })],
  ['layered, seed 3', preset('layered', { seed: 3, years: 8 })],
  [
    'small 6-tier web with shocks, seed 123456',
    scenario({
      seed: 123456,
      years: 6,
      network: { firmsPerTier: [2, 4, 6, 8, 10, 12], customersPerSupplier: 3, tierSkip: 0.3 },
      shocks: [
        { variable: 'energy', start: 1, duration: 0, size: 1 },
        { variable: 'laborForce', start: 2, duration: 2, size: -0.2 },
      ],
    }),
  ],
];

describe('same scenario and seed give identical results', () => {
  it.each(CASES)('%s: two runs in this process are deep-equal', (_name, sc) => {
    const a = toJSON(simulate(sc));
    const b = toJSON(simulate(structuredClone(sc)));
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('the scenario object is not mutated by a run', () => {
    const sc = CASES[0][1];
    const before = JSON.stringify(sc);
    simulate(sc);
    expect(JSON.stringify(sc)).toBe(before);
  });

  it('a worker thread gives the same JSON as the main thread', async () => {
    const scs = CASES.map(([, sc]) => sc);
    const fromWorker = await runInWorker(scs);
    expect(fromWorker).toHaveLength(scs.length);
    scs.forEach((sc, i) => {
      expect(JSON.parse(fromWorker[i])).toEqual(JSON.parse(json(sc)));
      expect(fromWorker[i]).toBe(json(sc));
    });
  });
});

describe('a different seed gives different results', () => {
  it.each(CASES)('%s vs seed + 1', (_name, sc) => {
    const a = toJSON(simulate(sc));
    const b = toJSON(simulate({ ...sc, seed: sc.seed + 1 }));
    expect(b.seed).toBe(sc.seed + 1);
    // Not only the seed field: the simulated series differ.
    expect(JSON.stringify(b.series)).not.toBe(JSON.stringify(a.series));
    expect(JSON.stringify(b.summary)).not.toBe(JSON.stringify(a.summary));
  });
});

describe('JSON output', () => {
  it('has no NaN or Infinity: undefined values are null, and it parses back to the same value', () => {
    const r = simulate(CASES[2][1]);
    const j = toJSON(r);
    const text = JSON.stringify(j);
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(JSON.parse(text)).toEqual(j);
    // Quarters without a negotiation round have no measured pass-through: NaN in the arrays, null in JSON.
    const pt = (j.series as Record<string, (number | null)[][]>).passThrough[1];
    expect(Number.isNaN(r.series.passThrough[1][1])).toBe(true);
    expect(pt[1]).toBeNull();
  });
});
