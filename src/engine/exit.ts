/**
 * Exit, re-sourcing and entry (docs/model.md section 12): insolvency when cash
 * and credit run out, succession exits of small firms, exits reported by
 * cause; buyers re-source (a new contract at the next round); new firms enter
 * any tier, an emptied one too, at a rate rising with the tier's margin and
 * its unfilled orders.
 */
import { investRateOf } from './investment.ts';
import { isSmallTier, type Model } from './state.ts';

/** A live firm of tier k, preferably of chain c (unless the link crosses chains); -1 if none. */
function substitute(m: Model, k: number, c: number, exclude: number): number {
  const { tierStart, chainFirst, chainCount, nChains } = m.net;
  const { alive, rng } = m;
  const idx = k * nChains + c;
  if (chainCount[idx] > 0 && rng.next() >= m.sc.network.crossChain) {
    for (let tries = 0; tries < 16; tries++) {
      const f = chainFirst[idx] + rng.int(chainCount[idx]);
      if (alive[f] && f !== exclude) return f;
    }
  }
  const n = tierStart[k + 1] - tierStart[k];
  for (let tries = 0; tries < 16; tries++) {
    const f = tierStart[k] + rng.int(n);
    if (alive[f] && f !== exclude) return f;
  }
  const off = rng.int(n);
  for (let j = 0; j < n; j++) {
    const f = tierStart[k] + ((off + j) % n);
    if (alive[f] && f !== exclude) return f;
  }
  return -1;
}

/** Moves link l to a new supplier or buyer: a new contract, re-quoted at the next round. */
function relink(m: Model, l: number, supplier: number, buyer: number): void {
  const s = m.sup[l];
  const b = m.buy[l];
  if (supplier !== s) {
    m.outDeg[s]--;
    m.outDeg[supplier]++;
    m.sup[l] = supplier;
  }
  if (buyer !== b) {
    m.inDeg[b]--;
    m.inDeg[buyer]++;
    m.buy[l] = buyer;
  }
  m.requote[l] = 1;
  m.degreesChanged = true;
  m.linksChanged = true;
}

/** Links of exited firms move to live firms of the same tier (if any is left). */
export function resource(m: Model): void {
  const { sup, buy, alive, nLinks } = m;
  const { tierOf, chain } = m.net;
  for (let l = 0; l < nLinks; l++) {
    const s = sup[l];
    const b = buy[l];
    if (!alive[b]) {
      const nb = substitute(m, tierOf[b], chain[b], b);
      if (nb >= 0) relink(m, l, s, nb);
    }
    if (!alive[sup[l]]) {
      const ns = substitute(m, tierOf[s], chain[buy[l]], s);
      if (ns >= 0) relink(m, l, ns, buy[l]);
      else m.linksChanged = true; // no live firm left in the tier: spot purchases
    }
  }
}

/**
 * Tier k at the end of the quarter: hires, exits (1: insolvency when cash and
 * credit ran out, 2: succession of a small firm, drawn on the generator's
 * state in locals) and the tier's sums for the recorder.
 */
function closeTier(m: Model, k: number, hire: boolean, exitOn: boolean): void {
  const fl = m.flows;
  const { alive, L, w, va, costUp, passed, revenue, opProfit, invest, x, A, K } = m;
  const { vacancies, hireWeight, distress, topSale, original, hires, hireWeightSum } = m;
  const { cash: cashA, interest: interestA } = m;
  const small = isSmallTier(k, m.tiers);
  const insolvent = m.sc.mechanisms.credit ? 2 : 4;
  const hazard = m.sc.firms.successionHazard / 4;
  const st = m.rng.s;
  let s0 = st[0];
  let s1 = st[1];
  let s2 = st[2];
  let s3 = st[3];
  let firms = 0;
  let empK = 0;
  let wl = 0;
  let vaK = 0;
  let rev = 0;
  let op = 0;
  let inv = 0;
  let cu = 0;
  let po = 0;
  let out = 0;
  let prod = 0;
  let cap = 0;
  let cash = 0;
  let interest = 0;
  let dependent = 0;
  let suppliers = 0;
  const a0 = m.tierA0[k];
  for (let i = m.net.tierStart[k], iEnd = m.net.tierStart[k + 1]; i < iEnd; i++) {
    // Value added and cost-ups of a firm that closed this quarter still count where they arose.
    cu += costUp[i];
    po += passed[i];
    vaK += va[i];
    if (!alive[i]) continue;
    let li = L[i];
    if (hire && vacancies[i] > 0) {
      li += Math.min(vacancies[i], (hires * hireWeight[i]) / hireWeightSum);
      L[i] = li;
    }
    if (exitOn) {
      let cause = distress[i] >= insolvent || li < 0.5 ? 1 : 0;
      if (cause === 0 && small) {
        // rng.next() on the generator's state in locals (sfc32, as rng.ts).
        const t = (((s0 + s1) | 0) + s3) | 0;
        s3 = (s3 + 1) | 0;
        s0 = s1 ^ (s1 >>> 9);
        s1 = (s2 + (s2 << 3)) | 0;
        s2 = (((s2 << 21) | (s2 >>> 11)) + t) | 0;
        if ((t >>> 0) / 4294967296 < hazard) cause = 2;
      }
      if (cause > 0) {
        alive[i] = 0;
        original[i] = 0;
        L[i] = 0;
        fl.exits[k] += 1;
        if (cause === 1) fl.exitsInsolvency[k] += 1;
        else fl.exitsSuccession[k] += 1;
        continue;
      }
    }
    firms++;
    empK += li;
    wl += w[i] * li;
    rev += revenue[i];
    op += opProfit[i];
    inv += invest[i];
    out += x[i];
    prod += (A[i] / a0) * li;
    cap += K[i];
    cash += cashA[i];
    interest += interestA[i];
    if (k > 0 && revenue[i] > 0) {
      suppliers++;
      if (topSale[i] > 0.3 * revenue[i]) dependent++;
    }
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = s3;
  fl.firms[k] = firms;
  fl.employment[k] = empK;
  fl.wageSum[k] = wl;
  fl.wageBill[k] = wl / 4;
  fl.valueAdded[k] = vaK;
  fl.revenue[k] = rev;
  fl.opProfit[k] = op;
  fl.investment[k] = inv;
  fl.costUp[k] = cu;
  fl.passedOn[k] = po;
  fl.output[k] = out;
  fl.prodSum[k] = prod;
  fl.capital[k] = cap;
  fl.cash[k] = cash;
  fl.interest[k] = interest;
  fl.dependent[k] = dependent;
  fl.suppliers[k] = suppliers;
}

/**
 * The end of the quarter: hires (planned by planHires()), exits, and the
 * per-tier sums for the recorder. Links of exited firms are re-sourced.
 */
export function closeQuarter(m: Model, hire: boolean, exitOn: boolean): void {
  let anyExit = false;
  let emp = 0;
  for (let k = 0; k < m.tiers; k++) {
    closeTier(m, k, hire, exitOn);
    if (m.flows.exits[k] > 0) anyExit = true;
    emp += m.flows.employment[k];
  }
  m.econ.employment = emp;
  if (anyExit) resource(m);
}

/** Mean state of tier k's live firms (entrants start from it), or null if the tier is empty. */
function tierMeans(m: Model, k: number): { A: number; w: number; KL: number; u: number } | null {
  const { tierStart } = m.net;
  let aL = 0;
  let wL = 0;
  let kSum = 0;
  let uSum = 0;
  let lSum = 0;
  let n = 0;
  for (let i = tierStart[k], iEnd = tierStart[k + 1]; i < iEnd; i++) {
    if (!m.alive[i]) continue;
    aL += m.A[i] * m.L[i];
    wL += m.w[i] * m.L[i];
    kSum += m.K[i];
    uSum += m.u[i];
    lSum += m.L[i];
    n++;
  }
  if (n === 0 || !(lSum > 0)) return null;
  return { A: (0.9 * aL) / lSum, w: wL / lSum, KL: kSum / lSum, u: (0.8 * uSum) / n };
}

/** Economy-wide productivity and wage growth since the start (for entrants into an emptied tier). */
function economyIndex(m: Model): { prod: number; wage: number } {
  let a = 0;
  let w = 0;
  let n = 0;
  for (let i = 0; i < m.nFirms; i++) {
    if (!m.alive[i]) continue;
    const k = m.net.tierOf[i];
    a += m.A[i] / m.tierA0[k];
    w += m.w[i] / m.tierW0[k];
    n++;
  }
  return n > 0 ? { prod: a / n, wage: w / n } : { prod: 1, wage: 1 };
}

/** Firm i enters tier k with the given state; its books start with cash of half a quarter's sales. */
function startFirm(
  m: Model,
  i: number,
  k: number,
  A: number,
  w: number,
  KL: number,
  u: number,
): void {
  m.alive[i] = 1;
  m.L[i] = 0.5 * m.baseL[i];
  m.A[i] = m.Aref[i] = m.Aprev[i] = A;
  m.w[i] = m.wPrev[i] = Math.max(w, m.econ.minimumWage);
  m.K[i] = KL * m.L[i];
  m.u[i] = u;
  const sales = A * m.L[i] * m.util * m.altCost[k] * 1.05;
  m.cash[i] = 0.5 * sales;
  m.AR[i] = m.AP[i] = 0;
  m.E[i] = m.K[i] + m.cash[i];
  m.distress[i] = 0;
  m.va4[i] = m.dep4[i] = m.rev4[i] = m.op4[i] = 0;
  m.keep[i] = 1;
  m.investRate[i] = investRateOf(m, m.rule, i, k);
  m.fresh[i] = 1;
  m.nFresh++;
  m.flows.entries[k] += 1;
}

/**
 * Entrant i takes links: customer links of same-tier suppliers with more than
 * one customer or without a live supplier, and supplier links of same-tier
 * buyers with more than one supplier or without a live buyer.
 */
function attachEntrant(m: Model, i: number, k: number): void {
  const { sup, buy, alive, rng } = m;
  const { tierOf, linkStart } = m.net;
  const take = Math.max(1, Math.round(m.sc.network.customersPerSupplier));
  if (k > 0) {
    const c0 = linkStart[Math.max(0, k - 2)];
    const c1 = linkStart[k];
    let got = 0;
    for (let tries = 0; tries < 40 && got < take && c1 > c0; tries++) {
      const l = c0 + rng.int(c1 - c0);
      const s = sup[l];
      if (tierOf[s] !== k || s === i || !alive[buy[l]]) continue;
      if (alive[s] && m.outDeg[s] < 2) continue;
      relink(m, l, i, buy[l]);
      got++;
    }
  }
  if (k < m.tiers - 1) {
    const s0 = linkStart[k];
    const s1 = linkStart[k + 1];
    let got = 0;
    for (let tries = 0; tries < 40 && got < take && s1 > s0; tries++) {
      const l = s0 + rng.int(s1 - s0);
      const bb = buy[l];
      if (bb === i || (alive[bb] && m.inDeg[bb] < 2)) continue;
      relink(m, l, sup[l], i);
      got++;
    }
  }
}

/**
 * Yearly entry into dead slots: at most entryRate x the tier's starting count,
 * scaled by how far the tier's margin exceeds the threshold and by its
 * unfilled orders; an emptied tier always gets entrants.
 */
export function enterFirms(m: Model): void {
  const sc = m.sc;
  const { tierStart } = m.net;
  let index: { prod: number; wage: number } | null = null;
  for (let k = 0; k < m.tiers; k++) {
    const n0 = tierStart[k + 1] - tierStart[k];
    let op = 0;
    let rev = 0;
    let dead = 0;
    for (let i = tierStart[k], iEnd = tierStart[k + 1]; i < iEnd; i++) {
      if (!m.alive[i]) dead++;
      else {
        op += m.op4[i];
        rev += m.rev4[i];
      }
    }
    const margin = rev > 0 ? op / rev : 0;
    m.tierMarginYear[k] = margin;
    const short = m.tierShortYear[k] / 4;
    m.tierShortYear[k] = 0;
    if (dead === 0) continue;
    const means = tierMeans(m, k);
    const pull = means
      ? Math.min(1, Math.max(0, (margin - sc.firms.entryMargin) / 0.05) + 10 * short)
      : 1;
    const n = Math.min(
      dead,
      Math.max(means ? 0 : 1, Math.floor(sc.firms.entryRate * pull * n0 + m.rng.next())),
    );
    if (n <= 0) continue;
    if (!means && !index) index = economyIndex(m);
    const off = m.rng.int(n0);
    let entered = 0;
    for (let j = 0; j < n0 && entered < n; j++) {
      const i = tierStart[k] + ((off + j) % n0);
      if (m.alive[i]) continue;
      entered++;
      if (means) startFirm(m, i, k, means.A, means.w, means.KL, means.u);
      else {
        const x = index!;
        startFirm(
          m,
          i,
          k,
          0.9 * m.tierA0[k] * x.prod,
          m.tierW0[k] * x.wage,
          m.tierKL0[k],
          m.tierU0[k],
        );
      }
      attachEntrant(m, i, k);
    }
  }
  resource(m);
}
