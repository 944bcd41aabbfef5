/**
 * The starting state (docs/model.md section 2): tier constants, firms sized
 * from the base flows through the network, prices bottom-up at cost plus the
 * margin bargained on the starting dependency, and the balance sheets that
 * the reported period starts from (startReporting).
 */
import { computeCosts } from './costs.ts';
import {
  bargainedMargin,
  bargainingPower,
  clamp,
  depth,
  resetYearSums,
  type Model,
} from './state.ts';
import { updateAppeal } from './labour.ts';
import { outsideMargin } from './negotiation.ts';

/** Tier constants: labour cost, productivity, capital per worker, uniqueness, materials intensity. */
function tierConstants(m: Model): void {
  const { sc, tiers } = m;
  const f = sc.firms;
  const T = tiers - 1;
  let wsum = 0;
  for (let k = 0; k < tiers; k++) wsum += k + 1;
  for (let k = 0; k < tiers; k++) {
    const z = depth(k, tiers);
    m.tierW0[k] = f.wageTop * Math.pow(f.wageRatioDeepest, z);
    m.tierA0[k] = m.tierW0[k] / (4 * f.laborCostShare);
    m.tierKL0[k] = f.capitalPerWorkerTop * Math.pow(f.capitalRatioDeepest, z);
    const zu = T > 1 ? (k - 1) / (T - 1) : 0;
    const b = sc.bargaining;
    m.tierU0[k] = k === 0 ? 1 : b.uniquenessTop + (b.uniquenessDeepest - b.uniquenessTop) * zu;
    // Materials along the chain: tier k buys a share proportional to k + 1.
    m.matInt[k] = (sc.costs.materialsIntensity * (k + 1)) / wsum;
  }
}

/** Per firm: productivity, labour cost, uniqueness, outside sales share and declaration draw. */
function firmDraws(m: Model): void {
  const { sc, nFirms, rng } = m;
  const { tierOf } = m.net;
  for (let i = 0; i < nFirms; i++) {
    const k = tierOf[i];
    m.A[i] = m.tierA0[k] * Math.exp(0.05 * rng.normal());
    // Nobody starts below the minimum wage.
    m.w[i] = Math.max(m.tierW0[k], sc.labor.minimumWage);
    m.u[i] = clamp(m.tierU0[k] + 0.05 * rng.normal(), 0, 1);
    // Outside sales: uniform from 0 to twice the tier's mean, which falls with depth.
    const mean = k === 0 ? 0 : sc.network.directSales * (1.2 - 0.4 * depth(k, m.tiers));
    m.outShare[i] = Math.min(0.9, 2 * mean * rng.next());
    m.declU[i] = rng.next();
  }
}

/** Base flows: final demand split evenly across tier 0, orders down the links; sizes from them. */
function baseFlows(m: Model): Float64Array {
  const { sc, net, tiers, nFirms, nLinks } = m;
  const { tierStart, linkStart, tierOf } = net;
  const { sup, buy, weight, wSum } = m;
  const f = sc.firms;
  const n0 = sc.network.firmsPerTier[0];
  m.D0 = n0 * f.employeesTop * m.tierA0[0] * m.util;
  const base = m.x;
  base.fill(0);
  const acc = m.orders;
  acc.fill(0);
  wSum.fill(0);
  for (let l = 0; l < nLinks; l++) wSum[buy[l]] += weight[l];
  for (let k = 0; k < tiers; k++) {
    for (let i = tierStart[k], iEnd = tierStart[k + 1]; i < iEnd; i++) {
      base[i] = k === 0 ? m.D0 / n0 : acc[i] / (1 - m.outShare[i]);
      if (k > 0) m.directBase[i] = base[i] * m.outShare[i];
    }
    for (let l = linkStart[k], lEnd = linkStart[k + 1]; l < lEnd; l++) {
      acc[sup[l]] += (base[buy[l]] * weight[l]) / wSum[buy[l]];
    }
  }
  for (let i = 0; i < nFirms; i++) {
    const k = tierOf[i];
    let L = k === 0 ? f.employeesTop : base[i] / (m.A[i] * m.util);
    // Firms with no orders at all still start with a minimal workforce.
    if (!(L > 1)) L = Math.max(1, L);
    m.L[i] = L;
    m.baseL[i] = L;
    m.K[i] = m.tierKL0[k] * L;
    m.Aref[i] = m.A[i];
    m.Aprev[i] = m.A[i];
    m.wPrev[i] = m.w[i];
    m.qualityW[i] = base[i];
  }
  for (let l = 0; l < nLinks; l++) {
    m.outDeg[sup[l]]++;
    m.inDeg[buy[l]]++;
  }
  return base;
}

/** Sets a link's claims basis to its supplier's current unit costs by item. */
export function setBasis(m: Model, l: number): void {
  const s = m.sup[l];
  m.bMat[l] = m.mat[s];
  m.bEn[l] = m.en[s];
  m.bOth[l] = m.oth[s];
  m.bParts[l] = m.parts[s];
  m.bW[l] = m.w[s];
  m.bA[l] = m.A[s];
}

/** Sets the round basis (pass-through measurement) of the live firms in [from, to) to their current unit costs by item. */
export function setRoundBases(m: Model, from: number, to: number): void {
  const { alive, mat, en, oth, parts, w, A, rMat, rEn, rOth, rParts, rW, rA } = m;
  for (let i = from; i < to; i++) {
    if (!alive[i]) continue;
    rMat[i] = mat[i];
    rEn[i] = en[i];
    rOth[i] = oth[i];
    rParts[i] = parts[i];
    rW[i] = w[i];
    rA[i] = A[i];
  }
}

/** Prices bottom-up: each link at its supplier's cost plus the margin bargained on the starting dependency. */
function startingPrices(m: Model, base: Float64Array): void {
  const { sc, net, tiers } = m;
  const { tierStart, linkStart, skipStart } = net;
  const { sup, buy, weight, wSum, price, inputSum } = m;
  const T = tiers - 1;
  for (let k = T; k >= 0; k--) {
    for (let i = tierStart[k], iEnd = tierStart[k + 1]; i < iEnd; i++) inputSum[i] = 0;
    for (let l = linkStart[k], lEnd = linkStart[k + 1]; l < lEnd; l++)
      inputSum[buy[l]] += weight[l] * price[l];
    computeCosts(m, k, k + 1, 1, 1, 1, true);
    if (k === 0) continue;
    // The links from tier k: to tier k - 1, and those that skip to tier k - 2.
    for (let r = 0; r < 2; r++) {
      if (r === 1 && k < 2) break;
      const l0 = r === 0 ? linkStart[k - 1] : skipStart[k - 2];
      const l1 = r === 0 ? skipStart[k - 1] : linkStart[k - 1];
      for (let l = l0; l < l1; l++) {
        const s = sup[l];
        const flow = (base[buy[l]] * weight[l]) / wSum[buy[l]];
        const D = base[s] > 0 ? clamp(flow / base[s], 0, 1) : 1;
        const beta = bargainingPower(sc, D, m.u[s]);
        price[l] = m.unitCost[s] * (1 + bargainedMargin(sc, beta));
        setBasis(m, l);
      }
    }
    let cs = 0;
    for (let i = tierStart[k], iEnd = tierStart[k + 1]; i < iEnd; i++) cs += m.unitCost[i];
    m.spotBase[k] = (cs / (tierStart[k + 1] - tierStart[k])) * (1 + sc.bargaining.marginMax);
  }
  for (let i = 0; i < m.nFirms; i++) {
    m.directPrice[i] = m.unitCost[i] * (1 + outsideMargin(sc, m.u[i]));
    m.finalPrice[i] = m.unitCost[i] * (1 + sc.market.finalMarkup);
  }
  setRoundBases(m, 0, m.nFirms);
  m.pricePrev.set(price);
  m.directPricePrev.set(m.directPrice);
  m.finalPricePrev.set(m.finalPrice);
  m.finalPriceRound.set(m.finalPrice);
  m.finalPrice0.set(m.finalPrice);
}

export function initialise(m: Model): void {
  tierConstants(m);
  firmDraws(m);
  const base = baseFlows(m);
  startingPrices(m, base);
  let Ltot = 0;
  for (let i = 0; i < m.nFirms; i++) Ltot += m.L[i];
  m.laborForce0 = Ltot / (1 - m.sc.labor.initialUnemployment);
  m.pool = m.laborForce0;
  m.linksChanged = true;
}

/**
 * Ends the burn-in: fixes the base of every index, the workers' wage norms,
 * and each firm's balance sheet: receivables and payables at the payment
 * terms, and equity such that cash starts at half a quarter's sales.
 */
export function startReporting(m: Model): void {
  const { nFirms, tiers } = m;
  m.P0 = m.econ.finalPrice > 0 ? m.econ.finalPrice : 1;
  m.directPrice0.set(m.directPrice);
  for (let i = 0; i < nFirms; i++) if (!(m.directPrice0[i] > 0)) m.directPrice0[i] = 1;
  m.A0.set(m.A);
  const days = m.pol.paymentDays / 91;
  for (let i = 0; i < nFirms; i++) {
    m.AR[i] = m.linkSales[i] * days;
    m.AP[i] = m.purchases[i] * days;
    m.E[i] = m.K[i] + m.AR[i] - m.AP[i] + 0.5 * m.revenue[i];
    m.cash[i] = 0.5 * m.revenue[i];
    m.distress[i] = 0;
  }
  resetYearSums(m);
  let wl = 0;
  let ls = 0;
  const tw = new Float64Array(tiers);
  const tl = new Float64Array(tiers);
  for (let i = 0; i < nFirms; i++) {
    const k = m.net.tierOf[i];
    tw[k] += m.w[i] * m.L[i];
    tl[k] += m.L[i];
    wl += m.w[i] * m.L[i];
    ls += m.L[i];
  }
  for (let k = 0; k < tiers; k++)
    m.wageNorm[k] = tl[k] > 0 && wl > 0 ? tw[k] / tl[k] / (wl / ls) : 1;
  updateAppeal(m);
  m.directFactor.fill(1);
  m.scarcity = 0;
  m.capUnmet = 0;
}
