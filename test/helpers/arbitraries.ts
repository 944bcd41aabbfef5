/**
 * fast-check arbitraries over the whole parameter space: every PARAMS entry
 * between its min and max (fast-check favours the bounds, so extremes are
 * covered), booleans, 2-6 tiers of 1-40 firms, 1-6 years and up to three
 * shocks and policy events. betaMin <= betaMax and marginMin <= marginMax are
 * kept by sorting; rounds per year are 1, 2 or 4.
 */
import fc from 'fast-check';
import {
  EVENT_LEVERS,
  PARAM_BY_PATH,
  PARAMS,
  SHOCK_VARIABLES,
  setPath,
  type PolicyEvent,
  type Scenario,
  type Shock,
} from '../../src/engine/index.ts';

const scalar = (p: (typeof PARAMS)[number]): fc.Arbitrary<number | boolean> => {
  if (p.kind === 'boolean') return fc.boolean();
  if (p.kind === 'integer') return fc.integer({ min: p.min, max: p.max });
  // `+ 0` turns -0 into 0; subnormal numbers (|x| < 1e-300) become 0, see
  // properties.test.ts for the separate test of what they do.
  return fc
    .double({ min: p.min, max: p.max, noNaN: true, noDefaultInfinity: true })
    .map((x) => (Math.abs(x) < 1e-300 ? 0 : x + 0));
};

export const shockArb: fc.Arbitrary<Shock> = fc.record({
  variable: fc.constantFrom(...SHOCK_VARIABLES),
  start: fc.integer({ min: 0, max: 6 }),
  duration: fc.constantFrom(0, 0.5, 1, 2, 3),
  size: fc
    .double({ min: -0.9, max: 3, noNaN: true })
    .map((x) => (Math.abs(x) < 1e-300 ? 0 : x + 0)),
});

/** A policy event: a lever of the timeline set to a value within its range. */
export const eventArb: fc.Arbitrary<PolicyEvent> = fc
  .record({
    start: fc.constantFrom(0, 0.25, 1, 1.75, 3),
    lever: fc.constantFrom(...EVENT_LEVERS),
    u: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ start, lever, u }) => {
    const p = PARAM_BY_PATH.get(`policy.${lever}`)!;
    const value = p.kind === 'boolean' ? (u < 0.5 ? 0 : 1) : p.min + u * (p.max - p.min);
    return { start, lever, value };
  });

export interface ArbOptions {
  maxFirms?: number;
  maxYears?: number;
  maxBurnIn?: number;
}

export function scenarioArb(opts: ArbOptions = {}): fc.Arbitrary<Scenario> {
  const { maxFirms = 40, maxYears = 6, maxBurnIn = 20 } = opts;
  const rec: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of PARAMS) rec[p.path] = scalar(p);
  rec.years = fc.integer({ min: 1, max: maxYears });
  rec['simulation.burnInYears'] = fc.integer({ min: 0, max: maxBurnIn });
  rec['simulation.roundsPerYear'] = fc.constantFrom(1, 2, 4);
  return fc
    .record({
      scalars: fc.record(rec),
      firms: fc.array(fc.integer({ min: 1, max: maxFirms }), { minLength: 2, maxLength: 6 }),
      shocks: fc.array(shockArb, { maxLength: 3 }),
      policyEvents: fc.array(eventArb, { maxLength: 3 }),
    })
    .map(({ scalars, firms, shocks, policyEvents }) => {
      const s: Record<string, unknown> = {};
      for (const [path, value] of Object.entries(scalars)) setPath(s, path, value);
      const sc = s as unknown as Scenario;
      const b = sc.bargaining;
      [b.betaMin, b.betaMax] = [Math.min(b.betaMin, b.betaMax), Math.max(b.betaMin, b.betaMax)];
      [b.marginMin, b.marginMax] = [
        Math.min(b.marginMin, b.marginMax),
        Math.max(b.marginMin, b.marginMax),
      ];
      sc.network.firmsPerTier = firms;
      sc.shocks = shocks;
      sc.policyEvents = policyEvents;
      return sc;
    });
}
