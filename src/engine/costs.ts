/**
 * Unit costs by item (docs/model.md section 5): materials, energy and other
 * purchases at every tier, purchased parts at their agreed link prices (or on
 * the spot market), labour and depreciation per unit at normal utilisation.
 */
import type { Model } from './state.ts';

/**
 * Input price of each buyer: the weighted sum of the prices on its links to
 * live suppliers (computeCosts divides by the weights). The sums only change
 * with link prices (rounds), exits, re-sourcing and entry.
 */
export function computeInputPrices(m: Model): void {
  if (!m.linksChanged) return;
  m.linksChanged = false;
  const { sup, buy, alive, nLinks, inputSum, wSum, weight, price } = m;
  inputSum.fill(0);
  wSum.fill(0);
  for (let l = 0; l < nLinks; l++) {
    if (!alive[sup[l]]) continue;
    const b = buy[l];
    inputSum[b] += weight[l] * price[l];
    wSum[b] += weight[l];
  }
}

/** Spot price of tier-k inputs for a buyer without a live supplier: base cost plus margin, at the general price level, with the tier's shortage. */
export function spotPrice(m: Model, k: number, po: number): number {
  return m.spotBase[k] * po * (1 + m.tierShort[k]);
}

/**
 * Unit costs of firms in tiers [fromTier, toTier) at price indices pe (energy),
 * pm (materials) and po (other purchases): every item per unit, their sum
 * (unitCost) and the same at the reference productivity (lagCost, for re-quotes
 * under gain sharing). `divide`: input prices are the sums of
 * computeInputPrices() divided by the weights (else inputPrice is already set).
 */
export function computeCosts(
  m: Model,
  fromTier: number,
  toTier: number,
  pe: number,
  pm: number,
  po: number,
  divide: boolean,
): void {
  const T = m.tiers - 1;
  const { tierOf, tierStart } = m.net;
  const { wSum, inputSum, w, K, L, A, Aref, mat, en, oth, parts, labU, capU } = m;
  const { unitCost, lagCost, matInt } = m;
  const eU = m.sc.costs.energyIntensity * pe;
  const oU = m.sc.costs.otherIntensity * po;
  const dq = m.deltaQ;
  const util = m.util;
  for (let i = tierStart[fromTier], iEnd = tierStart[toTier]; i < iEnd; i++) {
    const k = tierOf[i];
    let p = parts[i];
    if (k === T) p = 0;
    else if (divide) p = wSum[i] > 0 ? inputSum[i] / wSum[i] : spotPrice(m, k + 1, po);
    parts[i] = p;
    const mi = matInt[k] * pm;
    mat[i] = mi;
    en[i] = eU;
    oth[i] = oU;
    const perWorker = w[i] / 4 + (dq * K[i]) / Math.max(L[i], 1e-9);
    const lab = w[i] / (4 * A[i] * util);
    labU[i] = lab;
    capU[i] = perWorker / (A[i] * util) - lab;
    const bought = mi + eU + oU + p;
    unitCost[i] = bought + perWorker / (A[i] * util);
    lagCost[i] = bought + perWorker / (Aref[i] * util);
  }
}
