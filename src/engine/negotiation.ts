/**
 * Price negotiation, second design (docs/model.md section 6): a link's price
 * is a contract that changes only by events at a round. A supplier with a
 * material claim asks (once per supplier and round) with a probability that
 * falls with its dependency and rises with its squeeze and policy pressure;
 * each buyer answers or refuses; a settled negotiation splits the claim by
 * item, bounded by both sides' outside options. Separately, cost-down requests
 * cut prices every round (compounding), capped by a gain-sharing contract and
 * floored at cost by a below-cost ban; a share of links is re-quoted at cost
 * plus the bargained margin (new parts); short tiers earn a scarcity premium.
 * Pass-through is measured per supplier as the surveys do.
 */
import { bargainedMargin, clamp, keptGainShare, power, type Model } from './state.ts';
import { setRoundBases } from './init.ts';

/** Present value of a yearly unit over `years` at rate r (an annuity factor). */
export function annuity(r: number, years: number): number {
  return r > 1e-9 ? (1 - Math.pow(1 + r, -years)) / r : years;
}

/** A firm's own squeeze: 0 above the squeeze margin `ref`, 1 at a margin of zero or below (last year's revenue and profit). */
function ownSqueeze(ref: number, rev: number, op: number): number {
  return rev > 0 ? clamp((ref - op / rev) / ref, 0, 1) : 0;
}

/**
 * Per firm before a round: its squeeze, its answer probability as a buyer,
 * and as a supplier its cost-up since the last round by item, its savings and
 * whether its exit is credible; per tier: the buyers' outside option (mean
 * unit cost of live firms).
 */
function prepareRound(m: Model, cascade: number): void {
  const { alive, nFirms, tiers, squeeze, unitCost, answerP, credible, savings } = m;
  const { declared, declU, op4, rev4, distress, E, labU, capU, A, rA } = m;
  const { tierStart } = m.net;
  const pol = m.pol;
  const b = m.sc.bargaining;
  for (let k = 0; k < tiers; k++) {
    let s = 0;
    let n = 0;
    for (let i = tierStart[k], iEnd = tierStart[k + 1]; i < iEnd; i++) {
      if (!alive[i]) continue;
      s += unitCost[i];
      n++;
    }
    m.altCost[k] = n > 0 ? s / n : m.spotBase[k];
  }
  const base = b.respondBase + 0.3 * pol.enforcement;
  const ref = b.squeezeMargin;
  const respond = b.respondSqueeze * cascade;
  const { declarationShare, declarationCompliance, dutyToRespond } = pol;
  roundCostUps(m, 0, nFirms);
  for (let i = 0; i < nFirms; i++) {
    if (!alive[i]) continue;
    const sq = ownSqueeze(ref, rev4[i], op4[i]);
    squeeze[i] = sq;
    declared[i] = declU[i] < declarationShare ? 1 : 0;
    let p = clamp(base - respond * sq, 0, 1);
    if (declared[i]) p += declarationCompliance * (1 - p);
    answerP[i] = p + dutyToRespond * (1 - p);
    savings[i] = (labU[i] + capU[i]) * (A[i] / rA[i] - 1);
    // Credible exit: it lost money over the last year, its cash and credit ran out, or its
    // equity is negative.
    credible[i] = op4[i] < 0 || distress[i] > 0 || E[i] < 0 ? 1 : 0;
  }
}

/** A claim item: the positive part of a cost-up since the link's basis. */
function pos(c: number): number {
  return c > 0 ? c : 0;
}

/**
 * Each live firm's cost-up by item since the last round in [from, to) (at
 * last round's productivity) in cuRound, and the sum of its positive items
 * in cuTotal.
 */
function roundCostUps(m: Model, from: number, to: number): void {
  const { alive, mat, en, w, parts, oth, rMat, rEn, rW, rA, rParts, rOth, cuRound: out } = m;
  const { cuTotal, util } = m;
  for (let s = from; s < to; s++) {
    if (!alive[s]) continue;
    const o = 5 * s;
    out[o] = mat[s] - rMat[s];
    out[o + 1] = en[s] - rEn[s];
    out[o + 2] = (w[s] - rW[s]) / (4 * rA[s] * util);
    out[o + 3] = parts[s] - rParts[s];
    out[o + 4] = oth[s] - rOth[s];
    let tot = 0;
    for (let j = o; j < o + 5; j++) if (out[j] > 0) tot += out[j];
    cuTotal[s] = tot;
  }
}

/** Dependency on the largest customer: its share of the supplier's sales (1 without sales). */
function dependency(top: number, revenue: number): number {
  return revenue > 0 ? clamp(top / revenue, 0, 1) : 1;
}

/**
 * Whether supplier s has a material claim on some link (the claim of a link:
 * its supplier's cost-up by item since the link's basis, positive parts only;
 * labour per unit at the basis productivity). Marks them in `hasClaim`.
 */
function findClaims(m: Model, hasClaim: Uint8Array): void {
  const { nLinks, sup, alive, price, mat, en, oth, parts, w, bMat, bEn, bOth, bParts, bW, bA } = m;
  const thr = m.sc.bargaining.askThreshold;
  const util = m.util;
  hasClaim.fill(0);
  for (let l = 0; l < nLinks; l++) {
    const s = sup[l];
    if (!alive[s] || hasClaim[s]) continue;
    const c =
      pos(mat[s] - bMat[l]) +
      pos(en[s] - bEn[l]) +
      pos((w[s] - bW[l]) / (4 * bA[l] * util)) +
      pos(parts[s] - bParts[l]) +
      pos(oth[s] - bOth[l]);
    if (c > thr * price[l]) hasClaim[s] = 1;
  }
}

/** Decides, once per supplier, whether it asks for a revision at this round. */
function decideAsks(m: Model): void {
  const { sc, pol, alive, asks, topSale, revenue, squeeze } = m;
  const b = sc.bargaining;
  const hasClaim = m.settled; // scratch: supplier has a material claim on some link
  findClaims(m, hasClaim);
  const pressure = pol.negotiationPush + 0.2 * pol.enforcement + 0.2 * pol.dutyToRespond;
  const t1 = m.net.tierStart[1];
  const { askBase, askDependency, askSqueeze } = b;
  const st = m.rng.s;
  let s0 = st[0];
  let s1 = st[1];
  let s2 = st[2];
  let s3 = st[3];
  for (let s = t1; s < m.nFirms; s++) {
    asks[s] = 0;
    if (!alive[s] || !hasClaim[s]) continue;
    const p = clamp(
      askBase -
        askDependency * dependency(topSale[s], revenue[s]) +
        askSqueeze * squeeze[s] +
        pressure,
      0,
      1,
    );
    // rng.next() on the generator's state in locals (sfc32, as rng.ts).
    const t = (((s0 + s1) | 0) + s3) | 0;
    s3 = (s3 + 1) | 0;
    s0 = s1 ^ (s1 >>> 9);
    s1 = (s2 + (s2 << 3)) | 0;
    s2 = (((s2 << 21) | (s2 >>> 11)) + t) | 0;
    if ((t >>> 0) / 4294967296 < p) asks[s] = 1;
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = s3;
  hasClaim.fill(0);
}

/** Settled and recovered cost-ups of a link as closeRound() reads them; claim[j] holds the settled share (recovered = 2). */
const claim = new Float64Array(5);

/** A re-quote: cost plus the bargained margin less the cost-down; the supplier keeps its share g_eff of recent savings. */
function requotePrice(m: Model, beta: number, lag: number, cs: number, cutRate: number): number {
  const gEff = keptGainShare(m.pol.gainShareFloor, beta);
  return (gEff * lag + (1 - gEff) * cs) * (1 + bargainedMargin(m.sc, beta)) * (1 - cutRate);
}

/**
 * Adds a link's recovered cost-up by item to its supplier's: the whole cost-up
 * (a re-quote, recovered = 1), the settled claim (2), or the price rise split
 * over the items in proportion to this round's cost-ups (a reservation price
 * the buyer lifted the link to, 3).
 */
function addRecovered(m: Model, s: number, wt: number, recovered: number, rise: number): void {
  const { ptNum, cuRound, cuTotal } = m;
  for (let j = 0; j < 5; j++) {
    const c = cuRound[5 * s + j];
    if (!(c > 0)) continue;
    const passed = recovered === 1 ? c : recovered === 2 ? claim[j] : (rise * c) / cuTotal[s];
    ptNum[5 * s + j] += wt * Math.min(passed, c);
  }
}

/**
 * One round on every link. `measure`: record pass-through (reported quarters).
 * Leaves per supplier the recovered cost-up by item in ptNum and its link
 * sales in ptDen for closeRound().
 */
export function negotiate(m: Model, measure: boolean): void {
  const b = m.sc.bargaining;
  const cascade = m.sc.mechanisms.cascade ? b.cascade : 0;
  prepareRound(m, cascade);
  decideAsks(m);
  m.ptNum.fill(0);
  m.ptDen.fill(0);
  m.betaSales.fill(0);
  m.salesSum.fill(0);
  m.linksChanged = true;
  bargainLinks(m, measure, cascade);
}

/** The events of a round on every link (docs/model.md section 6), in link order. */
function bargainLinks(m: Model, measure: boolean, cascade: number): void {
  const { sc, pol, nLinks, sup, buy, alive, price, q, unitCost, lagCost, requote } = m;
  const { mat, en, oth, parts, w, A, bMat, bEn, bOth, bParts, bW, bA, tierShortRound } = m;
  const { ptDen, settled, betaSales, salesSum, revenue, u, squeeze, asks, answerP } = m;
  const { altCost, credible, savings } = m;
  const { tierOf } = m.net;
  const { requests, refused } = m.flows;
  const b = sc.bargaining;
  const rpy = sc.simulation.roundsPerYear;
  const scarcityOn = sc.mechanisms.scarcity;
  const g = pol.gainShareFloor;
  const floor = pol.passThroughFloor;
  const dRound = pol.costDown / rpy;
  const requoteP = b.requoteShare / rpy;
  const forget = 1 - b.claimMemory;
  const betaMin = b.betaMin;
  const betaRange = b.betaMax - b.betaMin;
  const util = m.util;
  const upMax = (1 + b.marginMax) * (1 + b.switchingCost);
  const ban = pol.belowCostBan;
  const acceptL = pol.laborCostAcceptance;
  const passC = b.commonItemPass;
  // The tiers' scarcity premiums: the contract price is the link price without its premium; the
  // premium follows the tier's unfilled share (S = S / 2 + zeta x short at each round), not a ratchet.
  const sOld = m.scarcityPrev;
  const sNew = m.linkScarcity;
  sOld.set(sNew);
  for (let k = 0; k < m.tiers; k++) {
    sNew[k] = scarcityOn ? Math.min(1, 0.5 * sNew[k] + b.scarcityPremium * tierShortRound[k]) : 0;
  }
  const reserveF = 1 + b.marginMin;
  const st = m.rng.s;
  let s0 = st[0];
  let s1 = st[1];
  let s2 = st[2];
  let s3 = st[3];
  for (let l = 0; l < nLinks; l++) {
    const s = sup[l];
    if (!alive[s]) continue;
    const bb = buy[l];
    const ks = tierOf[s];
    const p0 = price[l];
    const sales = q[l] * p0;
    // The contract price, without the tier's scarcity premium (put back below).
    const contract = p0 / (1 + sOld[ks]);
    const rs = revenue[s];
    const beta = power(betaMin, betaRange, rs > 0 ? clamp(sales / rs, 0, 1) : 1, u[s]);
    betaSales[s] += sales * beta;
    salesSum[s] += sales;
    const sqB = cascade * squeeze[bb];
    const cutRate = dRound * (1 - beta) * (1 + sqB);
    const cs = unitCost[s];
    let p = contract;
    let recovered = 0; // 0: nothing; 1: the whole cost-up; 2: the settled claim; 3: the rise
    const ms = mat[s];
    const es = en[s];
    const os = oth[s];
    const ps = parts[s];
    const ws = w[s];
    let anew = requote[l] !== 0;
    if (!anew) {
      // rng.next() on the generator's state in locals (sfc32, as rng.ts).
      const t = (((s0 + s1) | 0) + s3) | 0;
      s3 = (s3 + 1) | 0;
      s0 = s1 ^ (s1 >>> 9);
      s1 = (s2 + (s2 << 3)) | 0;
      s2 = (((s2 << 21) | (s2 >>> 11)) + t) | 0;
      anew = (t >>> 0) / 4294967296 < requoteP;
    }
    if (anew) {
      p = requotePrice(m, beta, lagCost[s], cs, cutRate);
      requote[l] = 0;
      recovered = 1;
    } else {
      // The link's claim by item (see findClaims): materials+energy+parts+other and labour.
      const c0 = pos(ms - bMat[l]);
      const c1 = pos(es - bEn[l]);
      const c2 = pos((ws - bW[l]) / (4 * bA[l] * util));
      const c3 = pos(ps - bParts[l]);
      const c4 = pos(os - bOth[l]);
      const claimC = c0 + c1 + c3 + c4;
      let raise = 0;
      if (asks[s] && claimC + c2 > 0) {
        if (measure) requests[ks] += 1;
        const t = (((s0 + s1) | 0) + s3) | 0;
        s3 = (s3 + 1) | 0;
        s0 = s1 ^ (s1 >>> 9);
        s1 = (s2 + (s2 << 3)) | 0;
        s2 = (((s2 << 21) | (s2 >>> 11)) + t) | 0;
        if ((t >>> 0) / 4294967296 < answerP[bb]) {
          const resist = 1 - sqB;
          let piC = Math.max(floor, (beta + (1 - beta) * passC) * resist);
          let piL = Math.max(floor, (beta + (1 - beta) * acceptL) * resist);
          raise = piC * claimC + piL * c2;
          // The buyer's outside option: an alternative supplier's price plus switching costs.
          const pMax = altCost[ks] * upMax;
          if (raise > 0 && p + raise > pMax) {
            const r = Math.max(0, pMax - p);
            const f = r / raise;
            piC *= f;
            piL *= f;
            raise = r;
          }
          claim[0] = piC * c0;
          claim[1] = piC * c1;
          claim[2] = piL * c2;
          claim[3] = piC * c3;
          claim[4] = piC * c4;
          settled[s] = 1;
          recovered = 2;
        } else if (measure) refused[ks] += 1;
      }
      p += raise;
      // Cost-down request, compounding; capped by a gain-sharing contract at the buyer's share of
      // the savings the supplier made since the last round.
      let cut = cutRate * p;
      if (g > 0) cut = Math.min(cut, (1 - g) * Math.max(0, savings[s]));
      const before = p;
      p -= cut;
      // A below-cost ban: no cut below cost plus the least margin (what a re-quote gives a supplier
      // without power), the same floor as a credible exit gives, but without waiting for losses.
      const reserve = cs * reserveF;
      if (ban && p < reserve) p = Math.max(p, Math.min(before, reserve));
      // The supplier's reservation price binds when its exit is credible: no buyer pushes it
      // below cost plus the least margin, nor refuses to lift it there.
      if (p < reserve && credible[s]) {
        p = reserve;
        recovered = 3;
        settled[s] = 1;
      }
    }
    if (recovered > 0) {
      // The claims basis: the supplier's unit costs by item now (setBasis()).
      bMat[l] = ms;
      bEn[l] = es;
      bOth[l] = os;
      bParts[l] = ps;
      bW[l] = ws;
      bA[l] = A[s];
    } else if (forget > 0) {
      // An unsettled claim is partly forgotten: the basis moves this share of the way to today's costs.
      bMat[l] += forget * (ms - bMat[l]);
      bEn[l] += forget * (es - bEn[l]);
      bOth[l] += forget * (os - bOth[l]);
      bParts[l] += forget * (ps - bParts[l]);
      bW[l] += forget * (ws - bW[l]);
    }
    p *= 1 + sNew[ks];
    price[l] = p;
    // Pass-through of this round's cost-up, per item, clamped per item; a cut counts as none.
    const wt = q[l] > 0 ? q[l] : 1e-12;
    ptDen[s] += wt;
    if (p > p0 && recovered > 0) addRecovered(m, s, wt, recovered, p - p0);
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = s3;
}

/**
 * After a round: pass-through per supplier on the survey basis (suppliers with
 * a material cost-up since the last round; docs/model.md section 6), the
 * outcome shares, the share of its savings each firm expects to keep
 * (investment), own prices on outside sales, and the new round basis.
 */
export function closeRound(m: Model, measure: boolean): void {
  const { sc, pol, alive, nFirms, asks, settled, salesSum, betaSales, revenue, u, keep } = m;
  const { tierOf } = m.net;
  const t1 = m.net.tierStart[1];
  // Hold-up: savings are kept for good in the share g_eff, the rest until a re-quote claims them.
  const f = sc.firms;
  const r = f.costOfCapital + f.creditRateSmall;
  const lambda = sc.bargaining.requoteShare;
  const kappa = annuity(r + lambda, f.investHorizon) / annuity(r, f.investHorizon);
  const holdUp = sc.mechanisms.holdUp;
  const g = pol.gainShareFloor;
  for (let s = t1; s < nFirms; s++) {
    if (!alive[s]) continue;
    if (measure) measureSupplier(m, s, tierOf[s], asks[s] !== 0);
    // The kept share of savings: outside sales keep everything.
    const sales = salesSum[s];
    const beta = sales > 0 ? betaSales[s] / sales : 1;
    const gEff = keptGainShare(g, beta);
    const links = gEff + (1 - gEff) * kappa;
    const rev = revenue[s];
    const out = rev > 0 ? clamp(1 - sales / rev, 0, 1) : 1;
    // Outside sales: competitors catch up at the re-quote rate, a unique firm keeps its edge.
    const outside = u[s] + (1 - u[s]) * kappa;
    keep[s] = holdUp ? out * outside + (1 - out) * links : 1;
    settled[s] = 0;
  }
  directPrices(m, measure);
  setRoundBases(m, t1, nFirms);
}

/** Supplier s of tier k: its pass-through and the outcome of the round, if it had a material cost-up. */
function measureSupplier(m: Model, s: number, k: number, asked: boolean): void {
  const { ptNum, ptDen, unitCost, cuRound: cu } = m;
  const fl = m.flows;
  const tot = m.cuTotal[s];
  if (!(tot > m.sc.bargaining.askThreshold * unitCost[s] && ptDen[s] > 0)) return;
  let num = 0;
  for (let j = 0; j < 5; j++) num += ptNum[5 * s + j];
  const ratio = clamp(num / (ptDen[s] * tot), 0, 1);
  fl.ptSum[k] += ratio;
  fl.ptSales[k] += ratio * m.linkSales[s];
  fl.ptSalesW[k] += m.linkSales[s];
  fl.ptCount[k] += 1;
  if (asked) fl.asked[k] += 1;
  if (ratio >= 1 - 1e-9) {
    fl.ptFull[k] += 1;
    fl.outFull[k] += 1;
  } else if (ratio > 1e-9) fl.outPart[k] += 1;
  else {
    fl.ptNone[k] += 1;
    if (asked) fl.outRefused[k] += 1;
    else fl.outNotAsked[k] += 1;
  }
  for (let j = 0; j < 3; j++) {
    const c = cu[5 * s + j];
    if (!(c > 1e-4 * unitCost[s])) continue;
    fl.ptItemSum[3 * k + j] += clamp(ptNum[5 * s + j] / (ptDen[s] * c), 0, 1);
    fl.ptItemCount[3 * k + j] += 1;
  }
}

/** Own prices on outside sales (cost plus a margin by uniqueness) and their demand factors. */
function directPrices(m: Model, measure: boolean): void {
  const { sc, alive, nFirms, directBase, directPrice, directPrice0, directFactor: factor } = m;
  const { unitCost, u, A, A0 } = m;
  const mk = sc.market;
  const ePrice = -mk.priceElasticity;
  const eQuality = mk.qualityElasticity * mk.valueOrientation;
  const on = sc.mechanisms.negotiation;
  const factorOn = measure && sc.mechanisms.valueDemand;
  for (let i = m.net.tierStart[1]; i < nFirms; i++) {
    if (!alive[i] || !(directBase[i] > 0)) continue;
    if (on) directPrice[i] = unitCost[i] * (1 + outsideMargin(sc, u[i]));
    if (factorOn) {
      const rel = directPrice0[i] > 0 ? directPrice[i] / directPrice0[i] : 1;
      const fq = A0[i] > 0 ? A[i] / A0[i] : 1;
      factor[i] = demandFactor(rel, fq, ePrice, eQuality);
    }
  }
}

/** The margin a supplier earns on outside sales: by its uniqueness, between the least and the strongest margin. */
export function outsideMargin(sc: Model['sc'], u: number): number {
  return bargainedMargin(sc, u);
}

/**
 * Outside-demand factor of a supplier: its own price relative to the start
 * (rel) and its own quality (fq, productivity relative to the start).
 */
export function demandFactor(rel: number, fq: number, ePrice: number, eQuality: number): number {
  return Math.exp(ePrice * Math.log(rel) + eQuality * Math.log(fq));
}

/** Tier 0's pass-through to consumers since the last round (its final price against its own cost-up). */
export function measureFinal(m: Model, measure: boolean): void {
  const t0end = m.net.tierStart[1];
  const fl = m.flows;
  const thr = m.sc.bargaining.askThreshold;
  roundCostUps(m, 0, t0end);
  for (let i = 0; i < t0end; i++) {
    if (!m.alive[i]) continue;
    const cu = m.cuRound;
    const tot = m.cuTotal[i];
    if (measure && tot > thr * m.unitCost[i]) {
      const ratio = clamp((m.finalPrice[i] - m.finalPriceRound[i]) / tot, 0, 1);
      fl.ptSum[0] += ratio;
      fl.ptSales[0] += ratio * m.x[i] * m.finalPrice[i];
      fl.ptSalesW[0] += m.x[i] * m.finalPrice[i];
      fl.ptCount[0] += 1;
      if (ratio >= 1 - 1e-9) fl.ptFull[0] += 1;
      if (ratio <= 1e-9) fl.ptNone[0] += 1;
      for (let j = 0; j < 3; j++) {
        if (!(cu[5 * i + j] > 1e-4 * m.unitCost[i])) continue;
        fl.ptItemSum[j] += ratio;
        fl.ptItemCount[j] += 1;
      }
    }
    m.finalPriceRound[i] = m.finalPrice[i];
  }
  setRoundBases(m, 0, t0end);
}
