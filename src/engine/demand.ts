/**
 * Final demand and the prices of final goods (docs/model.md sections 7 and 8):
 * demand responds to the real final price and to the chain's quality; tier 0
 * prices at a markup on unit cost plus a scarcity markup that rises while the
 * chain cannot meet demand, so that prices clear the market.
 */
import { clamp, type Model } from './state.ts';

/** Quality index of the chain: output-weighted mean productivity relative to the start. */
function qualityIndex(m: Model): number {
  let s = 0;
  let ws = 0;
  const { alive, qualityW, A, A0 } = m;
  for (let i = 0; i < m.nFirms; i++) {
    if (!alive[i]) continue;
    s += (qualityW[i] * A[i]) / A0[i];
    ws += qualityW[i];
  }
  return ws > 0 ? s / ws : 1;
}

/**
 * Tier 0's scarcity markup: S = 0.75 S + zeta u, where u is last quarter's
 * share of final demand beyond tier 0's own capacity. Demand lost because its
 * suppliers could not deliver does not raise it: that demand goes to
 * competitors and imports (lost sales), not into a higher price.
 */
export function updateScarcity(m: Model, frozen: boolean): void {
  if (frozen || !m.sc.mechanisms.scarcity) {
    m.scarcity = 0;
    return;
  }
  const u = m.capUnmet; // last quarter's (produce() sets it after this)
  const z = m.sc.bargaining.scarcityPremium;
  m.scarcity = clamp(0.75 * m.scarcity + z * u, 0, 0.5);
}

/**
 * Tier 0 moves its price each quarter toward its target: cost plus markup,
 * blended with the market price (its starting price at the general price
 * level `cpi`) by the market anchor, times the scarcity markup.
 * Value-oriented consumers accept a new price faster.
 */
export function setFinalPrices(m: Model, cpi: number): void {
  const mk = m.sc.market;
  const speed = mk.finalPriceSpeed + (1 - mk.finalPriceSpeed) * mk.valueOrientation;
  const up = 1 + m.scarcity;
  const anchor = mk.priceAnchor;
  const t0end = m.net.tierStart[1];
  for (let i = 0; i < t0end; i++) {
    if (!m.alive[i]) continue;
    const own = m.unitCost[i] * (1 + mk.finalMarkup);
    const target = ((1 - anchor) * own + anchor * m.finalPrice0[i] * cpi) * up;
    m.finalPrice[i] += speed * (target - m.finalPrice[i]);
  }
}

/** Final demand for tier 0 (units per quarter), at the output-weighted tier-0 price. */
export function setDemand(m: Model, t: number, frozen: boolean): number {
  const sc = m.sc;
  const mk = sc.market;
  const v = mk.valueOrientation;
  const eps = mk.priceElasticity;
  const kappa = mk.qualityElasticity * v;
  const level = frozen ? 1 : m.paths.demand[t];
  const cpi = frozen ? 1 : m.paths.cpi[t];
  const on = sc.mechanisms.valueDemand && !frozen;
  let pq = 0;
  let qs = 0;
  const t0end = m.net.tierStart[1];
  for (let i = 0; i < t0end; i++) {
    if (!m.alive[i]) continue;
    const cap = m.A[i] * m.L[i];
    pq += m.finalPrice[i] * cap;
    qs += cap;
  }
  const P = qs > 0 ? pq / qs : m.econ.finalPrice;
  let D = m.D0 * level;
  if (on) D *= Math.pow(P / m.P0 / cpi, -eps) * Math.pow(qualityIndex(m), kappa);
  m.econ.finalPrice = P;
  return D;
}

/** The common factor of outside demand: the trend and, with value-oriented demand, the general price level. */
export function directLevel(m: Model, t: number, frozen: boolean): number {
  const sc = m.sc;
  const mk = sc.market;
  const eps = mk.priceElasticity;
  const level = frozen ? 1 : m.paths.demand[t];
  const cpi = frozen ? 1 : m.paths.cpi[t];
  return sc.mechanisms.valueDemand && !frozen ? level * Math.pow(cpi, eps) : level;
}
