/**
 * Production and orders (docs/model.md section 8): orders flow down the
 * tiers (with reallocation of what a supplier cannot accept), feasible output
 * flows up. The upward pass also books the link sales, purchases and cost-ups
 * (by item: each supplier's pass-on is split like its own cost-ups, section 9).
 */
import type { Model } from './state.ts';

/** Price changes of the quarter that the upward pass books as cost-ups. */
export interface QuarterPrices {
  round: boolean; // link prices moved (negotiation round)
  dMat: number; // change of the materials, energy and other-purchases indices
  dEn: number;
  dOth: number;
  /** Per tier k: spot price of tier-k inputs, now and last quarter. */
  spotNow: Float64Array;
  spotPrev: Float64Array;
}

/** Tier 0: final demand split by capacity; unfilled demand moves to firms with spare capacity. */
function tierZeroOrders(m: Model, demand: number): void {
  const { capacity, orders, planned, spare } = m;
  const t0end = m.net.tierStart[1];
  let capSum = 0;
  for (let i = 0; i < t0end; i++) capSum += capacity[i];
  let short = 0;
  let spareSum = 0;
  for (let i = 0; i < t0end; i++) {
    const c = capacity[i];
    const o = capSum > 0 ? (demand * c) / capSum : 0;
    const p = Math.min(o, c);
    orders[i] = o;
    planned[i] = p;
    spare[i] = c - p;
    short += o - p;
    spareSum += c - p;
  }
  let moved = 0;
  if (m.sc.mechanisms.reallocation && short > 0 && spareSum > 0) {
    moved = Math.min(short, spareSum);
    for (let i = 0; i < t0end; i++) planned[i] += (moved * spare[i]) / spareSum;
  }
  m.capUnmet = demand > 0 ? (short - moved) / demand : 0;
}

/** Tier k (k >= 1) accepts orders up to capacity; returns whether some live firm is short. */
function acceptOrders(m: Model, k: number): boolean {
  const { orders, capacity, planned, spare, acceptedShare, directSold, directDemand, alive } = m;
  const { tierStart } = m.net;
  let shortage = false;
  for (let i = tierStart[k], iEnd = tierStart[k + 1]; i < iEnd; i++) {
    const o = orders[i];
    const c = capacity[i];
    const p = o < c ? o : c;
    if (o > c && alive[i]) shortage = true;
    planned[i] = p;
    spare[i] = c - p;
    acceptedShare[i] = o > 0 ? p / o : 0;
    directSold[i] = directDemand[i] * acceptedShare[i];
  }
  return shortage;
}

/** Tier k's unfilled share of the orders it got, after reallocation. */
function tierShortage(m: Model, k: number): void {
  const { orders, planned, alive } = m;
  const { tierStart } = m.net;
  let ordered = 0;
  let accepted = 0;
  for (let i = tierStart[k], iEnd = tierStart[k + 1]; i < iEnd; i++) {
    ordered += orders[i];
    if (alive[i]) accepted += planned[i];
  }
  m.tierShort[k] = ordered > 0 ? Math.max(0, 1 - accepted / ordered) : 0;
}

/** Per buyer one tier up: the orders its tier-k suppliers could not accept, and their spare capacity. */
function shortfalls(m: Model, k: number): boolean {
  const { sup, buy, ord, acceptedShare, alive, spare, shortB, spareB } = m;
  const { tierStart, linkStart, skipStart } = m.net;
  shortB.fill(0, tierStart[k - 1], tierStart[k]);
  spareB.fill(0, tierStart[k - 1], tierStart[k]);
  let any = false;
  for (let l = linkStart[k - 1], lEnd = skipStart[k - 1]; l < lEnd; l++) {
    const s = sup[l];
    if (!alive[s]) continue;
    const o = ord[l];
    const gap = o - o * acceptedShare[s];
    const bb = buy[l];
    if (gap > 1e-12) {
      shortB[bb] += gap;
      any = true;
    }
    spareB[bb] += spare[s];
  }
  return any;
}

/**
 * Buyers one tier up move the orders that tier-k suppliers could not accept
 * to their other tier-k suppliers with spare capacity, in proportion to that
 * spare capacity; a supplier asked for more than it has grants pro rata.
 * Leaves each link's request in q and, per supplier, the share granted in
 * `request`: the upward pass adds the granted orders to the link's.
 */
function reallocate(m: Model, k: number): void {
  const { sup, buy, planned, spare, shortB, spareB, request, q } = m;
  const { linkStart, skipStart, tierStart } = m.net;
  request.fill(0, tierStart[k], tierStart[k + 1]);
  for (let l = linkStart[k - 1], lEnd = skipStart[k - 1]; l < lEnd; l++) {
    const bb = buy[l];
    const sb = shortB[bb];
    const pb = spareB[bb];
    let r = 0;
    if (sb > 0 && pb > 0) {
      const s = sup[l];
      r = ((sb < pb ? sb : pb) * spare[s]) / pb;
      request[s] += r;
    }
    q[l] = r;
  }
  for (let i = tierStart[k], iEnd = tierStart[k + 1]; i < iEnd; i++) {
    const r = request[i];
    if (r > 0) {
      const sp = spare[i];
      request[i] = Math.min(1, sp / r);
      const granted = r < sp ? r : sp;
      planned[i] += granted;
      spare[i] = sp - granted;
    }
  }
}

/** Tier k's planned output sets its orders to its suppliers, split by link weights. */
function placeOrders(m: Model, k: number): void {
  const { sup, buy, alive, wSum, planned, ord, orders, weight } = m;
  const { linkStart } = m.net;
  for (let l = linkStart[k], lEnd = linkStart[k + 1]; l < lEnd; l++) {
    const s = sup[l];
    const bb = buy[l];
    const ws = wSum[bb];
    if (!alive[s] || !(ws > 0)) {
      ord[l] = 0;
      continue;
    }
    const o = (planned[bb] * weight[l]) / ws;
    ord[l] = o;
    orders[s] += o;
  }
}

/**
 * Deliveries on the links into tier k, and the sales, purchases and cost-ups
 * they carry: a link's price change is a cost-up of its buyer and a pass-on
 * of its supplier, split by item as the supplier's own cost-ups.
 */
function deliver(m: Model, k: number, qp: QuarterPrices): void {
  const { sup, buy, ord, alloc, q, price, pricePrev, acceptedShare, deliveredShare, request } = m;
  const { recv, revenue, purchases, costUp, passed, cuItem, linkSales, topSale } = m;
  const { linkStart, skipStart, tierStart } = m.net;
  recv.fill(0, tierStart[k], tierStart[k + 1]);
  const lGranted = m.reallocated[k + 1] ? skipStart[k] : linkStart[k];
  for (let l = linkStart[k], lEnd = linkStart[k + 1]; l < lEnd; l++) {
    const s = sup[l];
    const bb = buy[l];
    let a = ord[l] * acceptedShare[s];
    alloc[l] = a;
    if (l < lGranted) {
      const r = q[l];
      if (r > 0) a += r * request[s];
    }
    const d = a * deliveredShare[s];
    q[l] = d;
    if (d === 0) continue;
    recv[bb] += d;
    const p = price[l];
    const v = d * p;
    revenue[s] += v;
    linkSales[s] += v;
    if (v > topSale[s]) topSale[s] = v; // the largest customer's sales (divided by revenue later)
    purchases[bb] += v;
    if (qp.round) {
      const dv = d * (p - pricePrev[l]);
      if (dv !== 0) {
        costUp[bb] += dv;
        passed[s] += dv;
        addShares(cuItem, s, cuItem, 5 * bb, dv);
      }
    }
  }
}

/** Adds dv to target[at..at+4] split as firm i's own positive cost-ups by item (else as a margin move). */
export function addShares(
  cuItem: Float64Array,
  i: number,
  target: Float64Array,
  at: number,
  dv: number,
): void {
  const f = 5 * i;
  let pos = 0;
  for (let j = 0; j < 4; j++) if (cuItem[f + j] > 0) pos += cuItem[f + j];
  if (pos > 0) {
    for (let j = 0; j < 4; j++) if (cuItem[f + j] > 0) target[at + j] += (dv * cuItem[f + j]) / pos;
  } else target[at + 4] += dv;
}

/** Output of tier k from its inputs, and its external cost-ups of the quarter by item. */
function makeOutput(m: Model, k: number, qp: QuarterPrices): void {
  const { alive, planned, wSum, recv, spot, x, deliveredShare, cuItem, costUp, L, w, wPrev } = m;
  const { tierStart } = m.net;
  const T = m.tiers - 1;
  const c = m.sc.costs;
  const dMat = m.matInt[k] * qp.dMat;
  const dEn = c.energyIntensity * qp.dEn;
  const dOth = c.otherIntensity * qp.dOth;
  const dSpot = k < T ? qp.spotNow[k + 1] - qp.spotPrev[k + 1] : 0;
  const spotSupply = m.sc.mechanisms.reallocation ? m.sc.market.spotSupply : 0;
  for (let i = tierStart[k], iEnd = tierStart[k + 1]; i < iEnd; i++) {
    const pl = planned[i];
    let xi: number;
    let sp = 0;
    if (!alive[i]) xi = 0;
    else if (k === T) xi = pl;
    else if (!(wSum[i] > 0)) {
      sp = pl;
      xi = pl;
    } else if (spotSupply > 0 && recv[i] < pl) {
      // A share of the parts its suppliers could not deliver is bought on the spot market.
      sp = spotSupply * (pl - recv[i]);
      xi = recv[i] + sp;
    } else xi = Math.min(pl, recv[i]);
    spot[i] = sp;
    x[i] = xi;
    deliveredShare[i] = pl > 0 ? xi / pl : 0;
    if (!alive[i]) continue;
    const f = 5 * i;
    const cm = dMat * xi;
    const ce = dEn * xi;
    const cl = ((w[i] - wPrev[i]) / 4) * L[i];
    wPrev[i] = w[i];
    const co = dOth * xi + dSpot * sp;
    cuItem[f] += cm;
    cuItem[f + 1] += ce;
    cuItem[f + 2] += cl;
    cuItem[f + 3] += co;
    costUp[i] += cm + ce + cl + co;
    const ext = m.econ.externalItem;
    ext[0] += cm;
    ext[1] += ce;
    ext[2] += cl;
    ext[3] += co;
  }
}

/**
 * Orders flow down the tiers, feasible output flows up. `direct` is the common
 * factor of outside demand (directLevel()); `valueOn` applies each supplier's
 * own demand factor.
 */
export function produce(
  m: Model,
  demand: number,
  qp: QuarterPrices,
  direct: number,
  valueOn: boolean,
): void {
  const { alive, tiers, nFirms, A, L, capacity, directDemand, directBase, directFactor } = m;
  const { orders, revenue, purchases, costUp, passed, cuItem, linkSales, topSale } = m;
  const t0end = m.net.tierStart[1];
  const T = tiers - 1;
  for (let i = 0; i < nFirms; i++) {
    const live = alive[i];
    capacity[i] = live ? A[i] * L[i] : 0;
    let dd = 0;
    if (i >= t0end && live) dd = directBase[i] * direct * (valueOn ? directFactor[i] : 1);
    directDemand[i] = dd;
    orders[i] = dd;
  }
  revenue.fill(0);
  purchases.fill(0);
  costUp.fill(0);
  passed.fill(0);
  cuItem.fill(0);
  linkSales.fill(0);
  topSale.fill(0);
  m.econ.externalItem.fill(0);
  m.reallocated.fill(0);
  tierZeroOrders(m, demand);
  const realloc = m.sc.mechanisms.reallocation;
  for (let k = 0; k < tiers; k++) {
    if (k >= 1 && acceptOrders(m, k) && realloc && shortfalls(m, k)) {
      reallocate(m, k);
      m.reallocated[k] = 1;
    }
    if (k >= 1) tierShortage(m, k);
    if (k < T) placeOrders(m, k);
  }
  for (let k = T; k >= 0; k--) {
    if (k < T) deliver(m, k, qp);
    makeOutput(m, k, qp);
  }
}
