/**
 * Investment with the hold-up problem, and productivity (docs/model.md
 * section 10): a firm invests a share of its value added that rises with the
 * return it expects to keep (its kept share of savings, expected margin,
 * horizon and cost of capital), limited by cash and credit; buyer support, a
 * subsidy and cheaper equipment act through the same formula.
 */
import { annuity } from './negotiation.ts';
import { clamp, isSmallTier, type Model } from './state.ts';

/** Per-tier constants of the investment rule, computed once per quarter. */
export interface InvestRule {
  base: number; // investment rate of a firm that keeps its gains at the large firms' cost of capital
  eta: number;
  /** Per tier: relative present value of savings (cost of capital and horizon) over the equipment cost. */
  value: Float64Array;
  /** Per tier: productivity gained per yen invested, relative (1 / equipment cost). */
  efficiency: Float64Array;
}

export function investRule(m: Model, rule: InvestRule): void {
  const f = m.sc.firms;
  const pol = m.pol;
  rule.base = f.investmentBase;
  rule.eta = f.investmentElasticity;
  const ref = annuity(f.costOfCapital + f.creditRateLarge, f.investHorizon);
  for (let k = 0; k < m.tiers; k++) {
    const small = isSmallTier(k, m.tiers);
    const rate = f.costOfCapital + (k <= 1 && !small ? f.creditRateLarge : f.creditRateSmall);
    const equip = small ? pol.equipmentCost : 1;
    const subsidy = small ? pol.subsidy : 0;
    rule.value[k] = annuity(rate, f.investHorizon) / ref / (equip * (1 - subsidy));
    rule.efficiency[k] = 1 / equip;
  }
}

/** A firm's expected-margin factor: 0 at a margin of -5% or less, 1 at +5% or more (last year's). */
function marginFactor(m: Model, i: number): number {
  const rev = m.rev4[i];
  const margin = rev > 0 ? m.op4[i] / rev : 0;
  return clamp((margin + 0.05) / 0.1, 0, 1);
}

/**
 * Investment of firm i this quarter from its own funds: the desired rate times
 * value added, limited by cash plus the unused credit line (`funds`).
 */
export function desiredInvestment(m: Model, i: number, va: number, funds: number): number {
  if (!(va > 0)) return 0;
  // The desired rate without the margin factor is set at rounds (investRate).
  const want = Math.min(0.6, m.investRate[i] * marginFactor(m, i)) * va;
  return Math.max(0, Math.min(want, funds));
}

/** The desired investment rate of firm i of tier k before the margin factor: base x (kept share x value)^eta. */
export function investRateOf(m: Model, rule: InvestRule, i: number, k: number): number {
  const q = m.keep[i] * rule.value[k];
  return q > 0 ? rule.base * Math.pow(q, rule.eta) : 0;
}

/**
 * Productivity growth of firm i this quarter (yearly rates / 4): investment
 * intensity (in equipment bought) times the return, partner spill-over, and
 * noise (a sum of four uniforms: near-normal with the yearly sd).
 */
export function productivityGrowth(
  m: Model,
  i: number,
  k: number,
  intensity: number,
  rule: InvestRule,
  noise: number,
): number {
  const f = m.sc.firms;
  const theta = f.productivityReturn * (k > 0 ? 1 + m.pol.techSharing : 1) * rule.efficiency[k];
  let shock = 0;
  if (noise > 0) {
    const rng = m.rng;
    shock = noise * (rng.next() + rng.next() + rng.next() + rng.next() - 2);
  }
  return (theta * intensity + m.spill[i]) / 4 + shock;
}

/** Math.log(1 + n) for small whole n (partner counts). */
const LOG1P = Float64Array.from({ length: 256 }, (_, n) => Math.log(1 + n));

/** Yearly productivity growth from partner spill-over, by number of distinct partners. */
export function updateSpillover(m: Model): void {
  if (!m.degreesChanged) return;
  m.degreesChanged = false;
  const { inDeg, outDeg, directBase, spill, nFirms } = m;
  const psi = m.sc.firms.partnerSpillover;
  for (let i = 0; i < nFirms; i++) {
    const partners = inDeg[i] + outDeg[i] + (directBase[i] > 0 ? 1 : 0);
    spill[i] = psi * (partners < 256 ? LOG1P[partners] : Math.log(1 + partners));
  }
}

/** Every live firm's desired investment rate before the margin factor (after rounds and policy changes). */
export function updateInvestRates(m: Model, rule: InvestRule): void {
  const { alive, nFirms, investRate } = m;
  const { tierOf } = m.net;
  for (let i = 0; i < nFirms; i++)
    if (alive[i]) investRate[i] = investRateOf(m, rule, i, tierOf[i]);
}
