/**
 * The model's state: firm fields as one typed array each, links as flat typed
 * arrays (compressed by buyer tier, see network.ts), per-tier accumulators for
 * the recorder, and every scratch array, named for the phase that uses it.
 * Everything is allocated once in createModel(): step() allocates nothing.
 * docs/model.md is the contract for every field's meaning.
 */
import { generateNetwork, type Network } from './network.ts';
import { buildPaths, type Paths } from './paths.ts';
import type { Scenario } from './params.ts';
import { Rng } from './rng.ts';
import type { InvestRule } from './investment.ts';
import type { QuarterLevels } from './accounting.ts';
import type { QuarterPrices } from './production.ts';

/** Cost items of a claim and of the cost-up accounts (docs/model.md section 6). */
export const ITEMS = ['materials', 'energy', 'labour', 'parts', 'other'] as const;
export type Item = (typeof ITEMS)[number];
/** External cost items (the parts item is other firms' pass-on) plus margin moves. */
export const EXTERNAL_ITEMS = ['materials', 'energy', 'labour', 'other'] as const;
export const N_EXT = 4; // materials, energy, labour, other; index 4 = margin moves (cuts, scarcity, re-quotes)

/** Per-tier accumulators written by step() for the recorder. */
export interface TierFlows {
  firms: Float64Array;
  employment: Float64Array;
  wageBill: Float64Array; // ¥10k per quarter
  wageSum: Float64Array; // sum of w * L
  valueAdded: Float64Array;
  revenue: Float64Array;
  opProfit: Float64Array;
  investment: Float64Array;
  costUp: Float64Array;
  passedOn: Float64Array;
  /** Absorbed cost-ups by external item (tiers x 5: materials, energy, labour, other, margin). */
  absorbedItem: Float64Array;
  // Pass-through measurement at rounds, per supplier (survey basis).
  ptSum: Float64Array; // sum over measured suppliers of their pass-through
  ptSales: Float64Array; // sum of sales x pass-through
  ptSalesW: Float64Array; // sum of sales
  ptCount: Float64Array; // suppliers with a material cost-up
  ptFull: Float64Array;
  ptNone: Float64Array;
  ptItemSum: Float64Array; // tiers x 3 (materials, energy, labour)
  ptItemCount: Float64Array;
  asked: Float64Array; // measured suppliers that asked
  requests: Float64Array; // links asked
  refused: Float64Array; // links refused
  outNotAsked: Float64Array;
  outRefused: Float64Array;
  outPart: Float64Array;
  outFull: Float64Array;
  dependent: Float64Array; // suppliers selling more than 30% to their largest customer
  suppliers: Float64Array; // live suppliers with sales
  output: Float64Array;
  prodSum: Float64Array; // sum of A * L
  capital: Float64Array;
  exits: Float64Array;
  exitsInsolvency: Float64Array;
  exitsSuccession: Float64Array;
  entries: Float64Array;
  cash: Float64Array;
  interest: Float64Array;
}

export interface EconomyFlows {
  finalSales: number;
  energyCost: number;
  materialsCost: number;
  otherCost: number;
  externalCostUp: number;
  consumerBurden: number;
  publicCost: number; // investment subsidies paid by the state this quarter
  externalItem: Float64Array; // 5: materials, energy, labour, other, margin (0)
  consumerItem: Float64Array;
  finalPrice: number; // output-weighted tier-0 price
  demand: number;
  sold: number; // final goods sold by tier 0
  laborForce: number;
  employment: number;
  minimumWage: number;
  unmet: number; // share of final demand not met this quarter
  round: boolean;
}

export interface Model {
  sc: Scenario;
  net: Network;
  paths: Paths;
  rng: Rng;
  tiers: number;
  nFirms: number;
  nLinks: number;
  /** Policy levers in force this quarter (the scenario's policy with the timeline applied). */
  pol: Scenario['policy'];
  nextEvent: number; // index into events (sorted by quarter)
  events: { quarter: number; lever: string; value: number }[];
  quartersPerRound: number;
  rule: InvestRule;
  yearQuarters: number; // quarters summed in va4 etc. since the last wage round
  util: number; // normal utilisation 1 - spare capacity
  deltaQ: number; // depreciation per quarter
  // ---- firm state
  alive: Uint8Array;
  original: Uint8Array; // still the firm that was there at the start
  distress: Int32Array; // consecutive quarters without cash and credit (or negative equity)
  declared: Uint8Array; // buyer with a partnership declaration (drawn against declU)
  declU: Float64Array; // each buyer's uniform draw for declarations
  L: Float64Array;
  w: Float64Array; // labour cost per worker, ¥10k/year
  A: Float64Array; // output per worker per quarter (units)
  Aref: Float64Array; // lagged productivity: reference of gain sharing in re-quotes
  Aprev: Float64Array; // productivity at the last wage round
  A0: Float64Array; // productivity at the start of the reported period
  K: Float64Array;
  E: Float64Array; // equity
  AR: Float64Array; // receivables
  AP: Float64Array; // payables
  u: Float64Array; // uniqueness
  baseL: Float64Array;
  outShare: Float64Array; // share of output sold outside the modelled chains
  directBase: Float64Array; // outside demand at base prices (units/quarter)
  directPrice: Float64Array;
  directPricePrev: Float64Array;
  directPrice0: Float64Array;
  directFactor: Float64Array;
  finalPrice: Float64Array;
  finalPricePrev: Float64Array;
  finalPriceRound: Float64Array;
  finalPrice0: Float64Array; // cost-plus price at the start: the market price at base prices
  keep: Float64Array; // share of its savings a firm expects to keep (hold-up), set at rounds
  investRate: Float64Array; // desired investment rate before the margin factor (updateInvestRates)
  fresh: Uint8Array; // entered since the last cost computation (its round basis is set then)
  nFresh: number;
  // Unit costs by item at the last round (pass-through measurement).
  rMat: Float64Array;
  rEn: Float64Array;
  rOth: Float64Array;
  rParts: Float64Array;
  rW: Float64Array;
  rA: Float64Array;
  inDeg: Int32Array;
  outDeg: Int32Array;
  spill: Float64Array;
  degreesChanged: boolean;
  va4: Float64Array; // sums since the last wage round
  dep4: Float64Array;
  rev4: Float64Array;
  op4: Float64Array;
  vac4: Float64Array; // vacancies as a share of employment, summed since the last wage round
  // ---- costs (computeCosts)
  mat: Float64Array; // per unit
  en: Float64Array;
  oth: Float64Array;
  parts: Float64Array; // input price (mean link price of live suppliers, or spot)
  labU: Float64Array; // labour per unit at normal utilisation
  capU: Float64Array; // depreciation per unit at normal utilisation
  unitCost: Float64Array;
  lagCost: Float64Array;
  inputSum: Float64Array;
  wSum: Float64Array;
  linksChanged: boolean;
  // ---- production (produce, reallocate)
  capacity: Float64Array;
  spare: Float64Array;
  acceptedShare: Float64Array; // accepted / ordered (downward pass)
  deliveredShare: Float64Array; // made / planned (upward pass)
  request: Float64Array; // reallocation requests per supplier, then the share granted
  shortB: Float64Array; // per buyer: unaccepted orders (reallocation)
  spareB: Float64Array; // per buyer: its suppliers' spare capacity (reallocation)
  orderPerLink: Float64Array;
  reallocated: Uint8Array;
  orders: Float64Array;
  planned: Float64Array;
  x: Float64Array;
  spot: Float64Array;
  recv: Float64Array;
  directDemand: Float64Array;
  directSold: Float64Array;
  tierShort: Float64Array; // per tier: unfilled share of orders this quarter
  tierShortRound: Float64Array; // per tier: mean unfilled share over the quarters before the last round
  tierShortAcc: Float64Array; // per tier: sum of unfilled shares since the last round
  linkScarcity: Float64Array; // per tier: scarcity premium on the links into it (a factor 1 + S on the contract price)
  scarcityPrev: Float64Array; // scratch of a round: the premiums before it
  shortQuarters: number;
  scarcity: number; // tier 0's scarcity markup on the final price
  // ---- accounts (updateFirms)
  revenue: Float64Array;
  purchases: Float64Array;
  linkSales: Float64Array;
  va: Float64Array;
  opProfit: Float64Array;
  interest: Float64Array;
  support: Float64Array; // received from buyers
  supportGiven: Float64Array;
  invest: Float64Array;
  cash: Float64Array;
  costUp: Float64Array;
  passed: Float64Array;
  /** Per firm x 5: cost-ups met by item (materials, energy, labour, other, margin). */
  cuItem: Float64Array;
  wPrev: Float64Array;
  // ---- labour (updateFirms, closeQuarter)
  appeal: Float64Array;
  vacancies: Float64Array;
  hireWeight: Float64Array;
  hires: number;
  hireWeightSum: number;
  // ---- negotiation (negotiate)
  topSale: Float64Array; // sales to the largest customer last quarter (dependency = topSale / revenue)
  squeeze: Float64Array;
  asks: Uint8Array; // supplier asks at this round
  ptNum: Float64Array; // per supplier x 5 items: recovered cost-up
  ptDen: Float64Array; // per supplier: sales on links
  settled: Uint8Array; // per supplier: some request answered
  answerP: Float64Array; // per buyer: probability of answering a request this round
  credible: Uint8Array; // per supplier: its exit is credible (reservation price binds)
  savings: Float64Array; // per supplier: unit-cost saving from productivity since the last round
  cuRound: Float64Array; // per supplier x 5 items: unit-cost increase since the last round
  cuTotal: Float64Array; // per supplier: sum of the positive items of cuRound
  betaSales: Float64Array; // per supplier: sum of link sales x bargaining power (for keep)
  salesSum: Float64Array; // per supplier: sum of link sales
  // ---- link state
  sup: Int32Array;
  buy: Int32Array;
  weight: Float64Array;
  price: Float64Array;
  pricePrev: Float64Array;
  ord: Float64Array;
  alloc: Float64Array;
  q: Float64Array;
  requote: Uint8Array; // the link gets a new contract at the next round (re-sourced)
  /** The supplier's unit costs by item when the link's price was last agreed (claims basis). */
  bMat: Float64Array;
  bEn: Float64Array;
  bOth: Float64Array;
  bParts: Float64Array;
  bW: Float64Array;
  bA: Float64Array;
  // ---- per-tier constants
  tierA0: Float64Array;
  tierW0: Float64Array;
  tierKL0: Float64Array;
  tierU0: Float64Array;
  matInt: Float64Array; // materials per unit of tier k (share of final price)
  wageNorm: Float64Array;
  spotBase: Float64Array;
  altCost: Float64Array; // per tier: mean unit cost of live firms (the buyers' outside option)
  tierMarginYear: Float64Array;
  tierShortYear: Float64Array;
  // ---- economy
  D0: number;
  P0: number;
  laborForce0: number;
  /** People available to the modelled industry: the trend labour force, less job seekers who left for other industries. */
  pool: number;
  qualityW: Float64Array;
  flows: TierFlows;
  econ: EconomyFlows;
  prevEnergy: number;
  prevMaterials: number;
  prevOther: number;
  /** Share of final demand beyond tier 0's own capacity this quarter (what its scarcity markup follows). */
  capUnmet: number;
  spotNow: Float64Array;
  spotPrev: Float64Array;
  /** The quarter's price levels and price changes (step() sets them; allocated once). */
  levels: QuarterLevels;
  quarterPrices: QuarterPrices;
}

function tierFlows(tiers: number): TierFlows {
  const f = () => new Float64Array(tiers);
  return {
    firms: f(),
    employment: f(),
    wageBill: f(),
    wageSum: f(),
    valueAdded: f(),
    revenue: f(),
    opProfit: f(),
    investment: f(),
    costUp: f(),
    passedOn: f(),
    absorbedItem: new Float64Array(tiers * 5),
    ptSum: f(),
    ptSales: f(),
    ptSalesW: f(),
    ptCount: f(),
    ptFull: f(),
    ptNone: f(),
    ptItemSum: new Float64Array(tiers * 3),
    ptItemCount: new Float64Array(tiers * 3),
    asked: f(),
    requests: f(),
    refused: f(),
    outNotAsked: f(),
    outRefused: f(),
    outPart: f(),
    outFull: f(),
    dependent: f(),
    suppliers: f(),
    output: f(),
    prodSum: f(),
    capital: f(),
    exits: f(),
    exitsInsolvency: f(),
    exitsSuccession: f(),
    entries: f(),
    cash: f(),
    interest: f(),
  };
}

/**
 * Numeric fields that will hold fractions start as doubles: a field first
 * set to a small integer (a Smi) and later to a fraction changes the
 * representation of the model's hidden class, and every function compiled
 * against it is deoptimised, again for each new model. -0 is a double;
 * such fields are set to their values after creation.
 */
const DOUBLE_ZERO = -0;

/** The policy levers in force, in an object whose fields are always doubles (booleans stay booleans). */
function policyCopy(p: Scenario['policy']): Scenario['policy'] {
  return Object.assign({}, p);
}

/** Starts the sums of a wage-round year (value added, depreciation, revenue, profit, vacancies). */
export function resetYearSums(m: Model): void {
  m.va4.fill(0);
  m.dep4.fill(0);
  m.rev4.fill(0);
  m.op4.fill(0);
  m.vac4.fill(0);
  m.yearQuarters = 0;
}

export const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);

/** Depth of tier k as a share of the deepest tier (0 at tier 0, 1 at tier T). */
export function depth(k: number, tiers: number): number {
  return tiers > 1 ? k / (tiers - 1) : 0;
}

/** Small firms: tier 2 and deeper (the deepest tier when there is only one supplier tier). */
export function isSmallTier(k: number, tiers: number): boolean {
  return k >= Math.min(2, tiers - 1);
}

/**
 * Bargaining power of supplier s on a link with dependency D: low for a
 * captive (D -> 1) or replaceable (u -> 0) supplier. The one formula of it.
 */
export function bargainingPower(sc: Scenario, D: number, u: number): number {
  const b = sc.bargaining;
  return power(b.betaMin, b.betaMax - b.betaMin, D, u);
}

/** bargainingPower() on its parameters (for loops that hold them in locals). */
export function power(betaMin: number, betaRange: number, D: number, u: number): number {
  return clamp(betaMin + betaRange * (1 - D) * u, 0, 1);
}

/** The margin a re-quote gives a supplier of power beta. */
export function bargainedMargin(sc: Scenario, beta: number): number {
  const b = sc.bargaining;
  return b.marginMin + (b.marginMax - b.marginMin) * beta;
}

/** Share of a shock-free yen of savings a firm of power beta keeps at once (gain sharing g). */
export function keptGainShare(g: number, beta: number): number {
  return g + (1 - g) * beta;
}

export function createState(sc: Scenario): Model {
  const rng = new Rng(sc.seed);
  const net = generateNetwork(sc.network, rng);
  const paths = buildPaths(sc);
  const { tiers, nFirms, nLinks } = net;
  const F = () => new Float64Array(nFirms);
  const Lk = () => new Float64Array(nLinks);
  const T1 = () => new Float64Array(tiers);
  const spotNow = T1();
  const spotPrev = T1();
  const events = sc.policyEvents
    .map((e) => ({ quarter: Math.round(e.start * 4), lever: e.lever, value: e.value }))
    .sort((a, b) => a.quarter - b.quarter);
  const m: Model = {
    sc,
    net,
    paths,
    rng,
    tiers,
    nFirms,
    nLinks,
    pol: policyCopy(sc.policy),
    nextEvent: 0,
    events,
    quartersPerRound: 4 / sc.simulation.roundsPerYear,
    rule: { base: DOUBLE_ZERO, eta: DOUBLE_ZERO, value: T1(), efficiency: T1() },
    yearQuarters: 0,
    util: 1 - sc.firms.spareCapacity + DOUBLE_ZERO,
    deltaQ: sc.firms.depreciation / 4 + DOUBLE_ZERO,
    alive: new Uint8Array(nFirms).fill(1),
    original: new Uint8Array(nFirms).fill(1),
    distress: new Int32Array(nFirms),
    declared: new Uint8Array(nFirms),
    declU: F(),
    L: F(),
    w: F(),
    A: F(),
    Aref: F(),
    Aprev: F(),
    A0: F(),
    K: F(),
    E: F(),
    AR: F(),
    AP: F(),
    u: F(),
    baseL: F(),
    outShare: F(),
    directBase: F(),
    directPrice: F(),
    directPricePrev: F(),
    directPrice0: F(),
    directFactor: F().fill(1),
    finalPrice: F(),
    finalPricePrev: F(),
    finalPriceRound: F(),
    finalPrice0: F(),
    keep: F().fill(1),
    investRate: F(),
    fresh: new Uint8Array(nFirms),
    nFresh: 0,
    rMat: F(),
    rEn: F(),
    rOth: F(),
    rParts: F(),
    rW: F(),
    rA: F(),
    inDeg: new Int32Array(nFirms),
    outDeg: new Int32Array(nFirms),
    spill: F(),
    degreesChanged: true,
    va4: F(),
    dep4: F(),
    rev4: F(),
    op4: F(),
    vac4: F(),
    mat: F(),
    en: F(),
    oth: F(),
    parts: F(),
    labU: F(),
    capU: F(),
    unitCost: F(),
    lagCost: F(),
    inputSum: F(),
    wSum: F(),
    linksChanged: true,
    capacity: F(),
    spare: F(),
    acceptedShare: F(),
    deliveredShare: F(),
    request: F(),
    shortB: F(),
    spareB: F(),
    orderPerLink: F(),
    reallocated: new Uint8Array(tiers),
    orders: F(),
    planned: F(),
    x: F(),
    spot: F(),
    recv: F(),
    directDemand: F(),
    directSold: F(),
    tierShort: T1(),
    tierShortRound: T1(),
    tierShortAcc: T1(),
    linkScarcity: T1(),
    scarcityPrev: T1(),
    shortQuarters: 0,
    scarcity: DOUBLE_ZERO,
    revenue: F(),
    purchases: F(),
    linkSales: F(),
    va: F(),
    opProfit: F(),
    interest: F(),
    support: F(),
    supportGiven: F(),
    invest: F(),
    cash: F(),
    costUp: F(),
    passed: F(),
    cuItem: new Float64Array(nFirms * 5),
    wPrev: F(),
    appeal: F().fill(1),
    vacancies: F(),
    hireWeight: F(),
    hires: DOUBLE_ZERO,
    hireWeightSum: DOUBLE_ZERO,
    topSale: F(),
    squeeze: F(),
    asks: new Uint8Array(nFirms),
    ptNum: new Float64Array(nFirms * 5),
    ptDen: F(),
    settled: new Uint8Array(nFirms),
    answerP: F(),
    credible: new Uint8Array(nFirms),
    savings: F(),
    cuRound: new Float64Array(nFirms * 5),
    cuTotal: F(),
    betaSales: F(),
    salesSum: F(),
    sup: net.sup,
    buy: net.buy,
    weight: Float64Array.from(net.weight),
    price: Lk(),
    pricePrev: Lk(),
    ord: Lk(),
    alloc: Lk(),
    q: Lk(),
    requote: new Uint8Array(nLinks),
    bMat: Lk(),
    bEn: Lk(),
    bOth: Lk(),
    bParts: Lk(),
    bW: Lk(),
    bA: Lk(),
    tierA0: T1(),
    tierW0: T1(),
    tierKL0: T1(),
    tierU0: T1(),
    matInt: T1(),
    wageNorm: T1(),
    spotBase: T1(),
    altCost: T1(),
    tierMarginYear: T1(),
    tierShortYear: T1(),
    D0: DOUBLE_ZERO,
    P0: DOUBLE_ZERO,
    laborForce0: DOUBLE_ZERO,
    pool: DOUBLE_ZERO,
    qualityW: F(),
    flows: tierFlows(tiers),
    econ: {
      finalSales: DOUBLE_ZERO,
      energyCost: DOUBLE_ZERO,
      materialsCost: DOUBLE_ZERO,
      otherCost: DOUBLE_ZERO,
      externalCostUp: DOUBLE_ZERO,
      consumerBurden: DOUBLE_ZERO,
      publicCost: DOUBLE_ZERO,
      externalItem: new Float64Array(5),
      consumerItem: new Float64Array(5),
      finalPrice: DOUBLE_ZERO,
      demand: DOUBLE_ZERO,
      sold: DOUBLE_ZERO,
      laborForce: DOUBLE_ZERO,
      employment: DOUBLE_ZERO,
      minimumWage: sc.labor.minimumWage + DOUBLE_ZERO,
      unmet: DOUBLE_ZERO,
      round: false,
    },
    prevEnergy: DOUBLE_ZERO,
    prevMaterials: DOUBLE_ZERO,
    prevOther: DOUBLE_ZERO,
    capUnmet: DOUBLE_ZERO,
    spotNow,
    spotPrev,
    levels: { pe: DOUBLE_ZERO, pm: DOUBLE_ZERO, po: DOUBLE_ZERO },
    quarterPrices: {
      round: false,
      dMat: DOUBLE_ZERO,
      dEn: DOUBLE_ZERO,
      dOth: DOUBLE_ZERO,
      spotNow,
      spotPrev,
    },
  };
  m.P0 = 1;
  m.econ.finalPrice = 1;
  m.prevEnergy = m.prevMaterials = m.prevOther = 1;
  m.rule.eta = 1;
  return m;
}
