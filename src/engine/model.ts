/**
 * The quarterly step (docs/model.md is the contract): the order of the phases
 * of a quarter, each in its own module — costs and negotiation
 * (costs.ts, negotiation.ts), demand and prices (demand.ts), production and
 * orders (production.ts), accounting and investment (accounting.ts,
 * investment.ts), labour (labour.ts), exit and entry (exit.ts). The state and
 * its allocation are in state.ts, the starting state in init.ts.
 */
import { updateFirms, type QuarterLevels } from './accounting.ts';
import { computeCosts, computeInputPrices, spotPrice } from './costs.ts';
import { directLevel, setDemand, setFinalPrices, updateScarcity } from './demand.ts';
import { closeQuarter, enterFirms } from './exit.ts';
import { initialise, setRoundBases, startReporting } from './init.ts';
import { investRule, updateInvestRates, updateSpillover } from './investment.ts';
import { planHires, updateAppeal, updatePool, wageRound } from './labour.ts';
import { closeRound, measureFinal, negotiate } from './negotiation.ts';
import { produce } from './production.ts';
import type { Scenario } from './params.ts';
import { createState, resetYearSums, type Model, type TierFlows } from './state.ts';

export { isSmallTier, type Model } from './state.ts';
export { startReporting };

export function createModel(sc: Scenario): Model {
  const m = createState(sc);
  initialise(m);
  return m;
}

function resetRoundFlows(fl: TierFlows): void {
  fl.ptSum.fill(0);
  fl.ptSales.fill(0);
  fl.ptSalesW.fill(0);
  fl.ptCount.fill(0);
  fl.ptFull.fill(0);
  fl.ptNone.fill(0);
  fl.ptItemSum.fill(0);
  fl.ptItemCount.fill(0);
  fl.asked.fill(0);
  fl.requests.fill(0);
  fl.refused.fill(0);
  fl.outNotAsked.fill(0);
  fl.outRefused.fill(0);
  fl.outPart.fill(0);
  fl.outFull.fill(0);
  fl.exits.fill(0);
  fl.exitsInsolvency.fill(0);
  fl.exitsSuccession.fill(0);
  fl.entries.fill(0);
}

/** Policy timeline: events whose quarter has come change the levers in force; returns whether any did. */
function applyEvents(m: Model, t: number): boolean {
  const before = m.nextEvent;
  while (m.nextEvent < m.events.length && m.events[m.nextEvent].quarter <= t) {
    const e = m.events[m.nextEvent++];
    const pol = m.pol as unknown as Record<string, number | boolean>;
    pol[e.lever] = typeof pol[e.lever] === 'boolean' ? e.value !== 0 : e.value;
  }
  return m.nextEvent > before;
}

/** The yearly events: entry in the first quarter, the wage round in the second (April); the minimum wage binds every quarter. */
function yearly(m: Model, t: number): void {
  const mech = m.sc.mechanisms;
  const qoy = t % 4;
  if (qoy === 0 && t > 0 && mech.entry) enterFirms(m);
  if (qoy === 1) {
    if (mech.wages) wageRound(m, t);
    else m.Aprev.set(m.A);
    updateAppeal(m);
    resetYearSums(m);
  }
  // Nobody pays less than the minimum wage from the day it rises (October), wage rounds or not.
  const wMin = m.paths.minimumWage[t];
  const { w, nFirms } = m;
  for (let i = 0; i < nFirms; i++) if (w[i] < wMin) w[i] = wMin;
}

/** Unit costs of the quarter; entrants get their round basis once their costs are known. */
function costs(m: Model, lv: QuarterLevels): void {
  for (let k = 1; k < m.tiers; k++) {
    m.spotPrev[k] = m.spotNow[k];
    m.spotNow[k] = spotPrice(m, k, lv.po);
  }
  computeInputPrices(m);
  computeCosts(m, 0, m.tiers, lv.pe, lv.pm, lv.po, true);
  if (m.nFresh > 0) {
    for (let i = 0; i < m.nFirms; i++) {
      if (!m.fresh[i]) continue;
      m.fresh[i] = 0;
      setRoundBases(m, i, i + 1);
    }
    m.nFresh = 0;
  }
}

/** A negotiation round: last round's prices kept for the cost-up accounts, then the events. */
function round(m: Model, frozen: boolean): void {
  m.pricePrev.set(m.price);
  const q = Math.max(1, m.shortQuarters);
  for (let k = 0; k < m.tiers; k++) {
    m.tierShortRound[k] = m.tierShortAcc[k] / q;
    m.tierShortAcc[k] = 0;
  }
  m.shortQuarters = 0;
  if (m.sc.mechanisms.negotiation) negotiate(m, !frozen);
  closeRound(m, !frozen && m.sc.mechanisms.negotiation);
}

/** Unmet final demand and each tier's unfilled orders, for scarcity pricing and entry. */
function shortages(m: Model, demand: number): void {
  let sold = 0;
  for (let i = 0, iEnd = m.net.tierStart[1]; i < iEnd; i++) sold += m.x[i];
  const unmet = demand > 0 ? Math.max(0, 1 - sold / demand) : 0;
  m.econ.unmet = unmet;
  m.tierShort[0] = unmet;
  for (let k = 0; k < m.tiers; k++) {
    m.tierShortAcc[k] += m.tierShort[k];
    m.tierShortYear[k] += m.tierShort[k];
  }
  m.shortQuarters++;
}

/**
 * One quarter. `t` is the reported quarter (0-based); a negative t is a
 * burn-in quarter: prices negotiate and goods flow, everything else is frozen
 * at its starting value and nothing is measured.
 */
export function step(m: Model, t: number): void {
  const sc = m.sc;
  const frozen = t < 0;
  const paths = m.paths;
  const tt = frozen ? 0 : t;
  const lv = m.levels;
  lv.pe = frozen ? 1 : paths.energy[t];
  lv.pm = frozen ? 1 : paths.materials[t];
  lv.po = frozen ? 1 : paths.other[t];
  resetRoundFlows(m.flows);
  let policyChanged = t === -1 || (frozen && t === -4 * sc.simulation.burnInYears);
  if (!frozen) {
    policyChanged = applyEvents(m, t) || policyChanged;
    m.econ.minimumWage = paths.minimumWage[t];
    yearly(m, t);
  }
  const isRound = ((t % m.quartersPerRound) + m.quartersPerRound) % m.quartersPerRound === 0;
  costs(m, lv);
  m.directPricePrev.set(m.directPrice);
  for (let i = 0, iEnd = m.net.tierStart[1]; i < iEnd; i++) m.finalPricePrev[i] = m.finalPrice[i];
  m.econ.round = isRound && !frozen;
  if (isRound) round(m, frozen);
  updateScarcity(m, frozen);
  setFinalPrices(m, lv.po);
  if (isRound) measureFinal(m, !frozen);
  const demand = setDemand(m, tt, frozen);
  m.econ.demand = demand;
  const qp = m.quarterPrices;
  qp.round = isRound;
  qp.dMat = lv.pm - m.prevMaterials;
  qp.dEn = lv.pe - m.prevEnergy;
  qp.dOth = lv.po - m.prevOther;
  const valueOn = sc.mechanisms.valueDemand && !frozen;
  produce(m, demand, qp, directLevel(m, tt, frozen), valueOn);
  if (isRound || policyChanged || t === 0) {
    investRule(m, m.rule);
    updateInvestRates(m, m.rule);
  }
  updateSpillover(m);
  const employed = updateFirms(m, frozen, lv, qp, m.rule);
  m.yearQuarters++;
  shortages(m, demand);
  m.prevEnergy = lv.pe;
  m.prevMaterials = lv.pm;
  m.prevOther = lv.po;
  if (!frozen) {
    const hire = sc.mechanisms.laborMarket && planHires(m, t, employed);
    closeQuarter(m, hire, sc.mechanisms.exit);
    updatePool(m, t);
  }
  m.econ.laborForce = frozen ? m.laborForce0 : m.pool;
}
