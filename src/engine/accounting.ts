/**
 * The firms' accounts after the quarter's flows (docs/model.md section 9), in
 * one pass over the firms, tier by tier: revenue, value added, profit,
 * interest, trade credit (receivables and payables at the payment terms),
 * cash, buyer support, investment, equity and capital; the cost-up accounts
 * by item; then the labour market and productivity of each firm.
 */
import { labourFirm } from './labour.ts';
import { desiredInvestment, productivityGrowth, type InvestRule } from './investment.ts';
import type { QuarterPrices } from './production.ts';
import { clamp, isSmallTier, type Model } from './state.ts';

/** Price levels of the quarter used by the accounts. */
export interface QuarterLevels {
  pe: number;
  pm: number;
  po: number;
}

/** Sales to final users (tier 0) or outside the chains (suppliers), and their pass-on to consumers. */
function finalSales(m: Model, i: number, k: number): number {
  const xi = m.x[i];
  let qty = 0;
  let p = 0;
  let pPrev = 0;
  if (k === 0) {
    qty = xi;
    p = m.finalPrice[i];
    pPrev = m.finalPricePrev[i];
  } else {
    const ds = m.directSold[i];
    const pl = m.planned[i];
    if (!(ds > 0 && xi > 0 && pl > 0)) return 0;
    qty = (ds * xi) / pl;
    p = m.directPrice[i];
    pPrev = m.directPricePrev[i];
  }
  const v = qty * p;
  const dv = qty * (p - pPrev);
  if (dv !== 0) {
    m.passed[i] += dv;
    m.econ.consumerBurden += dv;
    addShares(m.cuItem, i, m.econ.consumerItem, 0, dv);
  }
  m.econ.finalSales += v;
  if (k === 0) m.econ.sold += qty;
  return v;
}

/** Adds dv to target[at..at+4] split as firm i's own positive cost-ups by item (else as a margin move). */
function addShares(
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

/** Cost-ups absorbed by firm i, by item: met minus passed on (split like its own cost-ups). */
function absorb(m: Model, i: number, k: number): void {
  const ab = m.flows.absorbedItem;
  const f = 5 * i;
  for (let j = 0; j < 5; j++) ab[5 * k + j] += m.cuItem[f + j];
  addShares(m.cuItem, i, ab, 5 * k, -m.passed[i]);
}

/**
 * Accounts of firm i: value added, operating profit, interest, support given,
 * trade credit and the funds available for investment. Returns operating
 * profit; sets va, opProfit, interest, supportGiven, revenue, AR, AP and cash
 * (before investment and dividends).
 */
function bookAccounts(
  m: Model,
  i: number,
  k: number,
  lv: QuarterLevels,
  qp: QuarterPrices,
): number {
  const c = m.sc.costs;
  const xi = m.x[i];
  const rev = m.revenue[i] + finalSales(m, i, k);
  m.revenue[i] = rev;
  const energy = c.energyIntensity * lv.pe * xi;
  const mat = m.matInt[k] * lv.pm * xi;
  const other =
    c.otherIntensity * lv.po * xi + (k < m.tiers - 1 ? qp.spotNow[k + 1] * m.spot[i] : 0);
  m.econ.energyCost += energy;
  m.econ.materialsCost += mat;
  m.econ.otherCost += other;
  const va = rev - m.purchases[i] - energy - mat - other;
  m.va[i] = va;
  const dep = m.deltaQ * m.K[i];
  const op = va - (m.w[i] / 4) * m.L[i] - dep;
  m.opProfit[i] = op;
  const f = m.sc.firms;
  const credit = m.sc.mechanisms.credit;
  const rate = k <= 1 && !isSmallTier(k, m.tiers) ? f.creditRateLarge : f.creditRateSmall;
  const interest = credit ? (rate / 4) * Math.max(0, -m.cash[i]) : 0;
  m.interest[i] = interest;
  const support = m.pol.buyerSupport;
  const given =
    support > 0 && op - interest > 0 && m.purchases[i] > 0 ? support * (op - interest) : 0;
  m.supportGiven[i] = given;
  // Trade credit: buyers pay for link sales after the payment terms; final sales are paid at once.
  const days = credit ? m.pol.paymentDays / 91 : 0;
  m.AR[i] = m.linkSales[i] * days;
  m.AP[i] = m.purchases[i] * days;
  m.va4[i] += va;
  m.dep4[i] += dep;
  m.rev4[i] += rev;
  m.op4[i] += op;
  return op;
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
  const f = sc.firms;
  const { alive, tiers } = m;
  const { tierStart } = m.net;
  const econ = m.econ;
  econ.finalSales = econ.energyCost = econ.materialsCost = econ.otherCost = 0;
  econ.consumerBurden = 0;
  econ.sold = 0;
  econ.consumerItem.fill(0);
  m.flows.absorbedItem.fill(0);
  if (m.pol.buyerSupport > 0) m.support.fill(0);
  const invOn = sc.mechanisms.investment && !frozen;
  const labourOn = sc.mechanisms.laborMarket && !frozen;
  const credit = sc.mechanisms.credit;
  const noise = (f.productivityNoise / 2) * Math.sqrt(3);
  const lagRate = 1 / (4 * sc.bargaining.gainShareYears);
  const uDrift = f.uniquenessDrift / 4;
  let employed = 0;
  for (let k = 0; k < tiers; k++) {
    const small = isSmallTier(k, tiers);
    for (let i = tierStart[k]; i < tierStart[k + 1]; i++) {
      if (!alive[i]) {
        m.va[i] = m.opProfit[i] = m.invest[i] = m.vacancies[i] = 0;
        continue;
      }
      const op = bookAccounts(m, i, k, lv, qp);
      const va = m.va[i];
      const ki = m.K[i];
      const net = op - m.interest[i] - m.supportGiven[i];
      // Cash before investment: the balance sheet's residual (negative = borrowing).
      const cash0 = m.E[i] + net + m.AP[i] - m.AR[i] - ki;
      const line = credit ? f.creditLimit * (ki + m.AR[i]) : Infinity;
      let inv = 0;
      let grants = 0;
      if (invOn) {
        const own = desiredInvestment(m, rule, i, k, va, cash0 + line);
        grants = (m.pol.buyerSupport > 0 ? m.support[i] : 0) + (small ? m.pol.subsidy * own : 0);
        inv = own + grants;
      }
      m.invest[i] = inv;
      if (!frozen) {
        const dividends = f.dividendShare * Math.max(net, 0);
        m.E[i] += net - dividends + grants;
        m.K[i] = ki * (1 - m.deltaQ) + inv;
        m.cash[i] = m.E[i] + m.AP[i] - m.AR[i] - m.K[i];
        m.distress[i] = credit
          ? m.cash[i] + line < 0
            ? m.distress[i] + 1
            : 0
          : m.E[i] < 0
            ? m.distress[i] + 1
            : 0;
      }
      absorb(m, i, k);
      if (!frozen) {
        const li = labourFirm(m, i, m.x[i], m.L[i], labourOn);
        m.L[i] = li;
        employed += li;
      }
      if (invOn) {
        const intensity = va > 0 ? clamp(inv / va, 0, 1) : 0;
        const ai = m.A[i];
        const aNew = ai * (1 + productivityGrowth(m, i, k, intensity, rule, noise));
        m.A[i] = aNew;
        m.Aref[i] += (aNew - m.Aref[i]) * lagRate;
        if (k > 0) m.u[i] = clamp(m.u[i] + uDrift * (intensity - 0.1), 0, 1);
      }
    }
    if (m.pol.buyerSupport > 0) supportSuppliers(m, k);
  }
  return employed;
}

/** Buyer support given by tier k reaches its suppliers, split by purchase value. */
function supportSuppliers(m: Model, k: number): void {
  const { sup, buy, q, price, supportGiven, purchases, support } = m;
  const { linkStart } = m.net;
  for (let l = linkStart[k]; l < linkStart[k + 1]; l++) {
    const bb = buy[l];
    const gb = supportGiven[bb];
    if (gb > 0 && q[l] > 0) support[sup[l]] += (gb * q[l] * price[l]) / purchases[bb];
  }
}
