/**
 * Direction of every key lever: the table below is the documented effect of
 * each lever (docs may cite this file). Each row runs the default scenario
 * (20 years, 3/18/90/360 firms) with the lever at a low and a high value,
 * for seeds 1-7, and compares the medians over seeds of one outcome at the
 * horizon. "up" means the outcome is higher with the high value.
 *
 * Figures measured when the test was written (engine at commit 684189d,
 * median over seeds 1-7, low -> high):
 *   passThroughFloor 0 -> 1      deepest wage 736 -> 791 (¥10k/yr)
 *   costDown 0 -> 0.1            deepest wage 790 -> 578
 *   gainShareFloor 0 -> 1        deepest investment rate 0.080 -> 0.083 (deepest productivity 1.164 -> 1.150: down)
 *   buyerSupport 0 -> 0.2        SME investment rate 0.094 -> 0.133
 *   subsidy 0 -> 0.5             SME investment rate 0.094 -> 0.166
 *   techSharing 0 -> 1           deepest productivity 1.164 -> 1.275
 *   belowCostBan off -> on       deepest margin 0.0474 -> 0.0491
 *   customersPerSupplier 1 -> 5  deepest margin 0.026 -> 0.054
 *   valueOrientation 0 -> 1      final demand index 1.326 -> 1.354; value added 5.026e5 -> 5.045e5
 *   minimumWageGrowth 0 -> 0.1   deepest wage 657 -> 1468
 *   energy +100% in year 2       external cost-ups 4.45e4 -> 5.07e4; final price 1.166 -> 1.221
 *   laborForceGrowth +1% -> -3%  employment 46.6k -> 23.6k; deepest wage 645 -> 803
 */
import { describe, expect, it } from 'vitest';
import type { SimResult } from '../../src/engine/index.ts';
import { deepest, last, medianOverSeeds, scenario, total } from '../helpers/engine.ts';

type Outcome = [label: string, stat: (r: SimResult) => number];

const deepestWage: Outcome = [
  'deepest-tier wage at the horizon',
  (r) => last(r.series.wage[deepest(r)]),
];
const deepestMargin: Outcome = [
  'deepest-tier operating margin in the last year',
  (r) => r.summary.profitMargin[deepest(r)] ?? NaN,
];
const deepestInvestment: Outcome = [
  'deepest-tier investment rate',
  (r) => r.summary.investmentRate[deepest(r)],
];
const smeInvestment: Outcome = [
  'SME (tier 2+) investment rate',
  (r) => r.summary.smeInvestmentRate,
];

interface Row {
  lever: string;
  low: unknown;
  high: unknown;
  outcome: Outcome;
  direction: 'up' | 'down';
}

const ENERGY_SHOCK = { shocks: [{ variable: 'energy', start: 2, duration: 1, size: 1 }] };

export const LEVER_DIRECTIONS: Row[] = [
  {
    lever: 'policy.passThroughFloor',
    low: { policy: { passThroughFloor: 0 } },
    high: { policy: { passThroughFloor: 1 } },
    outcome: deepestWage,
    direction: 'up',
  },
  {
    lever: 'policy.costDown',
    low: { policy: { costDown: 0 } },
    high: { policy: { costDown: 0.1 } },
    outcome: deepestWage,
    direction: 'down',
  },
  {
    lever: 'policy.gainShareFloor',
    low: { policy: { gainShareFloor: 0 } },
    high: { policy: { gainShareFloor: 1 } },
    outcome: deepestInvestment,
    direction: 'up',
  },
  {
    lever: 'policy.buyerSupport',
    low: { policy: { buyerSupport: 0 } },
    high: { policy: { buyerSupport: 0.2 } },
    outcome: smeInvestment,
    direction: 'up',
  },
  {
    lever: 'policy.subsidy',
    low: { policy: { subsidy: 0 } },
    high: { policy: { subsidy: 0.5 } },
    outcome: smeInvestment,
    direction: 'up',
  },
  {
    lever: 'policy.techSharing',
    low: { policy: { techSharing: 0 } },
    high: { policy: { techSharing: 1 } },
    outcome: [
      'deepest-tier productivity at the horizon',
      (r) => last(r.series.productivity[deepest(r)]),
    ],
    direction: 'up',
  },
  {
    lever: 'policy.belowCostBan',
    low: { policy: { belowCostBan: false } },
    high: { policy: { belowCostBan: true } },
    outcome: deepestMargin,
    direction: 'up',
  },
  {
    lever: 'network.customersPerSupplier',
    low: { network: { customersPerSupplier: 1 } },
    high: { network: { customersPerSupplier: 5 } },
    outcome: deepestMargin,
    direction: 'up',
  },
  {
    lever: 'market.valueOrientation',
    low: { market: { valueOrientation: 0 } },
    high: { market: { valueOrientation: 1 } },
    outcome: ['final demand (index) at the horizon', (r) => last(r.economy.realDemand)],
    direction: 'up',
  },
  {
    // The issue expects value orientation to raise value added too, not only demand.
    lever: 'market.valueOrientation',
    low: { market: { valueOrientation: 0 } },
    high: { market: { valueOrientation: 1 } },
    outcome: ['total value added in the last year', (r) => r.summary.totalValueAdded],
    direction: 'up',
  },
  {
    lever: 'labor.minimumWageGrowth',
    low: { labor: { minimumWageGrowth: 0 } },
    high: { labor: { minimumWageGrowth: 0.1 } },
    outcome: deepestWage,
    direction: 'up',
  },
  {
    lever: 'energy shock (+100% in year 2)',
    low: {},
    high: ENERGY_SHOCK,
    outcome: ['external cost-ups over the period', (r) => total(r.economy.externalCostUp)],
    direction: 'up',
  },
  {
    lever: 'energy shock (+100% in year 2)',
    low: {},
    high: ENERGY_SHOCK,
    outcome: ['final-goods price at the horizon', (r) => last(r.economy.finalPrice)],
    direction: 'up',
  },
  {
    lever: 'labor.laborForceGrowth (decline: +1%/yr -> -3%/yr)',
    low: { labor: { laborForceGrowth: 0.01 } },
    high: { labor: { laborForceGrowth: -0.03 } },
    outcome: ['employment at the horizon', (r) => last(r.economy.employment)],
    direction: 'down',
  },
  {
    // A shrinking labour force tightens the labour market: fewer idle workers per firm, so
    // value added per worker and the affordable wage are higher at the deepest tier.
    lever: 'labor.laborForceGrowth (decline: +1%/yr -> -3%/yr)',
    low: { labor: { laborForceGrowth: 0.01 } },
    high: { labor: { laborForceGrowth: -0.03 } },
    outcome: deepestWage,
    direction: 'up',
  },
];

describe('each lever moves results in its documented direction (median over seeds 1-7, default scenario)', () => {
  it.each(LEVER_DIRECTIONS.map((row) => [row.lever, row.outcome[0], row.direction, row] as const))(
    '%s: %s goes %s',
    (_lever, _label, direction, row) => {
      const stat = row.outcome[1];
      const lo = medianOverSeeds(scenario(row.low), stat);
      const hi = medianOverSeeds(scenario(row.high), stat);
      expect(Number.isFinite(lo) && Number.isFinite(hi), `${lo} -> ${hi}`).toBe(true);
      if (direction === 'up') expect(hi, `low ${lo} -> high ${hi}`).toBeGreaterThan(lo);
      else expect(hi, `low ${lo} -> high ${hi}`).toBeLessThan(lo);
    },
  );
});
