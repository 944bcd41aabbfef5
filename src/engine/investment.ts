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
    // The subsidy lowers the firm's cost of investing; cheaper equipment raises the productivity
    // each yen buys (efficiency), not the return the firm needs.
    rule.value[k] = annuity(rate, f.investHorizon) / ref / (1 - subsidy);
    rule.efficiency[k] = 1 / equip;
  }
}

/** A firm's expected-margin factor from last year's revenue and operating profit: 0 at a margin of -5% or less, 1 at +5% or more. */
function marginFactor(rev: number, op: number): number {
  const margin = rev > 0 ? op / rev : 0;
  return clamp((margin + 0.05) / 0.1, 0, 1);
}

/**
 * Investment of a firm this quarter from its own funds: its desired rate
 * (`rate`, before the margin factor; set at rounds) times the margin factor of
 * last year's revenue and operating profit, times value added, limited by cash
 * plus the unused credit line (`funds`).
 */
export function desiredInvestment(
  rate: number,
  rev: number,
  op: number,
  va: number,
  funds: number,
): number {
  if (!(va > 0)) return 0;
  const want = Math.min(0.6, rate * marginFactor(rev, op)) * va;
  return Math.max(0, Math.min(want, funds));
}

/** The desired investment rate of firm i of tier k before the margin factor: base x (kept share x value)^eta. */
export function investRateOf(m: Model, rule: InvestRule, i: number, k: number): number {
  return rateOfKept(rule.base, rule.eta, m.keep[i] * rule.value[k]);
}

/** investRateOf() on the kept share times the tier's value (q). */
function rateOfKept(base: number, eta: number, q: number): number {
  return q > 0 ? base * Math.pow(q, eta) : 0;
}

/**
 * Productivity growth of tier k's live firms this quarter (yearly rates / 4):
 * investment intensity (in equipment bought) times the return, partner
 * spill-over, and noise (a sum of four uniforms: near-normal with the yearly
 * sd); then the lagged productivity of re-quotes and the uniqueness drift.
 */
export function growTier(m: Model, k: number, rule: InvestRule): void {
  const { alive, va, invest, A, Aref, u, spill } = m;
  const fi = m.sc.firms;
  const noise = (fi.productivityNoise / 2) * Math.sqrt(3);
  const lagRate = 1 / (4 * m.sc.bargaining.gainShareYears);
  const uDrift = fi.uniquenessDrift / 4;
  const theta = fi.productivityReturn * (k > 0 ? 1 + m.pol.techSharing : 1);
  const eff = rule.efficiency[k];
  const st = m.rng.s;
  let s0 = st[0];
  let s1 = st[1];
  let s2 = st[2];
  let s3 = st[3];
  for (let i = m.net.tierStart[k], iEnd = m.net.tierStart[k + 1]; i < iEnd; i++) {
    if (!alive[i]) continue;
    const v = va[i];
    const intensity = v > 0 ? clamp(invest[i] / v, 0, 1) : 0;
    let shock = 0;
    if (noise > 0) {
      let sum = 0;
      for (let d = 0; d < 4; d++) {
        // rng.next() on the generator's state in locals (sfc32, as rng.ts).
        const t = (((s0 + s1) | 0) + s3) | 0;
        s3 = (s3 + 1) | 0;
        s0 = s1 ^ (s1 >>> 9);
        s1 = (s2 + (s2 << 3)) | 0;
        s2 = (((s2 << 21) | (s2 >>> 11)) + t) | 0;
        sum += (t >>> 0) / 4294967296;
      }
      shock = noise * (sum - 2);
    }
    // Diminishing returns to the equipment bought per unit of value added.
    const x = intensity * eff;
    const aNew = A[i] * (1 + ((theta * (x / (1 + x)) + spill[i]) / 4 + shock));
    A[i] = aNew;
    Aref[i] += (aNew - Aref[i]) * lagRate;
    if (k > 0) u[i] = clamp(u[i] + uDrift * (intensity - 0.1), 0, 1);
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = s3;
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
  const { alive, nFirms, investRate, keep } = m;
  const { tierOf } = m.net;
  const { base, eta, value } = rule;
  for (let i = 0; i < nFirms; i++)
    if (alive[i]) investRate[i] = rateOfKept(base, eta, keep[i] * value[tierOf[i]]);
}
