/**
 * The accounting identities of the model guide (section 6), every quarter,
 * to a relative tolerance of 1e-9 of the flows involved:
 *   (a) sum over tiers of value added = final sales - energy - materials;
 *   (b) sum over tiers of cost-ups absorbed + cost-ups borne by consumers
 *       = external cost-ups (energy, materials, labour).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESET_NAMES, simulate } from '../../src/engine/index.ts';
import { scenarioArb } from '../helpers/arbitraries.ts';
import { identityFailures, preset, run } from '../helpers/engine.ts';

describe('accounting identities hold every quarter', () => {
  const cases = PRESET_NAMES.flatMap((name) => [1, 2, 3].map((seed) => [name, seed] as const));
  it.each(cases)('preset %s, seed %i (20 years)', (name, seed) => {
    const r = simulate(preset(name, { seed }));
    expect(r.quarters).toBe(80);
    expect(identityFailures(r)).toEqual([]);
  });

  it('in a surge with exits and entries (japan-2024 with a deep demand slump)', () => {
    const r = simulate(
      preset('japan-2024', {
        seed: 5,
        years: 10,
        shocks: [
          { variable: 'energy', start: 0, duration: 1, size: 2 },
          { variable: 'demand', start: 2, duration: 0, size: -0.5 },
        ],
      }),
    );
    let exits = 0;
    for (let k = 0; k < r.tiers; k++) exits += r.series.exits[k].reduce((s, x) => s + x, 0);
    expect(exits).toBeGreaterThan(0);
    expect(identityFailures(r)).toEqual([]);
  });

  it('the identities are not vacuous: flows are non-trivial', () => {
    const r = simulate(preset('japan-2024', { years: 4 }));
    const e = r.economy;
    for (let t = 0; t < r.quarters; t++) {
      expect(e.finalSales[t]).toBeGreaterThan(e.energyCost[t] + e.materialsCost[t]);
      expect(e.energyCost[t]).toBeGreaterThan(0);
      expect(e.materialsCost[t]).toBeGreaterThan(0);
    }
    // The energy and materials surge of 2022-2023 gives positive external cost-ups.
    expect(e.externalCostUp.slice(1, 8).every((x) => x > 0)).toBe(true);
  });

  it.each([
    ['negotiation'],
    ['cascade'],
    ['reallocation'],
    ['wages'],
    ['laborMarket'],
    ['investment'],
    ['valueDemand'],
    ['exit'],
    ['entry'],
  ])('with mechanisms.%s off', (mech) => {
    const r = run({
      seed: 4,
      years: 6,
      mechanisms: { [mech]: false },
      shocks: [{ variable: 'energy', start: 1, duration: 1, size: 0.6 }],
    });
    expect(identityFailures(r)).toEqual([]);
  });

  it('for random valid scenarios (fast-check, 100 runs, 2-6 tiers of 1-40 firms, 1-6 years)', () => {
    fc.assert(
      fc.property(scenarioArb(), (sc) => {
        expect(identityFailures(simulate(sc))).toEqual([]);
      }),
      { numRuns: 100, seed: 31337 },
    );
  });

  it('the checker catches a broken identity', () => {
    const r = simulate(preset('japan-2024', { years: 2 }));
    r.economy.energyCost[3] *= 1 + 1e-6;
    r.economy.consumerBurden[5] += 1e-3 * Math.abs(r.economy.externalCostUp[5]) + 1e-6;
    const f = identityFailures(r);
    expect(f.map((x) => [x.identity, x.quarter])).toEqual([
      ['valueAdded', 3],
      ['costUps', 5],
    ]);
  });
});
