/**
 * The firms' accounts after the quarter's flows (docs/model.md section 9), in
 * one pass over the firms, tier by tier: revenue, value added, profit,
 * interest, trade credit (receivables and payables at the payment terms),
 * cash, buyer support, investment, equity and capital; the cost-up accounts
 * by item; then the labour market and productivity of each firm.
 */
import { labourTier } from './labour.ts';
import { desiredInvestment, growTier, type InvestRule } from './investment.ts';
import { addShares, type QuarterPrices } from './production.ts';
import { isSmallTier, type Model } from './state.ts';

/** Price levels of the quarter used by the accounts. */
export interface QuarterLevels {
  pe: number;
  pm: number;
  po: number;
}

/**
 * Accounts of tier k: revenue (with sales to final users at tier 0, or
 * outside the chains, and their pass-on to consumers), value added,
 * operating profit, interest, buyer support given, trade credit (receivables
 * and payables at the payment terms) and the year's sums.
 */
function bookTier(m: Model, k: number, lv: QuarterLevels, qp: QuarterPrices): void {
  const { alive, x, revenue, purchases, passed, cuItem, va, opProfit, K, w, L, cash } = m;
  const { interest, supportGiven, AR, AP, linkSales, va4, dep4, rev4, op4, spot } = m;
  const { directSold, planned } = m;
  const econ = m.econ;
  const c = m.sc.costs;
  const fi = m.sc.firms;
  const credit = m.sc.mechanisms.credit;
  const top = k === 0;
  const price = top ? m.finalPrice : m.directPrice;
  const pricePrev = top ? m.finalPricePrev : m.directPricePrev;
  const eU = c.energyIntensity * lv.pe;
  const mU = m.matInt[k] * lv.pm;
  const oU = c.otherIntensity * lv.po;
  const spotP = k < m.tiers - 1 ? qp.spotNow[k + 1] : 0;
  const dq = m.deltaQ;
  const rate = (k <= 1 && !isSmallTier(k, m.tiers) ? fi.creditRateLarge : fi.creditRateSmall) / 4;
  const support = m.pol.buyerSupport;
  const days = credit ? m.pol.paymentDays / 91 : 0;
  // Technology sharing costs the buyer engineers' time, bought in like other purchases.
  const techC = fi.techSharingCost * m.pol.techSharing;
  let finalSales = 0;
  let sold = 0;
  let energyCost = 0;
  let materialsCost = 0;
  let otherCost = 0;
  for (let i = m.net.tierStart[k], iEnd = m.net.tierStart[k + 1]; i < iEnd; i++) {
    if (!alive[i]) continue;
    const xi = x[i];
    // Final (tier 0) or outside (suppliers) sales at the firm's own price.
    let qty = 0;
    if (top) qty = xi;
    else if (directSold[i] > 0 && xi > 0 && planned[i] > 0) qty = (directSold[i] * xi) / planned[i];
    let rev = revenue[i];
    if (qty > 0) {
      rev += qty * price[i];
      finalSales += qty * price[i];
      sold += top ? qty : 0;
      const dv = qty * (price[i] - pricePrev[i]);
      if (dv !== 0) {
        passed[i] += dv;
        econ.consumerBurden += dv;
        addShares(cuItem, i, econ.consumerItem, 0, dv);
      }
    }
    revenue[i] = rev;
    const energy = eU * xi;
    const mat = mU * xi;
    const other = oU * xi + spotP * spot[i] + techC * purchases[i];
    energyCost += energy;
    materialsCost += mat;
    otherCost += other;
    const v = rev - purchases[i] - energy - mat - other;
    va[i] = v;
    const dep = dq * K[i];
    const op = v - (w[i] / 4) * L[i] - dep;
    opProfit[i] = op;
    const paid = credit ? rate * Math.max(0, -cash[i]) : 0;
    interest[i] = paid;
    supportGiven[i] = support > 0 && op - paid > 0 && purchases[i] > 0 ? support * (op - paid) : 0;
    // Trade credit: buyers pay for link sales after the payment terms; final sales are paid at once.
    AR[i] = linkSales[i] * days;
    AP[i] = purchases[i] * days;
    va4[i] += v;
    dep4[i] += dep;
    rev4[i] += rev;
    op4[i] += op;
  }
  econ.finalSales += finalSales;
  econ.sold += sold;
  econ.energyCost += energyCost;
  econ.materialsCost += materialsCost;
  econ.otherCost += otherCost;
}

/**
 * Investment of tier k from own funds (the hold-up rule, limited by cash and
 * the unused credit line) plus grants (buyer support, subsidy); then equity,
 * capital, cash and the distress count (quarters without cash and credit, or
 * with negative equity when credit is switched off).
 */
function investTier(m: Model, k: number, frozen: boolean): void {
  const { alive, va, opProfit, interest, supportGiven, E, K, AR, AP, cash, invest, distress } = m;
  const { revenue, investRate, rev4, op4, support: supportIn } = m;
  const fi = m.sc.firms;
  const invOn = m.sc.mechanisms.investment && !frozen;
  const credit = m.sc.mechanisms.credit;
  const small = isSmallTier(k, m.tiers);
  const subsidy = small ? m.pol.subsidy : 0;
  const supportOn = m.pol.buyerSupport > 0;
  const keepK = 1 - m.deltaQ;
  const payout = fi.dividendShare;
  const limit = fi.creditLimit;
  let publicCost = 0;
  for (let i = m.net.tierStart[k], iEnd = m.net.tierStart[k + 1]; i < iEnd; i++) {
    if (!alive[i]) {
      va[i] = opProfit[i] = invest[i] = 0;
      continue;
    }
    const ki = K[i];
    const net = opProfit[i] - interest[i] - supportGiven[i];
    // Cash before investment: the balance sheet's residual (negative = borrowing).
    const cash0 = E[i] + net + AP[i] - AR[i] - ki;
    // Without credit there is no line (a finite bound: the global Infinity made V8 box `line`).
    const line = credit ? limit * (ki + AR[i]) : 1e300;
    let inv = 0;
    let grants = 0;
    if (invOn) {
      // The firm pays (1 - subsidy) of what it invests from cash and credit, the state the rest;
      // buyer support is invested on top.
      const funds = cash0 + line;
      const own = subsidy > 0 ? funds / (1 - subsidy) : funds;
      const planned = desiredInvestment(investRate[i], rev4[i], op4[i], va[i], own);
      const support = supportOn ? supportIn[i] : 0;
      grants = support + subsidy * planned;
      publicCost += subsidy * planned;
      inv = planned + support;
    }
    invest[i] = inv;
    if (frozen) continue;
    E[i] += net - payout * Math.max(net, 0) + grants;
    K[i] = ki * keepK + inv;
    let c = E[i] + AP[i] - AR[i] - K[i];
    // Cash above a year's sales is paid out to the owners: firms do not hoard.
    const excess = c - 4 * revenue[i];
    if (excess > 0) {
      E[i] -= excess;
      c -= excess;
    }
    cash[i] = c;
    const short = credit ? c + line < 0 : E[i] < 0;
    distress[i] = short ? distress[i] + 1 : 0;
  }
  m.econ.publicCost += publicCost;
}

/** Cost-ups absorbed by tier k, by item: met minus passed on (split like each firm's own cost-ups). */
function absorbTier(m: Model, k: number): void {
  const { alive, cuItem, passed } = m;
  const ab = m.flows.absorbedItem;
  const at = 5 * k;
  for (let i = m.net.tierStart[k], iEnd = m.net.tierStart[k + 1]; i < iEnd; i++) {
    if (!alive[i]) continue;
    const f = 5 * i;
    for (let j = 0; j < 5; j++) ab[at + j] += cuItem[f + j];
    addShares(cuItem, i, ab, at, -passed[i]);
  }
}

/**
 * Every live firm's accounts, investment, labour and productivity, tier by
 * tier (buyer support of tier k reaches its suppliers, deeper tiers, before
 * their turn). Returns the employment after quits and layoffs.
 */
export function updateFirms(
  m: Model,
  frozen: boolean,
  lv: QuarterLevels,
  qp: QuarterPrices,
  rule: InvestRule,
): number {
  const sc = m.sc;
  const econ = m.econ;
  econ.finalSales = econ.energyCost = econ.materialsCost = econ.otherCost = 0;
  econ.consumerBurden = 0;
  econ.publicCost = 0;
  econ.sold = 0;
  econ.consumerItem.fill(0);
  m.flows.absorbedItem.fill(0);
  const supportOn = m.pol.buyerSupport > 0;
  if (supportOn) m.support.fill(0);
  const invOn = sc.mechanisms.investment && !frozen;
  const labourOn = sc.mechanisms.laborMarket && !frozen;
  let employed = 0;
  for (let k = 0; k < m.tiers; k++) {
    bookTier(m, k, lv, qp);
    investTier(m, k, frozen);
    absorbTier(m, k);
    if (!frozen) employed += labourTier(m, k, labourOn);
    if (invOn) growTier(m, k, rule);
    if (supportOn) supportSuppliers(m, k);
  }
  return employed;
}

/** Buyer support given by tier k reaches its suppliers, split by purchase value. */
function supportSuppliers(m: Model, k: number): void {
  const { sup, buy, q, price, supportGiven, purchases, support } = m;
  const { linkStart } = m.net;
  for (let l = linkStart[k], lEnd = linkStart[k + 1]; l < lEnd; l++) {
    const bb = buy[l];
    const gb = supportGiven[bb];
    if (gb > 0 && q[l] > 0) support[sup[l]] += (gb * q[l] * price[l]) / purchases[bb];
  }
}
