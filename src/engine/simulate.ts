/**
 * Runs a scenario and records its outputs: per tier and quarter (`series`),
 * per quarter for the whole economy (`economy`), key indicators at the horizon
 * (`summary`) and a `units` map. Undefined values are NaN in the typed arrays
 * and null in JSON (see toJSON).
 */
import { createModel, isSmallTier, startReporting, step, type Model } from './model.ts';
import type { Scenario } from './params.ts';

export const MODEL_VERSION = '2.2.0';

export const SERIES = {
  firms: { unit: 'firms', label: 'Firms alive' },
  employment: { unit: 'persons', label: 'Employment' },
  wage: { unit: '¥10k/year', label: 'Mean labour cost per worker' },
  valueAdded: { unit: '¥m/quarter', label: 'Value added' },
  valueAddedPerWorker: { unit: '¥10k/year', label: 'Value added per worker' },
  laborShare: { unit: 'share', label: 'Labour share of value added' },
  investment: { unit: '¥m/quarter', label: 'Investment' },
  investmentRate: { unit: 'share', label: 'Investment / value added' },
  profitMargin: { unit: 'share', label: 'Operating margin (profit / sales)' },
  passThrough: {
    unit: 'share',
    label: 'Measured pass-through rate (mean over suppliers with a cost-up, survey basis)',
  },
  passThroughSalesWeighted: { unit: 'share', label: 'Measured pass-through rate, sales-weighted' },
  passThroughMaterials: { unit: 'share', label: 'Pass-through of materials cost-ups' },
  passThroughEnergy: { unit: 'share', label: 'Pass-through of energy cost-ups' },
  passThroughLabour: { unit: 'share', label: 'Pass-through of labour cost-ups' },
  passThroughFull: { unit: 'share', label: 'Share with full pass-through' },
  passThroughNone: { unit: 'share', label: 'Share with no pass-through or a price cut' },
  negotiationsAsked: { unit: 'share', label: 'Suppliers with a cost-up that asked for a revision' },
  negotiationsRefused: { unit: 'share', label: 'Requests for a revision refused' },
  settledNotAsked: { unit: 'share', label: 'Cost-ups settled: did not ask' },
  settledRefused: { unit: 'share', label: 'Cost-ups settled: asked, got nothing' },
  settledPart: { unit: 'share', label: 'Cost-ups settled: passed part' },
  settledFull: { unit: 'share', label: 'Cost-ups settled: passed all' },
  dependentShare: {
    unit: 'share',
    label: 'Suppliers selling more than 30% to their largest customer',
  },
  costUp: { unit: '¥m/quarter', label: 'Cost-ups met' },
  costUpAbsorbed: { unit: '¥m/quarter', label: 'Cost-ups absorbed' },
  costUpAbsorbedMaterials: { unit: '¥m/quarter', label: 'Materials cost-ups absorbed' },
  costUpAbsorbedEnergy: { unit: '¥m/quarter', label: 'Energy cost-ups absorbed' },
  costUpAbsorbedLabour: { unit: '¥m/quarter', label: 'Labour cost-ups absorbed' },
  costUpAbsorbedOther: { unit: '¥m/quarter', label: 'Other purchases cost-ups absorbed' },
  productivity: { unit: 'index', label: 'Productivity (start = 1)' },
  output: { unit: 'index', label: 'Real output (start = 1)' },
  capital: { unit: '¥m', label: 'Capital stock' },
  exits: { unit: 'firms/quarter', label: 'Exits' },
  exitsInsolvency: { unit: 'firms/quarter', label: 'Exits: insolvency' },
  exitsSuccession: { unit: 'firms/quarter', label: 'Exits: no successor' },
  cash: { unit: '¥m', label: 'Cash (negative: borrowing)' },
  entries: { unit: 'firms/quarter', label: 'Entries' },
} as const;
export type SeriesKey = keyof typeof SERIES;

export const ECONOMY = {
  valueAdded: { unit: '¥m/quarter', label: 'Value added' },
  finalSales: { unit: '¥m/quarter', label: 'Final sales' },
  energyCost: { unit: '¥m/quarter', label: 'Energy cost' },
  materialsCost: { unit: '¥m/quarter', label: 'Materials cost' },
  otherCost: { unit: '¥m/quarter', label: 'Other purchases (services, spot inputs)' },
  finalPrice: { unit: 'index', label: 'Final-goods price (start = 1)' },
  employment: { unit: 'persons', label: 'Employment' },
  unemployment: { unit: 'share', label: 'Unemployment rate' },
  externalCostUp: { unit: '¥m/quarter', label: 'External cost-ups (energy, materials, labour)' },
  consumerBurden: { unit: '¥m/quarter', label: 'Cost-ups borne by final consumers' },
  externalCostUpMaterials: { unit: '¥m/quarter', label: 'External cost-ups: materials' },
  externalCostUpEnergy: { unit: '¥m/quarter', label: 'External cost-ups: energy' },
  externalCostUpLabour: { unit: '¥m/quarter', label: 'External cost-ups: labour' },
  externalCostUpOther: { unit: '¥m/quarter', label: 'External cost-ups: other purchases' },
  consumerBurdenMaterials: { unit: '¥m/quarter', label: 'Materials cost-ups borne by consumers' },
  consumerBurdenEnergy: { unit: '¥m/quarter', label: 'Energy cost-ups borne by consumers' },
  consumerBurdenLabour: { unit: '¥m/quarter', label: 'Labour cost-ups borne by consumers' },
  consumerBurdenOther: { unit: '¥m/quarter', label: 'Other cost-ups borne by consumers' },
  publicCost: { unit: '¥m/quarter', label: 'Public cost of investment subsidies' },
  realDemand: { unit: 'index', label: 'Final demand (start = 1)' },
  unmetDemand: { unit: 'share', label: 'Share of final demand not met' },
  passThroughSurvey: {
    unit: 'share',
    label: 'Measured pass-through, survey mix (tiers 1 / 2 / 3+ weighted 0.75 / 0.15 / 0.10)',
  },
  generalPrice: { unit: 'index', label: 'General price level (start = 1)' },
  energyPrice: { unit: 'index', label: 'Energy price (start = 1)' },
  materialsPrice: { unit: 'index', label: 'Materials price (start = 1)' },
  minimumWage: { unit: '¥10k/year', label: 'Minimum labour cost' },
} as const;
export type EconomyKey = keyof typeof ECONOMY;

export const SUMMARY_UNITS = {
  wageGrowth: 'share/year',
  wageGap: 'ratio',
  wageGapStart: 'ratio',
  investmentRate: 'share',
  firmsSurviving: 'share',
  laborShare: 'share',
  profitMargin: 'share',
  productivityGrowth: 'share/year',
  passThrough: 'share',
  totalValueAdded: '¥m/year',
  valueAddedGrowth: 'share/year',
  realValueAddedGrowth: 'share/year',
  consumerShareOfCostUps: 'share',
  passThroughSurvey: 'share',
  deepestWageGrowth: 'share/year',
  smeInvestmentRate: 'share',
  firmsSurvivingAll: 'share',
  unmetDemandMax: 'share',
} as const;

export interface Summary {
  /** Per tier: compound yearly growth of the mean wage over the reported period. */
  wageGrowth: number[];
  /** Mean wage of tier 0 / mean wage of the deepest tier, at the horizon and at the start. */
  wageGap: number;
  wageGapStart: number;
  /** Per tier: investment / value added over the reported period. */
  investmentRate: number[];
  /** Per tier: share of the starting firms still in business at the horizon. */
  firmsSurviving: number[];
  /** Per tier, last year: labour share and operating margin. */
  laborShare: (number | null)[];
  profitMargin: (number | null)[];
  /** Per tier: compound yearly growth of mean productivity. */
  productivityGrowth: number[];
  /** Per tier: mean measured pass-through over all rounds (null if never measured). */
  passThrough: (number | null)[];
  /** Value added of all tiers in the last year. */
  totalValueAdded: number;
  valueAddedGrowth: number;
  /** Compound yearly growth of value added at constant final-goods prices (deflated by economy.finalPrice). */
  realValueAddedGrowth: number;
  /**
   * Share of the external cost-ups of the period borne by final consumers;
   * null when the cost-ups are not material (under 0.1% of final sales), as
   * in the deflation years: the share of next to nothing is noise.
   */
  consumerShareOfCostUps: number | null;
  /** Suppliers' pass-through on the survey basis, mean over the rounds measured (economy.passThroughSurvey). */
  passThroughSurvey: number | null;
  /** Headline figures. */
  deepestWageGrowth: number;
  smeInvestmentRate: number;
  firmsSurvivingAll: number;
  /** Largest share of final demand not met in any quarter. */
  unmetDemandMax: number;
}

/**
 * A small sample of the network at the horizon, for a picture: firms of two
 * chains (tiers as rows) and the links among them.
 */
export interface NetworkSample {
  /** Per sampled firm. */
  tier: Uint8Array;
  chain: Int32Array;
  wage: Float64Array; // ¥10k/year
  margin: Float64Array; // operating margin over the last year (NaN if no sales)
  alive: Uint8Array;
  /** Links among sampled firms: supplier and buyer positions in the sample arrays. */
  linkSupplier: Int32Array;
  linkBuyer: Int32Array;
}

export interface SimResult {
  version: string;
  seed: number;
  scenario: Scenario;
  tiers: number;
  quarters: number;
  periods: string[];
  series: Record<SeriesKey, Float64Array[]>;
  economy: Record<EconomyKey, Float64Array>;
  summary: Summary;
  units: Record<string, string>;
  sample: NetworkSample;
}

export interface Timings {
  setupMs: number;
  runMs: number;
}

const UNITS: Record<string, string> = {};
for (const [k, v] of Object.entries(SERIES)) UNITS[`series.${k}`] = v.unit;
for (const [k, v] of Object.entries(ECONOMY)) UNITS[`economy.${k}`] = v.unit;
for (const [k, v] of Object.entries(SUMMARY_UNITS)) UNITS[`summary.${k}`] = v;

/** The unit of every output key (a fresh copy for each result). */
function unitsMap(): Record<string, string> {
  return { ...UNITS };
}

export function periodLabels(startYear: number, quarters: number): string[] {
  const out: string[] = [];
  for (let t = 0; t < quarters; t++) out.push(`${startYear + Math.floor(t / 4)}Q${(t % 4) + 1}`);
  return out;
}

/** A ratio, undefined (NaN) when its denominator is zero or negligible (below ¥0.00001). */
const div = (a: number, b: number) => {
  if (!(b > 1e-9)) return NaN;
  const r = a / b;
  return Number.isFinite(r) ? r : NaN;
};
const toMoney = 1 / 100; // ¥10k -> ¥m

/** Runs the model for the reported period after its burn-in; `now` times set-up and run. */
export function simulate(sc: Scenario, now?: () => number, timings?: Timings): SimResult {
  const t0 = now ? now() : 0;
  const m = createModel(sc);
  const burn = sc.simulation.burnInYears * 4;
  for (let t = -burn; t < 0; t++) step(m, t);
  startReporting(m);
  const t1 = now ? now() : 0;
  const result = run(m);
  if (now && timings) {
    timings.setupMs = t1 - t0;
    timings.runMs = now() - t1;
  }
  return result;
}

/** The survey's mix of respondents: tiers 1 / 2 / 3 and deeper weighted 0.75 / 0.15 / 0.10 (over the tiers measured). */
export const SURVEY_WEIGHTS = [0.75, 0.15, 0.1] as const;

function surveyMix(pt: Float64Array[], t: number, tiers: number): number {
  let s = 0;
  let w = 0;
  for (let k = 1; k < tiers; k++) {
    const v = pt[k][t];
    if (v !== v) continue;
    const wk = k >= 3 ? SURVEY_WEIGHTS[2] / Math.max(1, tiers - 3) : SURVEY_WEIGHTS[k - 1];
    s += wk * v;
    w += wk;
  }
  return w > 0 ? s / w : NaN;
}

/** Pass-through and negotiation outcomes of a round (undefined between rounds). */
function recordRound(
  series: Record<SeriesKey, Float64Array[]>,
  fl: Model['flows'],
  k: number,
  t: number,
  measured: boolean,
): void {
  const n = fl.ptCount[k];
  const item = (j: number) =>
    measured && fl.ptItemCount[3 * k + j] > 0
      ? fl.ptItemSum[3 * k + j] / fl.ptItemCount[3 * k + j]
      : NaN;
  series.passThrough[k][t] = measured ? fl.ptSum[k] / n : NaN;
  series.passThroughSalesWeighted[k][t] = measured ? div(fl.ptSales[k], fl.ptSalesW[k]) : NaN;
  series.passThroughMaterials[k][t] = item(0);
  series.passThroughEnergy[k][t] = item(1);
  series.passThroughLabour[k][t] = item(2);
  series.passThroughFull[k][t] = measured ? fl.ptFull[k] / n : NaN;
  series.passThroughNone[k][t] = measured ? fl.ptNone[k] / n : NaN;
  const sup = measured && k > 0;
  series.negotiationsAsked[k][t] = sup ? fl.asked[k] / n : NaN;
  series.negotiationsRefused[k][t] =
    sup && fl.requests[k] > 0 ? fl.refused[k] / fl.requests[k] : NaN;
  series.settledNotAsked[k][t] = sup ? fl.outNotAsked[k] / n : NaN;
  series.settledRefused[k][t] = sup ? fl.outRefused[k] / n : NaN;
  series.settledPart[k][t] = sup ? fl.outPart[k] / n : NaN;
  series.settledFull[k][t] = sup ? fl.outFull[k] / n : NaN;
}

function run(m: Model): SimResult {
  const sc = m.sc;
  // Read before the quarter loop: scenarios built in different places have
  // different hidden classes, and a read after the loop would deoptimise it.
  const seed = sc.seed;
  const startYear = sc.simulation.startYear;
  const tiers = m.tiers;
  const Q = m.paths.quarters;
  // Every series and economy array is a view of one buffer (one allocation instead of ~90).
  const seriesKeys = Object.keys(SERIES) as SeriesKey[];
  const economyKeys = Object.keys(ECONOMY) as EconomyKey[];
  const all = new Float64Array((seriesKeys.length * tiers + economyKeys.length) * Q);
  let at = 0;
  const view = () => all.subarray(at, (at += Q));
  const series = {} as Record<SeriesKey, Float64Array[]>;
  for (const k of seriesKeys) {
    const perTier: Float64Array[] = [];
    for (let i = 0; i < tiers; i++) perTier.push(view());
    series[k] = perTier;
  }
  const economy = {} as Record<EconomyKey, Float64Array>;
  for (const k of economyKeys) economy[k] = view();
  const fl = m.flows;
  const startFirms = new Float64Array(tiers);
  for (let k = 0; k < tiers; k++) startFirms[k] = m.net.tierStart[k + 1] - m.net.tierStart[k];
  const prod0 = new Float64Array(tiers);
  const out0 = new Float64Array(tiers);
  let demand0 = 1;
  const invSum = new Float64Array(tiers);
  const vaSum = new Float64Array(tiers);
  const ptSum = new Float64Array(tiers);
  const ptN = new Float64Array(tiers);
  let extSum = 0;
  let consSum = 0;
  let unmetMax = 0;
  for (let t = 0; t < Q; t++) {
    step(m, t);
    let va = 0;
    for (let k = 0; k < tiers; k++) {
      const emp = fl.employment[k];
      series.firms[k][t] = fl.firms[k];
      series.employment[k][t] = emp;
      series.wage[k][t] = div(fl.wageSum[k], emp);
      series.valueAdded[k][t] = fl.valueAdded[k] * toMoney;
      series.valueAddedPerWorker[k][t] = div(4 * fl.valueAdded[k], emp);
      series.laborShare[k][t] = div(fl.wageBill[k], fl.valueAdded[k]);
      series.investment[k][t] = fl.investment[k] * toMoney;
      series.investmentRate[k][t] = div(fl.investment[k], fl.valueAdded[k]);
      series.profitMargin[k][t] = div(fl.opProfit[k], fl.revenue[k]);
      const measured = m.econ.round && fl.ptCount[k] > 0;
      recordRound(series, fl, k, t, measured);
      series.dependentShare[k][t] = k > 0 ? div(fl.dependent[k], fl.suppliers[k]) : NaN;
      series.costUp[k][t] = fl.costUp[k] * toMoney;
      series.costUpAbsorbed[k][t] = (fl.costUp[k] - fl.passedOn[k]) * toMoney;
      series.costUpAbsorbedMaterials[k][t] = fl.absorbedItem[5 * k] * toMoney;
      series.costUpAbsorbedEnergy[k][t] = fl.absorbedItem[5 * k + 1] * toMoney;
      series.costUpAbsorbedLabour[k][t] = fl.absorbedItem[5 * k + 2] * toMoney;
      series.costUpAbsorbedOther[k][t] = fl.absorbedItem[5 * k + 3] * toMoney;
      series.exitsInsolvency[k][t] = fl.exitsInsolvency[k];
      series.exitsSuccession[k][t] = fl.exitsSuccession[k];
      series.cash[k][t] = fl.cash[k] * toMoney;
      if (t === 0) {
        prod0[k] = div(fl.prodSum[k], emp) || 1;
        out0[k] = fl.output[k] || 1;
      }
      series.productivity[k][t] = div(fl.prodSum[k], emp) / prod0[k];
      series.output[k][t] = fl.output[k] / out0[k];
      series.capital[k][t] = fl.capital[k] * toMoney;
      series.exits[k][t] = fl.exits[k];
      series.entries[k][t] = fl.entries[k];
      va += fl.valueAdded[k];
      invSum[k] += fl.investment[k];
      vaSum[k] += fl.valueAdded[k];
      if (measured) {
        ptSum[k] += series.passThrough[k][t];
        ptN[k] += 1;
      }
    }
    const e = m.econ;
    if (t === 0) demand0 = e.demand || 1;
    economy.valueAdded[t] = va * toMoney;
    economy.finalSales[t] = e.finalSales * toMoney;
    economy.energyCost[t] = e.energyCost * toMoney;
    economy.materialsCost[t] = e.materialsCost * toMoney;
    economy.otherCost[t] = e.otherCost * toMoney;
    economy.externalCostUpMaterials[t] = e.externalItem[0] * toMoney;
    economy.externalCostUpEnergy[t] = e.externalItem[1] * toMoney;
    economy.externalCostUpLabour[t] = e.externalItem[2] * toMoney;
    economy.externalCostUpOther[t] = e.externalItem[3] * toMoney;
    economy.consumerBurdenMaterials[t] = e.consumerItem[0] * toMoney;
    economy.consumerBurdenEnergy[t] = e.consumerItem[1] * toMoney;
    economy.consumerBurdenLabour[t] = e.consumerItem[2] * toMoney;
    economy.consumerBurdenOther[t] = e.consumerItem[3] * toMoney;
    economy.unmetDemand[t] = e.unmet;
    economy.passThroughSurvey[t] = surveyMix(series.passThrough, t, tiers);
    if (e.unmet > unmetMax) unmetMax = e.unmet;
    economy.finalPrice[t] = e.finalPrice / m.P0;
    economy.employment[t] = e.employment;
    economy.unemployment[t] = e.laborForce > 0 ? Math.max(0, 1 - e.employment / e.laborForce) : NaN;
    economy.externalCostUp[t] =
      (e.externalItem[0] + e.externalItem[1] + e.externalItem[2] + e.externalItem[3]) * toMoney;
    economy.consumerBurden[t] = e.consumerBurden * toMoney;
    economy.publicCost[t] = e.publicCost * toMoney;
    economy.realDemand[t] = e.demand / demand0;
    economy.generalPrice[t] = m.paths.cpi[t];
    economy.energyPrice[t] = m.paths.energy[t];
    economy.materialsPrice[t] = m.paths.materials[t];
    economy.minimumWage[t] = m.paths.minimumWage[t];
    extSum += e.externalItem[0] + e.externalItem[1] + e.externalItem[2] + e.externalItem[3];
    consSum += e.consumerBurden;
  }
  const summary = summarise(
    m,
    series,
    economy,
    startFirms,
    invSum,
    vaSum,
    ptSum,
    ptN,
    extSum,
    consSum,
  );
  summary.unmetDemandMax = unmetMax;
  return {
    version: MODEL_VERSION,
    seed,
    scenario: sc,
    tiers,
    quarters: Q,
    periods: periodLabels(startYear, Q),
    series,
    economy,
    summary,
    units: unitsMap(),
    sample: sampleNetwork(m),
  };
}

/**
 * Per tier at most 2, 6, 12, 24, ... firms, split evenly between the first two
 * chains (home pyramids), and the links among them.
 */
function sampleNetwork(m: Model, maxPerTier = [2, 6, 12, 24, 24, 24]): NetworkSample {
  const { chain, chainFirst, chainCount, nChains } = m.net;
  const chains = Math.min(2, nChains);
  const picked: number[] = [];
  // Position of each sampled firm in the sample, -1 for the others.
  const pos = new Int32Array(m.nFirms).fill(-1);
  for (let k = 0; k < m.tiers; k++) {
    const per = Math.max(1, Math.floor(maxPerTier[k] / chains));
    for (let c = 0; c < chains; c++) {
      const idx = k * nChains + c;
      const n = Math.min(per, chainCount[idx]);
      for (let j = 0; j < n; j++) {
        const i = chainFirst[idx] + j;
        pos[i] = picked.length;
        picked.push(i);
      }
    }
  }
  const linkS: number[] = [];
  const linkB: number[] = [];
  const { sup, buy, alive } = m;
  for (let l = 0; l < m.nLinks; l++) {
    const s = sup[l];
    const bb = buy[l];
    // Only the first `chains` home chains are sampled: most links are ruled out without a lookup.
    if (chain[s] >= chains || chain[bb] >= chains) continue;
    const a = pos[s];
    const b = pos[bb];
    if (a >= 0 && b >= 0 && alive[s] && alive[bb]) {
      linkS.push(a);
      linkB.push(b);
    }
  }
  const n = picked.length;
  const tier = new Uint8Array(n);
  const chainOf = new Int32Array(n);
  const wage = new Float64Array(n);
  const margin = new Float64Array(n);
  const aliveOf = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    const i = picked[j];
    tier[j] = m.net.tierOf[i];
    chainOf[j] = chain[i];
    wage[j] = m.w[i];
    margin[j] = m.rev4[i] > 0 ? m.op4[i] / m.rev4[i] : NaN;
    aliveOf[j] = alive[i];
  }
  return {
    tier,
    chain: chainOf,
    wage,
    margin,
    alive: aliveOf,
    linkSupplier: Int32Array.from(linkS),
    linkBuyer: Int32Array.from(linkB),
  };
}

/** Mean of the finite values (null if none). */
function meanFinite(a: Float64Array): number | null {
  let s = 0;
  let n = 0;
  for (let t = 0; t < a.length; t++) {
    if (!Number.isFinite(a[t])) continue;
    s += a[t];
    n++;
  }
  return n > 0 ? s / n : null;
}

/** Mean of the last year's finite values (null if none). */
function lastYearMean(a: Float64Array): number | null {
  return meanFinite(a.subarray(Math.max(0, a.length - 4)));
}

function summarise(
  m: Model,
  series: Record<SeriesKey, Float64Array[]>,
  economy: Record<EconomyKey, Float64Array>,
  startFirms: Float64Array,
  invSum: Float64Array,
  vaSum: Float64Array,
  ptSum: Float64Array,
  ptN: Float64Array,
  extSum: number,
  consSum: number,
): Summary {
  const tiers = m.tiers;
  const Q = m.paths.quarters;
  const years = Q / 4;
  const last = Q - 1;
  const cagr = (a: number, b: number) => (a > 0 && b > 0 ? Math.pow(b / a, 1 / years) - 1 : NaN);
  const wageGrowth: number[] = [];
  const investmentRate: number[] = [];
  const firmsSurviving: number[] = [];
  const productivityGrowth: number[] = [];
  const passThrough: (number | null)[] = [];
  const laborShare: (number | null)[] = [];
  const profitMargin: (number | null)[] = [];
  let originalAlive = 0;
  for (let k = 0; k < tiers; k++) {
    wageGrowth.push(cagr(series.wage[k][0], series.wage[k][last]));
    investmentRate.push(div(invSum[k], vaSum[k]));
    let orig = 0;
    for (let i = m.net.tierStart[k], iEnd = m.net.tierStart[k + 1]; i < iEnd; i++)
      orig += m.original[i] && m.alive[i] ? 1 : 0;
    originalAlive += orig;
    firmsSurviving.push(orig / startFirms[k]);
    productivityGrowth.push(cagr(series.productivity[k][0], series.productivity[k][last]));
    passThrough.push(ptN[k] > 0 ? ptSum[k] / ptN[k] : null);
    laborShare.push(lastYearMean(series.laborShare[k]));
    profitMargin.push(lastYearMean(series.profitMargin[k]));
  }
  let vaLast = 0;
  let vaFirst = 0;
  for (let t = Math.max(0, Q - 4); t < Q; t++) vaLast += economy.valueAdded[t];
  for (let t = 0; t < Math.min(4, Q); t++) vaFirst += economy.valueAdded[t];
  // At constant prices: value added deflated by the final-goods price index.
  let realLast = 0;
  let realFirst = 0;
  for (let t = Math.max(0, Q - 4); t < Q; t++)
    realLast += economy.valueAdded[t] / economy.finalPrice[t];
  for (let t = 0; t < Math.min(4, Q); t++)
    realFirst += economy.valueAdded[t] / economy.finalPrice[t];
  let salesSum = 0;
  for (let t = 0; t < Q; t++) salesSum += economy.finalSales[t];
  const T = tiers - 1;
  let smeInv = 0;
  let smeVa = 0;
  for (let k = 0; k < tiers; k++) {
    if (isSmallTier(k, tiers)) {
      smeInv += invSum[k];
      smeVa += vaSum[k];
    }
  }
  return {
    wageGrowth,
    wageGap: series.wage[0][last] / series.wage[T][last],
    wageGapStart: series.wage[0][0] / series.wage[T][0],
    investmentRate,
    firmsSurviving,
    laborShare,
    profitMargin,
    productivityGrowth,
    passThrough,
    totalValueAdded: vaLast,
    valueAddedGrowth: Q >= 8 ? cagr(vaFirst, vaLast) : NaN,
    realValueAddedGrowth: Q >= 8 ? cagr(realFirst, realLast) : NaN,
    consumerShareOfCostUps: extSum * toMoney > 1e-3 * salesSum ? consSum / extSum : null,
    passThroughSurvey: meanFinite(economy.passThroughSurvey),
    deepestWageGrowth: wageGrowth[T],
    smeInvestmentRate: div(smeInv, smeVa),
    firmsSurvivingAll: originalAlive / m.nFirms,
    unmetDemandMax: 0,
  };
}

/** Plain JSON (numbers and null) of a result; NaN and infinities become null. */
export function toJSON(r: SimResult): Record<string, unknown> {
  const arr = (a: Float64Array) => Array.from(a, (x) => (Number.isFinite(x) ? x : null));
  const clean = (x: unknown): unknown =>
    typeof x === 'number' ? (Number.isFinite(x) ? x : null) : Array.isArray(x) ? x.map(clean) : x;
  const series: Record<string, (number | null)[][]> = {};
  for (const [k, v] of Object.entries(r.series)) series[k] = v.map(arr);
  const economy: Record<string, (number | null)[]> = {};
  for (const [k, v] of Object.entries(r.economy)) economy[k] = arr(v);
  const summary: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r.summary)) summary[k] = clean(v);
  return {
    version: r.version,
    seed: r.seed,
    scenario: r.scenario,
    tiers: r.tiers,
    periods: r.periods,
    series,
    economy,
    summary,
    units: r.units,
    sample: {
      tier: Array.from(r.sample.tier),
      chain: Array.from(r.sample.chain),
      wage: arr(r.sample.wage),
      margin: arr(r.sample.margin),
      alive: Array.from(r.sample.alive),
      linkSupplier: Array.from(r.sample.linkSupplier),
      linkBuyer: Array.from(r.sample.linkBuyer),
    },
  };
}
