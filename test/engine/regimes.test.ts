/**
 * The two regime presets (model guide sections 1, 3, 11): under the
 * large-firm-led model the deepest tier's wages grow more slowly and small
 * firms invest less than in the layered value chain. The difference is then
 * attributed by switching one group of levers at a time:
 *   - network (dependency on one customer -> bargaining power),
 *   - policy (sharing rules: cost-down, pass-through floor, gain sharing,
 *     buyer support, technology sharing),
 *   - market (consumers' value orientation).
 * All figures are medians over seeds 1-7 of 20-year runs.
 */
import { describe, expect, it } from 'vitest';
import {
  findPreset,
  mergeDeep,
  simulate,
  type Scenario,
  type SimResult,
} from '../../src/engine/index.ts';
import { median, preset, SEEDS } from '../helpers/engine.ts';

const LFL = findPreset('large-firm-led')!.patch as Record<string, Record<string, unknown>>;
const LAY = findPreset('layered')!.patch as Record<string, Record<string, unknown>>;

interface Stats {
  deepestWageGrowth: number;
  topWageGrowth: number;
  smeInvestment: number;
  deepestMargin: number;
  wageGap: number;
  wageGapStart: number;
}

const cache = new Map<string, Stats>();
function stats(sc: Scenario): Stats {
  const key = JSON.stringify(sc);
  const hit = cache.get(key);
  if (hit) return hit;
  const runs: SimResult[] = SEEDS.map((seed) => simulate(mergeDeep(sc, { seed })));
  const med = (f: (r: SimResult) => number) => median(runs.map(f));
  const s: Stats = {
    deepestWageGrowth: med((r) => r.summary.deepestWageGrowth),
    topWageGrowth: med((r) => r.summary.wageGrowth[0]),
    smeInvestment: med((r) => r.summary.smeInvestmentRate),
    deepestMargin: med((r) => r.summary.profitMargin[r.tiers - 1] ?? NaN),
    wageGap: med((r) => r.summary.wageGap),
    wageGapStart: med((r) => r.summary.wageGapStart),
  };
  cache.set(key, s);
  return s;
}

const largeFirmLed = () => preset('large-firm-led');
const layered = () => preset('layered');

describe('large-firm-led vs layered: the regime difference', () => {
  it('the deepest tier’s wage grows more slowly under large-firm-led', () => {
    expect(stats(largeFirmLed()).deepestWageGrowth).toBeLessThan(
      stats(layered()).deepestWageGrowth,
    );
  });

  it('small firms (tier 2+) invest a lower share of value added under large-firm-led', () => {
    expect(stats(largeFirmLed()).smeInvestment).toBeLessThan(stats(layered()).smeInvestment);
  });

  it('the wage gap between tier 0 and the deepest tier widens more under large-firm-led', () => {
    const a = stats(largeFirmLed());
    const b = stats(layered());
    expect(a.wageGapStart).toBeCloseTo(b.wageGapStart, 12);
    expect(a.wageGap - a.wageGapStart).toBeGreaterThan(b.wageGap - b.wageGapStart);
  });

  it('the deepest tier’s margin is thinner under large-firm-led', () => {
    expect(stats(largeFirmLed()).deepestMargin).toBeLessThan(stats(layered()).deepestMargin);
  });
});

describe('attribution: one group of levers at a time', () => {
  const cases: [string, () => Scenario, () => Scenario, 'up' | 'down'][] = [
    [
      'large-firm-led with the layered network',
      largeFirmLed,
      () => preset('large-firm-led', { network: LAY.network }),
      'up',
    ],
    [
      'large-firm-led with the layered sharing rules (policy)',
      largeFirmLed,
      () => preset('large-firm-led', { policy: LAY.policy }),
      'up',
    ],
    [
      'layered with the large-firm-led network',
      layered,
      () => preset('layered', { network: LFL.network }),
      'down',
    ],
    [
      'layered with the large-firm-led sharing rules (policy, no buyer support or tech sharing)',
      layered,
      () => preset('layered', { policy: { ...LFL.policy, buyerSupport: 0, techSharing: 0 } }),
      'down',
    ],
  ];
  it.each(cases)('%s: deepest wage growth and SME investment move %s', (_n, base, variant, dir) => {
    const a = stats(base());
    const b = stats(variant());
    const sign = dir === 'up' ? 1 : -1;
    expect(
      sign * (b.deepestWageGrowth - a.deepestWageGrowth),
      `${a.deepestWageGrowth} -> ${b.deepestWageGrowth}`,
    ).toBeGreaterThan(0);
    expect(
      sign * (b.smeInvestment - a.smeInvestment),
      `${a.smeInvestment} -> ${b.smeInvestment}`,
    ).toBeGreaterThan(0);
  });

  it('each of network and policy alone closes most (> 50%) of the deepest-wage-growth gap', () => {
    const a = stats(largeFirmLed());
    const gap = stats(layered()).deepestWageGrowth - a.deepestWageGrowth;
    const net =
      stats(preset('large-firm-led', { network: LAY.network })).deepestWageGrowth -
      a.deepestWageGrowth;
    const pol =
      stats(preset('large-firm-led', { policy: LAY.policy })).deepestWageGrowth -
      a.deepestWageGrowth;
    expect(net / gap).toBeGreaterThan(0.5);
    expect(pol / gap).toBeGreaterThan(0.5);
  });

  it('the market (consumer value orientation) is not what produces the difference: it moves deepest wage growth by under a fifth of the gap', () => {
    const a = stats(largeFirmLed());
    const gap = stats(layered()).deepestWageGrowth - a.deepestWageGrowth;
    const mkt =
      stats(preset('large-firm-led', { market: LAY.market })).deepestWageGrowth -
      a.deepestWageGrowth;
    expect(Math.abs(mkt)).toBeLessThan(0.2 * gap);
  });

  it('the network works mainly through bargaining power from dependency: with power independent of dependency (betaMin = betaMax) less than half of the extra customers’ effect on the deepest tier’s margin remains', () => {
    const dependency = { network: { customersPerSupplier: 4, crossChain: 0.45, tierSkip: 0.1 } };
    const flat = { bargaining: { betaMin: 0.3, betaMax: 0.3 } };
    const withPower =
      stats(preset('large-firm-led', dependency)).deepestMargin -
      stats(largeFirmLed()).deepestMargin;
    const withoutPower =
      stats(preset('large-firm-led', mergeDeep(flat, dependency))).deepestMargin -
      stats(preset('large-firm-led', flat)).deepestMargin;
    expect(withPower).toBeGreaterThan(0.01);
    expect(Math.abs(withoutPower)).toBeLessThan(0.5 * withPower);
  });

  it('the policy works through the sharing rules in negotiation: with negotiation off, cost-down, pass-through and gain-share rules change nothing', () => {
    const off = { mechanisms: { negotiation: false } };
    const rules = { policy: { costDown: 0.01, passThroughFloor: 0.5, gainShareFloor: 0.5 } };
    const a = stats(preset('large-firm-led', off));
    const b = stats(preset('large-firm-led', mergeDeep(off, rules)));
    expect(b).toEqual(a);
  });
});
