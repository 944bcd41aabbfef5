/**
 * The model: firm state as one typed array per field, links as flat typed
 * arrays (the float fields of firms and of links are views of one buffer each,
 * which the hot loops index directly: see FIRM_FIELDS), and the quarterly
 * step. docs/model.md is the contract for every equation here. No allocation
 * happens inside step(); every scratch array is allocated once in createModel().
 */
import { generateNetwork, type Network } from './network.ts';
import { buildPaths, type Paths } from './paths.ts';
import type { Scenario } from './params.ts';
import { Rng } from './rng.ts';

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
  ptWeighted: Float64Array; // sum of weight * clamped pass-through
  ptWeight: Float64Array;
  ptCount: Float64Array;
  ptFull: Float64Array;
  ptNone: Float64Array;
  output: Float64Array;
  prodSum: Float64Array; // sum of A * L
  capital: Float64Array;
  exits: Float64Array;
  entries: Float64Array;
}

export interface EconomyFlows {
  finalSales: number;
  energyCost: number;
  materialsCost: number;
  externalCostUp: number;
  consumerBurden: number;
  finalPrice: number; // quantity-weighted tier-0 price
  demand: number;
  laborForce: number;
  employment: number;
  round: boolean;
}

/**
 * The per-firm float fields, stored one after another in one buffer (Model.fb,
 * field f of firm i at fo[f] + i), and the per-link ones likewise (Model.lb,
 * lo). The named arrays of the model (m.L, m.price, ...) are views of these
 * buffers; the hot loops index the buffers directly, so that a loop touching
 * many fields reads one array (V8 loads an array's base and length once per
 * array and iteration). The offset objects are copied from these literals with
 * Object.assign: every copy then has the same hidden class, where a spread copy
 * changed class once its inline cache warmed up (about the ninth model) and
 * deoptimised every function of the step.
 */
const FIRM_OFFSETS = {
  L: 0,
  w: 0,
  A: 0,
  Aref: 0,
  Aprev: 0,
  Around: 0,
  K: 0,
  E: 0,
  u: 0,
  directBase: 0,
  directPrice: 0,
  directPricePrev: 0,
  finalPrice: 0,
  finalPricePrev: 0,
  finalPriceRound: 0,
  baseL: 0,
  unitCost: 0,
  lagCost: 0,
  fixedCost: 0,
  perWorker: 0,
  directDemand: 0,
  directSold: 0,
  directPrice0: 0,
  A0: 0,
  scratchD: 0,
  orderShare: 0,
  accepted: 0,
  directFactor: 0,
  appeal: 0,
  spill: 0,
  roundCost: 0,
  inputPrice: 0,
  inputSum: 0,
  wSum: 0,
  orders: 0,
  planned: 0,
  x: 0,
  spot: 0,
  recv: 0,
  revenue: 0,
  purchases: 0,
  va: 0,
  opProfit: 0,
  support: 0,
  invest: 0,
  costUp: 0,
  passed: 0,
  wPrev: 0,
  va4: 0,
  dep4: 0,
  rev4: 0,
  op4: 0,
  scratchA: 0,
  scratchB: 0,
  scratchC: 0,
  qualityW: 0,
};
const LINK_OFFSETS = {
  weight: 0,
  price: 0,
  pricePrev: 0,
  ord: 0,
  alloc: 0,
  q: 0,
};
export type FirmField = keyof typeof FIRM_OFFSETS;
export type LinkField = keyof typeof LINK_OFFSETS;
export const FIRM_FIELDS = Object.keys(FIRM_OFFSETS) as FirmField[];
export const LINK_FIELDS = Object.keys(LINK_OFFSETS) as LinkField[];

export interface Model {
  sc: Scenario;
  net: Network;
  paths: Paths;
  rng: Rng;
  tiers: number;
  nFirms: number;
  nLinks: number;
  fb: Float64Array; // every per-firm float field (views below)
  fo: Record<FirmField, number>; // offset of each field in fb
  lb: Float64Array; // every per-link float field
  lo: Record<LinkField, number>;
  // ---- firm state
  alive: Uint8Array;
  original: Uint8Array; // still the firm that was there at the start
  L: Float64Array; // employees
  w: Float64Array; // labour cost per worker, ¥10k/year
  A: Float64Array; // output per worker per quarter (units)
  Aref: Float64Array; // lagged productivity, reference for gain sharing
  Aprev: Float64Array; // productivity at the last wage round
  Around: Float64Array; // productivity at the last negotiation round
  K: Float64Array; // capital, ¥10k
  E: Float64Array; // equity (net worth), ¥10k
  u: Float64Array; // uniqueness 0-1
  negQ: Int32Array; // consecutive quarters with negative equity
  directBase: Float64Array; // direct demand at base prices (units/quarter)
  directPrice: Float64Array;
  directPricePrev: Float64Array;
  finalPrice: Float64Array; // tier-0 own price
  finalPricePrev: Float64Array;
  finalPriceRound: Float64Array; // tier-0 price at the last round
  baseL: Float64Array; // starting employment (entrants start at half of it)
  inDeg: Int32Array;
  outDeg: Int32Array;
  // ---- per-quarter firm flows
  unitCost: Float64Array; // own unit cost c_own
  lagCost: Float64Array; // unit cost at reference productivity (gain sharing)
  fixedCost: Float64Array; // inputs + energy + materials per unit
  perWorker: Float64Array; // labour and depreciation per worker per quarter
  directDemand: Float64Array; // units/quarter ordered by final users
  directSold: Float64Array; // units accepted (then scaled by output)
  directPrice0: Float64Array; // direct price at the start of the reported period
  A0: Float64Array; // productivity at the start of the reported period
  scratchD: Float64Array;
  /** Every link has weight 1 (as the network generator makes them): a buyer's orders per link are planned / wSum. */
  unitWeights: boolean;
  directFactor: Float64Array; // (direct price / start)^-eps x (A / A0)^kappa, set at rounds
  appeal: Float64Array; // exp(quitSensitivity x (relative wage - 1)), set at wage rounds
  spill: Float64Array; // yearly productivity growth from partner spill-over (by degree)
  degreesChanged: boolean; // every firm's spill-over is to be recomputed
  /** Firms whose number of partners changed since their spill-over was computed (a set: flag and list). */
  degreeDirty: Uint8Array;
  dirtyList: Int32Array;
  nDirty: number;
  roundCost: Float64Array; // unit cost at the last round (pass-through measurement)
  inputPrice: Float64Array;
  inputSum: Float64Array; // weighted sum of input prices (divided by wSum in computeCosts)
  wSum: Float64Array;
  /** Link prices, live suppliers or links changed since computeInputPrices() last ran. */
  linksChanged: boolean;
  /** negotiate() may have moved direct prices since step() last copied them to directPricePrev. */
  directPricesMoved: boolean;
  /** Some link was left with a dead supplier (no live firm in its tier) by resource(). */
  deadSupplierLinks: boolean;
  /** Per tier, set by produce(): whether reallocate() moved orders to it this quarter. */
  reallocated: Uint8Array;
  orders: Float64Array;
  planned: Float64Array;
  x: Float64Array; // output
  spot: Float64Array; // inputs bought on the spot market (no live supplier)
  recv: Float64Array;
  revenue: Float64Array;
  purchases: Float64Array;
  va: Float64Array;
  opProfit: Float64Array;
  support: Float64Array; // received from buyers
  invest: Float64Array;
  costUp: Float64Array;
  passed: Float64Array;
  wPrev: Float64Array;
  va4: Float64Array; // rolling sums since the last wage round
  dep4: Float64Array;
  rev4: Float64Array;
  op4: Float64Array;
  scratchA: Float64Array; // per-firm temporaries
  scratchB: Float64Array;
  scratchC: Float64Array;
  // ---- link state
  sup: Int32Array;
  buy: Int32Array;
  weight: Float64Array;
  price: Float64Array;
  pricePrev: Float64Array;
  ord: Float64Array; // orders on the link
  alloc: Float64Array; // orders accepted by the supplier
  q: Float64Array; // delivered
  // ---- per-tier constants
  tierA0: Float64Array;
  tierW0: Float64Array;
  tierKL0: Float64Array;
  tierU0: Float64Array;
  wageNorm: Float64Array; // tier mean wage / economy mean wage at the start
  spotBase: Float64Array; // spot price of tier-k inputs at base (for buyers with no supplier)
  tierMarginYear: Float64Array;
  // ---- economy state
  D0: number; // base final demand (units/quarter)
  P0: number; // base final price
  laborForce0: number;
  qualityW: Float64Array; // weights for the quality index
  energyUnit: number; // energy per unit of output at base prices
  materialsUnit: number;
  deltaQ: number; // depreciation per quarter
  quartersPerRound: number;
  flows: TierFlows;
  econ: EconomyFlows;
  prevEnergy: number;
  prevMaterials: number;
  hires: number; // labour market: hires this quarter
  hireWeight: number; // and the sum of the hiring weights they are shared by
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
    ptWeighted: f(),
    ptWeight: f(),
    ptCount: f(),
    ptFull: f(),
    ptNone: f(),
    output: f(),
    prodSum: f(),
    capital: f(),
    exits: f(),
    entries: f(),
  };
}

/** Math.log(1 + n) for small whole n (partner counts). */
const LOG1P = Float64Array.from({ length: 256 }, (_, n) => Math.log(1 + n));

/** 2^-32: a 32-bit draw times this is Rng.next()'s uniform (exactly: a power of two). */
const TWO_M32 = 1 / 4294967296;

const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);

/** Depth of tier k as a share of the deepest tier (0 at tier 0, 1 at tier T). */
function depth(k: number, tiers: number): number {
  return tiers > 1 ? k / (tiers - 1) : 0;
}

/** Small firms: tier 2 and deeper (the deepest tier when there is only one supplier tier). */
export function isSmallTier(k: number, tiers: number): boolean {
  return k >= Math.min(2, tiers - 1);
}

export function createModel(sc: Scenario): Model {
  const rng = new Rng(sc.seed);
  const net = generateNetwork(sc.network, rng);
  const paths = buildPaths(sc);
  const { tiers, nFirms, nLinks } = net;
  // One buffer for the per-firm fields and one for the per-link fields; the named arrays are views.
  const fb = new Float64Array(nFirms * FIRM_FIELDS.length);
  const fo: Record<FirmField, number> = Object.assign({}, FIRM_OFFSETS);
  FIRM_FIELDS.forEach((f, j) => (fo[f] = j * nFirms));
  const lb = new Float64Array(nLinks * LINK_FIELDS.length);
  const lo: Record<LinkField, number> = Object.assign({}, LINK_OFFSETS);
  LINK_FIELDS.forEach((f, j) => (lo[f] = j * nLinks));
  const F = (f: FirmField) => fb.subarray(fo[f], fo[f] + nFirms);
  const Lk = (f: LinkField) => lb.subarray(lo[f], lo[f] + nLinks);
  const T1 = () => new Float64Array(tiers);
  const m: Model = {
    sc,
    net,
    paths,
    rng,
    tiers,
    nFirms,
    nLinks,
    fb,
    fo,
    lb,
    lo,
    alive: new Uint8Array(nFirms).fill(1),
    original: new Uint8Array(nFirms).fill(1),
    L: F('L'),
    w: F('w'),
    A: F('A'),
    Aref: F('Aref'),
    Aprev: F('Aprev'),
    Around: F('Around'),
    K: F('K'),
    E: F('E'),
    u: F('u'),
    negQ: new Int32Array(nFirms),
    directBase: F('directBase'),
    directPrice: F('directPrice'),
    directPricePrev: F('directPricePrev'),
    finalPrice: F('finalPrice'),
    finalPricePrev: F('finalPricePrev'),
    finalPriceRound: F('finalPriceRound'),
    baseL: F('baseL'),
    inDeg: new Int32Array(nFirms),
    outDeg: new Int32Array(nFirms),
    unitCost: F('unitCost'),
    lagCost: F('lagCost'),
    fixedCost: F('fixedCost'),
    perWorker: F('perWorker'),
    directDemand: F('directDemand'),
    directSold: F('directSold'),
    directPrice0: F('directPrice0'),
    A0: F('A0'),
    scratchD: F('scratchD'),
    unitWeights: net.weight.every((x) => x === 1),
    directFactor: F('directFactor').fill(1),
    appeal: F('appeal').fill(1),
    spill: F('spill'),
    degreesChanged: true,
    degreeDirty: new Uint8Array(nFirms),
    dirtyList: new Int32Array(nFirms),
    nDirty: 0,
    roundCost: F('roundCost'),
    inputPrice: F('inputPrice'),
    inputSum: F('inputSum'),
    wSum: F('wSum'),
    linksChanged: true,
    directPricesMoved: false,
    deadSupplierLinks: false,
    reallocated: new Uint8Array(tiers),
    orders: F('orders'),
    planned: F('planned'),
    x: F('x'),
    spot: F('spot'),
    recv: F('recv'),
    revenue: F('revenue'),
    purchases: F('purchases'),
    va: F('va'),
    opProfit: F('opProfit'),
    support: F('support'),
    invest: F('invest'),
    costUp: F('costUp'),
    passed: F('passed'),
    wPrev: F('wPrev'),
    va4: F('va4'),
    dep4: F('dep4'),
    rev4: F('rev4'),
    op4: F('op4'),
    scratchA: F('scratchA'),
    scratchB: F('scratchB'),
    scratchC: F('scratchC'),
    sup: net.sup,
    buy: net.buy,
    weight: Lk('weight'),
    price: Lk('price'),
    pricePrev: Lk('pricePrev'),
    ord: Lk('ord'),
    alloc: Lk('alloc'),
    q: Lk('q'),
    tierA0: T1(),
    tierW0: T1(),
    tierKL0: T1(),
    tierU0: T1(),
    wageNorm: T1(),
    spotBase: T1(),
    tierMarginYear: T1(),
    D0: 0,
    P0: 1,
    laborForce0: 0,
    qualityW: F('qualityW'),
    energyUnit: sc.costs.energyIntensity,
    materialsUnit: sc.costs.materialsIntensity,
    deltaQ: sc.firms.depreciation / 4,
    quartersPerRound: Math.max(1, Math.round(4 / sc.simulation.roundsPerYear)),
    flows: tierFlows(tiers),
    econ: {
      finalSales: 0,
      energyCost: 0,
      materialsCost: 0,
      externalCostUp: 0,
      consumerBurden: 0,
      finalPrice: 1,
      demand: 0,
      laborForce: 0,
      employment: 0,
      round: false,
    },
    prevEnergy: 1,
    prevMaterials: 1,
    hires: 0,
    hireWeight: 0,
  };
  m.weight.set(net.weight);
  initialise(m);
  return m;
}

/** Starting state: sizes from base flows through the network, cost-plus prices bottom-up. */
function initialise(m: Model): void {
  const { sc, net, tiers, nFirms, nLinks, rng } = m;
  const { tierOf, tierStart, linkStart, skipStart } = net;
  const { tierW0, tierA0, tierKL0, tierU0, spotBase, sup, buy, weight, price, inDeg, outDeg } = m;
  const { A, w, u, wSum, directBase, L, baseL, K, Aref, Aprev, Around, wPrev } = m;
  const { inputPrice, unitCost, directPrice, finalPrice, roundCost, qualityW } = m;
  const f = sc.firms;
  const T = tiers - 1;
  for (let k = 0; k < tiers; k++) {
    const z = depth(k, tiers);
    tierW0[k] = f.wageTop * Math.pow(f.wageRatioDeepest, z);
    tierA0[k] = tierW0[k] / (4 * f.laborCostShare);
    tierKL0[k] = f.capitalPerWorkerTop * Math.pow(f.capitalRatioDeepest, z);
    const zu = T > 1 ? (k - 1) / (T - 1) : 0;
    tierU0[k] =
      k === 0
        ? 1
        : sc.bargaining.uniquenessTop +
          (sc.bargaining.uniquenessDeepest - sc.bargaining.uniquenessTop) * zu;
  }
  // Firm heterogeneity: productivity dispersion of about 5%.
  for (let i = 0; i < nFirms; i++) {
    const k = tierOf[i];
    A[i] = tierA0[k] * Math.exp(0.05 * rng.normal());
    // Nobody starts below the minimum wage.
    w[i] = Math.max(tierW0[k], sc.labor.minimumWage);
    u[i] = clamp(tierU0[k] + 0.05 * rng.normal(), 0, 1);
  }
  // Base flows: final demand split evenly across tier 0, orders down the links.
  const util = 1 - f.spareCapacity;
  const n0 = sc.network.firmsPerTier[0];
  m.D0 = n0 * f.employeesTop * tierA0[0] * util;
  const base = m.x;
  base.fill(0);
  const acc = m.orders;
  acc.fill(0);
  for (let l = 0; l < nLinks; l++) wSum[buy[l]] += weight[l];
  const direct = sc.network.directSales;
  for (let k = 0; k < tiers; k++) {
    for (let i = tierStart[k]; i < tierStart[k + 1]; i++) {
      base[i] = k === 0 ? m.D0 / n0 : acc[i] / (1 - direct);
      if (k > 0) directBase[i] = base[i] * direct;
    }
    for (let l = linkStart[k]; l < linkStart[k + 1]; l++) {
      acc[sup[l]] += (base[buy[l]] * weight[l]) / wSum[buy[l]];
    }
  }
  for (let i = 0; i < nFirms; i++) {
    const k = tierOf[i];
    L[i] = k === 0 ? f.employeesTop : base[i] / (A[i] * util);
    // Firms with no orders at all still start with a minimal workforce.
    if (!(L[i] > 1)) L[i] = Math.max(1, L[i]);
    baseL[i] = L[i];
    K[i] = tierKL0[k] * L[i];
    Aref[i] = A[i];
    Aprev[i] = A[i];
    Around[i] = A[i];
    wPrev[i] = w[i];
  }
  for (let l = 0; l < nLinks; l++) {
    outDeg[sup[l]]++;
    inDeg[buy[l]]++;
  }
  // Prices bottom-up: each link at its supplier's cost plus the margin bargained on the
  // starting dependency, less the cost-down wedge: the balanced price of negotiation but
  // for the squeeze cascade, which the burn-in adds. Without negotiation there is no wedge.
  const b = sc.bargaining;
  const dRound = sc.mechanisms.negotiation ? sc.policy.costDown / sc.simulation.roundsPerYear : 0;
  for (let k = T; k >= 0; k--) {
    for (let i = tierStart[k]; i < tierStart[k + 1]; i++) {
      // Input price from the suppliers priced in earlier iterations.
      inputPrice[i] = 0;
    }
    for (let l = linkStart[k]; l < linkStart[k + 1]; l++) {
      inputPrice[buy[l]] += (weight[l] * price[l]) / wSum[buy[l]];
    }
    computeCosts(m, k, k + 1, 1, 1);
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
        const beta = clamp(b.betaMin + (b.betaMax - b.betaMin) * (1 - D) * u[s], 0, 1);
        const mStar = b.marginMin + (b.marginMax - b.marginMin) * beta;
        price[l] = unitCost[s] * (1 + mStar) * (1 - dRound * (1 - beta));
      }
    }
    // The spot price of tier-k inputs: its mean cost plus the strongest margin.
    let cs = 0;
    for (let i = tierStart[k]; i < tierStart[k + 1]; i++) cs += unitCost[i];
    spotBase[k] = (cs / (tierStart[k + 1] - tierStart[k])) * (1 + b.marginMax);
  }
  for (let i = 0; i < nFirms; i++) {
    directPrice[i] = unitCost[i] * (1 + b.marginMax);
    finalPrice[i] = unitCost[i] * (1 + sc.market.finalMarkup);
    roundCost[i] = unitCost[i];
  }
  m.pricePrev.set(m.price);
  m.directPricePrev.set(m.directPrice);
  m.finalPricePrev.set(m.finalPrice);
  m.finalPriceRound.set(m.finalPrice);
  // Labour force and wage norms.
  let Ltot = 0;
  for (let i = 0; i < nFirms; i++) Ltot += L[i];
  m.laborForce0 = Ltot / (1 - sc.labor.initialUnemployment);
  for (let i = 0; i < nFirms; i++) qualityW[i] = base[i];
  m.linksChanged = true;
}

/**
 * Unit costs of firms in tiers [fromTier, toTier) at energy index pe and
 * materials index pm: inputs + energy + materials per unit, plus labour and
 * depreciation per unit of capacity output. lagCost uses the reference
 * (lagged) productivity, for gain sharing. With `quarterly` (from step()),
 * the input prices summed by computeInputPrices() are first divided by the
 * weights, and on round quarters the per-firm terms of negotiate() are set.
 */
function computeCosts(
  m: Model,
  fromTier: number,
  toTier: number,
  pe: number,
  pm: number,
  quarterly = false,
  round = false,
): void {
  const T = m.tiers - 1;
  const start = m.net.tierStart[fromTier];
  const end = m.net.tierStart[toTier];
  const eU = m.energyUnit * pe;
  const dq = m.deltaQ;
  const { tierOf } = m.net;
  const F = m.fb;
  const { wSum, inputPrice, inputSum, w, K, L, A, Aref, fixedCost, perWorker, unitCost } = m.fo;
  const { lagCost, Around, roundCost, rev4, op4 } = m.fo;
  const b = m.sc.bargaining;
  // For negotiate(): the unit-cost increase since the last round, before the productivity
  // savings made since, and how squeezed each buyer is by its own customers.
  const cUp = m.fo.scratchA;
  const squeeze = m.fo.scratchB;
  const cascade = m.sc.mechanisms.cascade ? b.cascade : 0;
  const ref = b.squeezeMargin;
  // Standard costing: labour and capital per unit at normal utilisation of capacity.
  const normal = 1 - m.sc.firms.spareCapacity;
  const mPm = m.materialsUnit * pm;
  const spotBase = m.spotBase;
  for (let i = start; i < end; i++) {
    const k = tierOf[i];
    let fixed = eU;
    const ws = F[wSum + i];
    let ip: number;
    if (quarterly) F[inputPrice + i] = ip = ws > 0 ? F[inputSum + i] / ws : 0;
    else ip = F[inputPrice + i];
    if (k === T) fixed += mPm;
    else if (ws > 0) fixed += ip;
    else fixed += spotBase[k + 1] * pm; // no live supplier: spot market
    const pw = F[w + i] / 4 + (dq * F[K + i]) / Math.max(F[L + i], 1e-9);
    F[fixedCost + i] = fixed;
    F[perWorker + i] = pw;
    F[unitCost + i] = fixed + pw / (F[A + i] * normal);
    F[lagCost + i] = fixed + pw / (F[Aref + i] * normal);
    if (round) {
      F[cUp + i] = fixed + pw / (F[Around + i] * normal) - F[roundCost + i];
      const rev = F[rev4 + i];
      F[squeeze + i] =
        cascade > 0 && rev > 0 ? cascade * clamp((ref - F[op4 + i] / rev) / ref, 0, 1) : 0;
    }
  }
}

/**
 * Input price of each buyer: weighted sum over its links to live suppliers
 * (computeCosts divides). The sums only change with link prices (negotiation
 * rounds), exits and entries: in other quarters last quarter's sums stand.
 */
function computeInputPrices(m: Model): void {
  if (!m.linksChanged) return;
  m.linksChanged = false;
  const { sup, buy, alive, nLinks, nFirms } = m;
  const F = m.fb;
  const G = m.lb;
  const { inputSum, wSum } = m.fo;
  const { weight, price } = m.lo;
  F.fill(0, inputSum, inputSum + nFirms);
  F.fill(0, wSum, wSum + nFirms);
  if (m.unitWeights) {
    // Weight 1 on every link: the same sums without the products.
    for (let l = 0; l < nLinks; l++) {
      if (!alive[sup[l]]) continue;
      const b = buy[l];
      F[inputSum + b] += G[price + l];
      F[wSum + b] += 1;
    }
    return;
  }
  for (let l = 0; l < nLinks; l++) {
    if (!alive[sup[l]]) continue;
    const b = buy[l];
    F[inputSum + b] += G[weight + l] * G[price + l];
    F[wSum + b] += G[weight + l];
  }
}

function recordPassThrough(fl: TierFlows, k: number, ratio: number, wgt: number): void {
  fl.ptWeighted[k] += wgt * clamp(ratio, 0, 1);
  fl.ptWeight[k] += wgt;
  fl.ptCount[k] += 1;
  if (ratio >= 1 - 1e-9) fl.ptFull[k] += 1;
  if (ratio <= 0) fl.ptNone[k] += 1;
}

/** One negotiation round on every link, own prices on direct sales, and pass-through measurement. */
function negotiate(m: Model, measure: boolean): void {
  const sc = m.sc;
  const b = sc.bargaining;
  const pol = sc.policy;
  const dRound = pol.costDown / sc.simulation.roundsPerYear;
  const { sup, buy, alive } = m;
  const F = m.fb;
  const G = m.lb;
  const { revenue, unitCost, lagCost, u } = m.fo;
  const { price, q } = m.lo;
  // Per firm, set by computeCosts(): the unit-cost increase since the last round, before the
  // productivity savings made since, and how squeezed each buyer is by its own customers.
  const cUp = m.fo.scratchA;
  const squeeze = m.fo.scratchB;
  const bRange = b.betaMax - b.betaMin;
  const mRange = b.marginMax - b.marginMin;
  const tauF = pol.passThroughFloor;
  const gF = pol.gainShareFloor;
  const negotiation = sc.mechanisms.negotiation;
  const betaMin = b.betaMin;
  const marginMin = b.marginMin;
  const ban = pol.belowCostBan;
  if (negotiation) {
    m.linksChanged = true;
    m.directPricesMoved = true;
  }
  // Links are grouped by the buyer's tier kb, those to tier kb + 1 first, then those that skip
  // to kb + 2 (re-sourcing and entry keep each link's tiers): each range has one supplier tier,
  // whose pass-through sums are kept in locals while it runs (same additions in the same order).
  const { linkStart, skipStart } = m.net;
  const { ptWeighted, ptWeight, ptCount, ptFull, ptNone } = m.flows;
  for (let r = 0; r < 2 * m.tiers; r++) {
    const kb = r >> 1;
    const l0 = r & 1 ? skipStart[kb] : linkStart[kb];
    const l1 = r & 1 ? linkStart[kb + 1] : skipStart[kb];
    if (l0 >= l1) continue;
    const ks = kb + 1 + (r & 1);
    let ptW = ptWeighted[ks];
    let ptWt = ptWeight[ks];
    let ptN = ptCount[ks];
    let ptF = ptFull[ks];
    let pt0 = ptNone[ks];
    for (let l = l0; l < l1; l++) {
      const s = sup[l];
      if (!alive[s]) continue;
      const pOld = G[price + l];
      let pNew = pOld;
      const salesL = G[q + l] * pOld;
      if (negotiation) {
        const rs = F[revenue + s];
        const D = rs > 0 ? clamp(salesL / rs, 0, 1) : 1;
        const beta = clamp(betaMin + bRange * (1 - D) * F[u + s], 0, 1);
        const mStar = marginMin + mRange * beta;
        const sq = F[squeeze + buy[l]];
        const dEff = dRound * (1 - beta) * (1 + sq);
        const tau = tauF + (1 - tauF) * beta;
        const g = gF + (1 - gF) * beta;
        const cs = F[unitCost + s];
        const pStar = (g * F[lagCost + s] + (1 - g) * cs) * (1 + mStar) * (1 - dEff);
        const tauEff = pStar > pOld ? Math.max(tauF, tau * (1 - sq)) : tau;
        pNew = pOld + tauEff * (pStar - pOld);
        if (ban && pNew < cs) pNew = cs;
        G[price + l] = pNew;
      }
      const cu = F[cUp + s];
      if (measure && cu > 0) {
        // recordPassThrough(), inlined on the locals.
        const ratio = (pNew - pOld) / cu;
        const wgt = salesL > 0 ? salesL : 1e-9;
        ptW += wgt * clamp(ratio, 0, 1);
        ptWt += wgt;
        ptN += 1;
        if (ratio >= 1 - 1e-9) ptF += 1;
        if (ratio <= 0) pt0 += 1;
      }
    }
    ptWeighted[ks] = ptW;
    ptWeight[ks] = ptWt;
    ptCount[ks] = ptN;
    ptFull[ks] = ptF;
    ptNone[ks] = pt0;
  }
  const t0end = m.net.tierStart[1];
  // The own-brand demand factor is only read by setDemand when value-oriented demand is on,
  // and startReporting resets it after the burn-in: skip it when it cannot be read.
  const factorOn = measure && sc.mechanisms.valueDemand;
  const { directBase, directPrice, directPrice0, directFactor: factor, A, A0, roundCost } = m.fo;
  const Around = m.fo.Around;
  const mk = sc.market;
  const ePrice = -mk.priceElasticity * (1 - mk.valueOrientation);
  const eQuality = mk.qualityElasticity * mk.valueOrientation;
  const pMax = 1 + b.marginMax;
  const nFirms = m.nFirms;
  for (let i = t0end; i < nFirms; i++) {
    if (!alive[i]) continue;
    // Own-brand direct sales are priced by the supplier at the strongest margin.
    if (F[directBase + i] > 0) {
      if (negotiation) F[directPrice + i] = F[unitCost + i] * pMax;
      if (factorOn) {
        // directFactor(m, i), inlined: Math.pow(x, 0) is 1 for every x, so a zero exponent is skipped.
        const rel = F[directPrice0 + i] > 0 ? F[directPrice + i] / F[directPrice0 + i] : 1;
        const fq = F[A0 + i] > 0 ? F[A + i] / F[A0 + i] : 1;
        // rel^ePrice x fq^eQuality as one exponential (a third of the time of two Math.pow).
        const lf =
          (ePrice !== 0 ? ePrice * Math.log(rel) : 0) +
          (eQuality !== 0 ? eQuality * Math.log(fq) : 0);
        F[factor + i] = Math.exp(lf);
      }
    }
    F[roundCost + i] = F[unitCost + i];
    F[Around + i] = F[A + i];
  }
}

/** Tier 0's pass-through to consumers since the last round (after this quarter's final prices). */
function measureFinal(m: Model, measure: boolean): void {
  const t0end = m.net.tierStart[1];
  const normal = 1 - m.sc.firms.spareCapacity;
  for (let i = 0; i < t0end; i++) {
    if (!m.alive[i]) continue;
    const cUp = m.fixedCost[i] + m.perWorker[i] / (m.Around[i] * normal) - m.roundCost[i];
    if (measure && cUp > 0) {
      const wgt = m.x[i] * m.finalPrice[i];
      recordPassThrough(
        m.flows,
        0,
        (m.finalPrice[i] - m.finalPriceRound[i]) / cUp,
        wgt > 0 ? wgt : 1e-9,
      );
    }
    m.finalPriceRound[i] = m.finalPrice[i];
    m.roundCost[i] = m.unitCost[i];
    m.Around[i] = m.A[i];
  }
}

/** Tier 0 moves its price each quarter toward cost plus markup; value-oriented consumers accept it faster. */
function setFinalPrices(m: Model): void {
  const mk = m.sc.market;
  const speed = mk.finalPriceSpeed + (1 - mk.finalPriceSpeed) * mk.valueOrientation;
  const t0end = m.net.tierStart[1];
  for (let i = 0; i < t0end; i++) {
    if (!m.alive[i]) continue;
    const target = m.unitCost[i] * (1 + mk.finalMarkup);
    m.finalPrice[i] += speed * (target - m.finalPrice[i]);
  }
}

/** Quality index of the chain: output-weighted mean productivity relative to the start. */
function qualityIndex(m: Model): number {
  let s = 0;
  let ws = 0;
  const { alive } = m;
  const F = m.fb;
  const { qualityW, A, A0 } = m.fo;
  for (let i = 0; i < m.nFirms; i++) {
    if (!alive[i]) continue;
    s += (F[qualityW + i] * F[A + i]) / F[A0 + i];
    ws += F[qualityW + i];
  }
  return ws > 0 ? s / ws : 1;
}

/** Own-brand demand factor of a supplier: its price relative to the start and its own quality. */
function directFactor(m: Model, i: number): number {
  const mk = m.sc.market;
  const v = mk.valueOrientation;
  const rel = m.directPrice0[i] > 0 ? m.directPrice[i] / m.directPrice0[i] : 1;
  const q = m.A0[i] > 0 ? m.A[i] / m.A0[i] : 1;
  return Math.pow(rel, -mk.priceElasticity * (1 - v)) * Math.pow(q, mk.qualityElasticity * v);
}

/**
 * Final demand for tier 0 (units per quarter). The direct demand of each
 * supplier is set by produce() from directLevel().
 */
function setDemand(m: Model, t: number, frozen: boolean): number {
  const sc = m.sc;
  const mk = sc.market;
  const v = mk.valueOrientation;
  const eps = mk.priceElasticity * (1 - v);
  const kappa = mk.qualityElasticity * v;
  const level = frozen ? 1 : m.paths.demand[t];
  const cpi = frozen ? 1 : m.paths.cpi[t];
  const on = sc.mechanisms.valueDemand && !frozen;
  let pq = 0;
  let qs = 0;
  const t0end = m.net.tierStart[1];
  for (let i = 0; i < t0end; i++) {
    if (!m.alive[i]) continue;
    pq += m.finalPrice[i] * m.A[i] * m.L[i];
    qs += m.A[i] * m.L[i];
  }
  const P = qs > 0 ? pq / qs : m.P0;
  let D = m.D0 * level;
  if (on) D *= Math.pow(P / m.P0 / cpi, -eps) * Math.pow(qualityIndex(m), kappa);
  m.econ.finalPrice = P;
  return D;
}

/**
 * The common factor of direct demand: the trend and, with value-oriented
 * demand, the general price level (price and quality factors of each supplier
 * are set at rounds).
 */
function directLevel(m: Model, t: number, frozen: boolean): number {
  const sc = m.sc;
  const mk = sc.market;
  const eps = mk.priceElasticity * (1 - mk.valueOrientation);
  const level = frozen ? 1 : m.paths.demand[t];
  const cpi = frozen ? 1 : m.paths.cpi[t];
  return sc.mechanisms.valueDemand && !frozen ? level * Math.pow(cpi, eps) : level;
}

/**
 * Orders flow down the tiers, feasible output flows up. Sets directDemand (the
 * supplier's own-brand demand factor times `direct`, the common factor from
 * directLevel(); times 1 when `valueOn` is false), ord, alloc, q, planned, x, spot.
 */
function produce(m: Model, demand: number, round: boolean, direct: number, valueOn: boolean): void {
  const { sup, buy, alive, tiers } = m;
  const { tierStart, linkStart, skipStart } = m.net;
  const T = tiers - 1;
  const realloc = m.sc.mechanisms.reallocation;
  // Firm fields in F at their offsets (see FIRM_FIELDS), link fields in G.
  const F = m.fb;
  const fo = m.fo;
  const G = m.lb;
  const lo = m.lo;
  const cap = fo.scratchB;
  const spare = fo.scratchC;
  const ratio = fo.scratchA; // per firm: delivered / accepted (upward pass)
  const acc = fo.accepted; // per firm: accepted / ordered (downward pass)
  const fA = fo.A;
  const fL = fo.L;
  const orders = fo.orders;
  const planned = fo.planned;
  const revenue = fo.revenue;
  const purchases = fo.purchases;
  const costUp = fo.costUp;
  const passed = fo.passed;
  const directDemand = fo.directDemand;
  const directSold = fo.directSold;
  const directBase = fo.directBase;
  const factor = fo.directFactor;
  const wSum = fo.wSum;
  const x = fo.x;
  const spot = fo.spot;
  const recv = fo.recv;
  const weight = lo.weight;
  const price = lo.price;
  const pricePrev = lo.pricePrev;
  const ord = lo.ord;
  const alloc = lo.alloc;
  const q = lo.q;
  const req = fo.scratchD; // set by reallocate()
  const share = fo.orderShare; // per buyer with suppliers: orders per link of weight 1
  const unitWeights = m.unitWeights;
  const granted = m.reallocated;
  granted.fill(0);
  const t0end = tierStart[1];
  const nFirms = m.nFirms;
  for (let i = 0; i < nFirms; i++) {
    const live = alive[i];
    F[cap + i] = live ? F[fA + i] * F[fL + i] : 0;
    // Tier 0 has no direct demand (its orders are set below).
    let dd = 0;
    if (i >= t0end && live) dd = F[directBase + i] * direct * (valueOn ? F[factor + i] : 1);
    F[directDemand + i] = dd;
    F[orders + i] = dd;
  }
  F.fill(0, revenue, revenue + nFirms);
  F.fill(0, purchases, purchases + nFirms);
  F.fill(0, costUp, costUp + nFirms);
  F.fill(0, passed, passed + nFirms);
  // Tier 0: final demand split by capacity; unfilled demand moves to firms with spare capacity.
  let capSum = 0;
  for (let i = 0; i < t0end; i++) capSum += F[cap + i];
  let short = 0;
  let spareSum = 0;
  for (let i = 0; i < t0end; i++) {
    const c = F[cap + i];
    const o = capSum > 0 ? (demand * c) / capSum : 0;
    const p = Math.min(o, c);
    F[orders + i] = o;
    F[planned + i] = p;
    F[spare + i] = c - p;
    short += o - p;
    spareSum += c - p;
  }
  if (realloc && short > 0 && spareSum > 0) {
    const moved = Math.min(short, spareSum);
    for (let i = 0; i < t0end; i++) F[planned + i] += (moved * F[spare + i]) / spareSum;
  }
  for (let k = 0; k < tiers; k++) {
    if (k >= 1) {
      let shortage = false;
      const i1 = tierStart[k + 1];
      for (let i = tierStart[k]; i < i1; i++) {
        const o = F[orders + i];
        const c = F[cap + i];
        const p = o < c ? o : c;
        if (o > c && alive[i]) shortage = true;
        F[planned + i] = p;
        F[spare + i] = c - p;
        const r = o > 0 ? p / o : 0;
        F[acc + i] = r;
        F[directSold + i] = F[directDemand + i] * r;
      }
      // Accepted orders on the links into tier k (buyers one and two tiers up) are rationed pro
      // rata: ord x accepted[supplier], computed where they are used (the upward pass).
      const l0 = linkStart[k - 1];
      const l1 = skipStart[k - 1];
      if (realloc && shortage) {
        // Fused with the first pass of reallocate(): per buyer one tier up, the orders its
        // suppliers could not accept and the spare capacity of its suppliers.
        const shortB = recv; // free here: recv is reset before the upward pass uses it
        const spareB = spot; // free here: spot is set in the upward pass
        F.fill(0, shortB + tierStart[k - 1], shortB + tierStart[k]);
        F.fill(0, spareB + tierStart[k - 1], spareB + tierStart[k]);
        let any = false;
        for (let l = l0; l < l1; l++) {
          const s = sup[l];
          const o = G[ord + l];
          const a = o * F[acc + s];
          if (!alive[s]) continue;
          const bb = buy[l];
          const gap = o - a;
          if (gap > 1e-12) {
            F[shortB + bb] += gap;
            any = true;
          }
          F[spareB + bb] += F[spare + s];
        }
        if (any) {
          reallocate(m, k);
          granted[k] = 1;
        }
      }
    }
    // Tier k's planned output sets its orders to its suppliers.
    if (k < T) {
      const l1 = linkStart[k + 1];
      if (unitWeights) {
        // planned x 1 / wSum is the same number for every link of a buyer: divided once per buyer.
        const i1 = tierStart[k + 1];
        for (let i = tierStart[k]; i < i1; i++) {
          const ws = F[wSum + i];
          if (ws > 0) F[share + i] = F[planned + i] / ws;
        }
        for (let l = linkStart[k]; l < l1; l++) {
          const s = sup[l];
          const bb = buy[l];
          if (!alive[s] || !(F[wSum + bb] > 0)) {
            G[ord + l] = 0;
            continue;
          }
          const o = F[share + bb];
          G[ord + l] = o;
          F[orders + s] += o;
        }
      } else {
        for (let l = linkStart[k]; l < l1; l++) {
          const s = sup[l];
          const bb = buy[l];
          const ws = F[wSum + bb];
          if (!alive[s] || !(ws > 0)) {
            G[ord + l] = 0;
            continue;
          }
          const o = (F[planned + bb] * G[weight + l]) / ws;
          G[ord + l] = o;
          F[orders + s] += o;
        }
      }
    }
  }
  // Upward pass: each firm makes what its inputs allow; deliveries scale with the supplier's output.
  for (let k = T; k >= 0; k--) {
    const i0 = tierStart[k];
    const i1 = tierStart[k + 1];
    if (k < T) {
      F.fill(0, recv + i0, recv + i1);
      // Deliveries, and the sales, purchases and cost-ups they carry. Where reallocate() moved
      // orders to tier k + 1 (links to it from skipStart[k] on), the accepted orders on a link
      // are those of the first round plus the request it granted: alloc + q x scratchD.
      // (Upward, accepted[] and ratio[] of the suppliers, deeper tiers, are final.)
      const l1 = linkStart[k + 1];
      const lGranted = granted[k + 1] ? skipStart[k] : linkStart[k];
      for (let l = linkStart[k]; l < l1; l++) {
        const s = sup[l];
        const bb = buy[l];
        let a = G[ord + l] * F[acc + s];
        G[alloc + l] = a;
        if (l < lGranted) {
          const r = G[q + l];
          if (r > 0) a += r * F[req + s];
        }
        const d = a * F[ratio + s];
        G[q + l] = d;
        if (d === 0) continue;
        F[recv + bb] += d;
        const p = G[price + l];
        const v = d * p;
        F[revenue + s] += v;
        F[purchases + bb] += v;
        // Link prices only move in negotiate(): between rounds the price change is zero.
        if (round) {
          const dv = d * (p - G[pricePrev + l]);
          F[costUp + bb] += dv;
          F[passed + s] += dv;
        }
      }
    }
    for (let i = i0; i < i1; i++) {
      const pl = F[planned + i];
      let xi: number;
      let sp = 0;
      if (!alive[i]) xi = 0;
      else if (k === T) xi = pl;
      else if (!(F[wSum + i] > 0)) {
        sp = pl;
        xi = pl;
      } else {
        const rc = F[recv + i];
        xi = Math.min(pl, rc);
      }
      F[spot + i] = sp;
      F[x + i] = xi;
      F[ratio + i] = pl > 0 ? xi / pl : 0;
    }
  }
}

/**
 * Buyers one tier up move the orders that tier-k suppliers could not accept
 * to their other tier-k suppliers with spare capacity, in proportion to that
 * spare capacity; a supplier asked for more than it has grants pro rata.
 * produce() has summed, per buyer, the unaccepted orders (in recv) and its
 * suppliers' spare capacity (in spot); the suppliers' spare capacity is in scratchC.
 * Leaves each link's request in q and the share of it granted, per supplier, in
 * scratchD: produce()'s upward pass adds the granted orders to the link's.
 */
function reallocate(m: Model, k: number): void {
  const { sup, buy } = m;
  const F = m.fb;
  const fo = m.fo;
  const G = m.lb;
  const planned = fo.planned;
  const spare = fo.scratchC;
  const shortB = fo.recv;
  const spareB = fo.spot;
  const req = fo.scratchD; // per supplier: sum of requests, then the share of them granted
  const reqL = m.lo.q; // per link: the request (q is free here: the upward pass sets it)
  const b0 = m.net.linkStart[k - 1];
  const b1 = m.net.skipStart[k - 1];
  const s0 = m.net.tierStart[k];
  const s1 = m.net.tierStart[k + 1];
  F.fill(0, req + s0, req + s1);
  for (let l = b0; l < b1; l++) {
    const bb = buy[l];
    const sb = F[shortB + bb];
    const pb = F[spareB + bb];
    let r = 0;
    if (sb > 0 && pb > 0) {
      const s = sup[l];
      r = ((sb < pb ? sb : pb) * F[spare + s]) / pb;
      F[req + s] += r;
    }
    G[reqL + l] = r;
  }
  for (let i = s0; i < s1; i++) {
    const r = F[req + i];
    if (r > 0) {
      const sp = F[spare + i];
      F[req + i] = Math.min(1, sp / r);
      const granted = r < sp ? r : sp;
      F[planned + i] += granted;
      F[spare + i] = sp - granted;
    }
  }
}

/** Workers' view of each firm's wage relative to the economy-wide reference for its tier. */
function updateAppeal(m: Model): void {
  const { alive, nFirms, wageNorm } = m;
  const F = m.fb;
  const { L, w, appeal } = m.fo;
  const tierOf = m.net.tierOf;
  const qs = m.sc.labor.quitSensitivity;
  let wl = 0;
  let ls = 0;
  for (let i = 0; i < nFirms; i++) {
    if (!alive[i]) continue;
    wl += F[w + i] * F[L + i];
    ls += F[L + i];
  }
  const wEcon = ls > 0 ? wl / ls : 1;
  for (let i = 0; i < nFirms; i++) {
    if (alive[i]) F[appeal + i] = Math.exp(qs * (F[w + i] / (wEcon * wageNorm[tierOf[i]]) - 1));
  }
}

/** Yearly wage round: inflation + productivity share + catch-up + minimum-wage spill-over, capped by affordability. */
function wageRound(m: Model, t: number): void {
  const sc = m.sc;
  const lab = sc.labor;
  const { alive, nFirms } = m;
  const F = m.fb;
  const { L, w, A, Aprev, va4, dep4, rev4, E } = m.fo;
  const { tierOf } = m.net;
  const wSumT = m.flows.wageSum; // reuse as scratch: tier means
  const lT = m.flows.employment;
  wSumT.fill(0);
  lT.fill(0);
  for (let i = 0; i < nFirms; i++) {
    if (!alive[i]) continue;
    wSumT[tierOf[i]] += F[w + i] * F[L + i];
    lT[tierOf[i]] += F[L + i];
  }
  const wMin = m.paths.minimumWage[t];
  const wMinPrev = t >= 4 ? m.paths.minimumWage[t - 4] : m.paths.minimumWage[0];
  const gMin = wMin / wMinPrev - 1;
  const infl = m.paths.inflation[t];
  for (let i = 0; i < nFirms; i++) {
    if (!alive[i]) continue;
    const k = tierOf[i];
    const wi = F[w + i];
    const tierMean = lT[k] > 0 ? wSumT[k] / lT[k] : wi;
    // max(0, ln r): zero without the logarithm when productivity did not grow (r <= 1).
    const ra = F[A + i] / F[Aprev + i];
    const gProd = ra <= 1 ? 0 : Math.max(0, Math.log(ra));
    const bite = clamp((2.5 * wMin - wi) / (1.5 * wMin), 0, 1);
    const g =
      infl +
      lab.wageProductivityShare * gProd +
      lab.wageCatchUp * (tierMean / wi - 1) +
      lab.minimumWageSpillover * Math.max(0, gMin) * bite;
    let wNew = wi * (1 + g);
    // Affordability: the raise may not push last year's operating margin below the floor.
    const wMax =
      F[L + i] > 0
        ? (F[va4 + i] - F[dep4 + i] - lab.affordabilityFloor * F[rev4 + i]) / F[L + i]
        : wi;
    if (wNew > wMax) wNew = Math.max(Math.min(wi, wNew), wMax);
    // No nominal cuts unless equity is negative (then at most 3%).
    if (wNew < wi) wNew = F[E + i] < 0 ? Math.max(wNew, 0.97 * wi) : wi;
    F[w + i] = Math.max(wNew, wMin);
    F[Aprev + i] = F[A + i];
  }
}

/**
 * The firms' accounts and updates after the quarter's flows, in one pass over
 * the firms, tier by tier (each firm's updates read only its own state, buyer
 * support reaches a supplier from the tiers above before its turn, and the
 * random draws stay in firm order):
 * - accounting: revenue, purchases, value added, profit, cost-ups and their
 *   pass-on (link sales, purchases and their cost-ups were summed in produce()),
 *   and buyer support;
 * - investment, equity and capital;
 * - the labour market's quits, layoffs and vacancies;
 * - productivity growth from investment intensity, partner spill-over and
 *   noise, and uniqueness drift.
 * Returns whether there are hires (m.hires, by hiring weight out of
 * m.hireWeight) for closeQuarter() to hand out.
 */
function updateFirms(
  m: Model,
  t: number,
  frozen: boolean,
  pe: number,
  pm: number,
  dPe: number,
  dPm: number,
): boolean {
  const sc = m.sc;
  const f = sc.firms;
  const lab = sc.labor;
  const { alive, tiers, nFirms, rng, spotBase, sup, buy } = m;
  const { tierStart, linkStart } = m.net;
  // Firm fields in F at their offsets (see FIRM_FIELDS), link fields in G.
  const F = m.fb;
  const G = m.lb;
  const { L, A, w, wPrev, K, E, va, opProfit, revenue, invest } = m.fo;
  const { va4, dep4, rev4, op4, Aref, u, spill, support, orders, x, appeal } = m.fo;
  const { purchases, costUp, passed, finalPrice, finalPricePrev, directSold, planned } = m.fo;
  const { directPrice, directPricePrev, spot } = m.fo;
  const { q, price } = m.lo;
  const give = m.fo.scratchA; // buyer support given
  const vac = m.fo.scratchC; // vacancies
  const rel = m.fo.scratchB; // hiring weight of firms with vacancies
  const dq = m.deltaQ;
  const T = tiers - 1;
  // Accounting.
  const eU = m.energyUnit;
  const mU = m.materialsUnit;
  let energyCost = 0;
  let materialsCost = 0;
  let finalSales = 0;
  let external = 0;
  let consumer = 0;
  const supportShare = sc.policy.buyerSupport;
  if (supportShare > 0) F.fill(0, support, support + nFirms);
  // Investment, equity and capital.
  const invOn = sc.mechanisms.investment && !frozen;
  const subsidy = sc.policy.subsidy;
  // Labour market: quits fall and hiring appeal rises with the wage relative to the
  // reference (set at wage rounds); input-starved firms do not hoard labour.
  const labourOn = sc.mechanisms.laborMarket && !frozen;
  const util = 1 - f.spareCapacity;
  let lAfter = 0;
  let vacSum = 0;
  let wsum = 0;
  // Productivity.
  const t1 = m.net.tierStart[1];
  if (invOn && (m.degreesChanged || m.nDirty > 0)) {
    // Spill-over from the number of partners: for every firm at first, then for those whose
    // links changed (exits, re-sourcing, entry).
    const { inDeg, outDeg, degreeDirty, dirtyList } = m;
    const directBase = m.fo.directBase;
    const all = m.degreesChanged;
    const n = all ? nFirms : m.nDirty;
    for (let j = 0; j < n; j++) {
      const i = all ? j : dirtyList[j];
      const partners = inDeg[i] + outDeg[i] + (F[directBase + i] > 0 ? 1 : 0);
      F[spill + i] =
        f.partnerSpillover * (partners < LOG1P.length ? LOG1P[partners] : Math.log(1 + partners));
    }
    for (let j = 0; j < m.nDirty; j++) degreeDirty[dirtyList[j]] = 0;
    m.nDirty = 0;
    m.degreesChanged = false;
  }
  const lagRate = 1 / (4 * sc.bargaining.gainShareYears);
  // Quarterly noise with the yearly sd: sum of four uniforms (mean 2, variance 1/3), near-normal.
  const noise = (f.productivityNoise / 2) * Math.sqrt(3);
  const uDrift = f.uniquenessDrift / 4;
  const thetaTop = f.productivityReturn;
  const thetaSup = f.productivityReturn * (1 + sc.policy.techSharing);
  const st = rng.s;
  let s0 = st[0];
  let s1 = st[1];
  let s2 = st[2];
  let s3 = st[3];
  // Per-quarter products of constants, as the expressions below evaluate them (left to right).
  const ePe = eU * pe;
  const eDPe = eU * dPe;
  const mPm = mU * pm;
  const mDPm = mU * dPm;
  const keepK = 1 - dq;
  const reinvest = f.reinvestShare;
  const payout = f.dividendShare;
  const quitRate = lab.quitRate;
  for (let k = 0; k < tiers; k++) {
    const small = isSmallTier(k, tiers);
    const i1 = tierStart[k + 1];
    const spotPm = k < T ? spotBase[k + 1] * pm : 0;
    const spotDPm = k < T ? spotBase[k + 1] * dPm : 0;
    // Each firm's fields are read once into locals (a store to F could alias any later load).
    for (let i = tierStart[k]; i < i1; i++) {
      if (!alive[i]) {
        F[va + i] = 0;
        F[opProfit + i] = 0;
        F[wPrev + i] = F[w + i];
        F[invest + i] = 0;
        if (labourOn) F[vac + i] = 0;
        continue;
      }
      // ---- accounting
      const xi = F[x + i];
      const wi = F[w + i];
      const li0 = F[L + i];
      const ki = F[K + i];
      const purch = F[purchases + i];
      let revI = F[revenue + i];
      let passI = F[passed + i];
      if (k === 0) {
        const fp = F[finalPrice + i];
        const v = xi * fp;
        revI += v;
        finalSales += v;
        const dv = xi * (fp - F[finalPricePrev + i]);
        passI += dv;
        consumer += dv;
      } else {
        const ds = F[directSold + i];
        if (ds > 0 && xi > 0) {
          const pl = F[planned + i];
          const qd = pl > 0 ? (ds * xi) / pl : 0;
          const dp = F[directPrice + i];
          const v = qd * dp;
          revI += v;
          finalSales += v;
          const dv = qd * (dp - F[directPricePrev + i]);
          passI += dv;
          consumer += dv;
        }
      }
      F[revenue + i] = revI;
      F[passed + i] = passI;
      const energy = ePe * xi;
      let mat = 0;
      let ext = eDPe * xi + ((wi - F[wPrev + i]) / 4) * li0;
      F[wPrev + i] = wi;
      if (k === T) {
        mat = mPm * xi;
        ext += mDPm * xi;
      } else {
        const sp = F[spot + i];
        if (sp > 0) {
          mat = spotPm * sp;
          ext += spotDPm * sp;
        }
      }
      F[costUp + i] += ext;
      external += ext;
      energyCost += energy;
      materialsCost += mat;
      const vai = revI - purch - energy - mat;
      F[va + i] = vai;
      const dep = dq * ki;
      const op = vai - (wi / 4) * li0 - dep;
      F[opProfit + i] = op;
      // Buyer support: a share of positive profit earmarked for suppliers' investment.
      const gv = supportShare > 0 && op > 0 && purch > 0 ? supportShare * op : 0;
      F[give + i] = gv;
      // ---- investment, equity and capital
      const profit = op - gv;
      let inv = 0;
      let grants = 0;
      if (invOn) {
        const own = reinvest * Math.max(profit + dep, 0);
        grants = (supportShare > 0 ? F[support + i] : 0) + (small ? subsidy * own : 0);
        inv = own + grants;
      }
      F[invest + i] = inv;
      if (!frozen) {
        const dividends = payout * Math.max(profit, 0);
        F[E + i] += profit - dividends + grants;
        F[K + i] = ki * keepK + inv;
      }
      F[va4 + i] += vai;
      F[dep4 + i] += dep;
      F[rev4 + i] += revI;
      F[op4 + i] += op;
      const ai = F[A + i];
      // ---- labour market: quits, layoffs and vacancies
      if (labourOn) {
        const ap = F[appeal + i];
        const quits = li0 * Math.min(0.5, quitRate / ap);
        let li = li0 - quits;
        // Workers wanted for the orders the firm can serve.
        const want = Math.min(F[orders + i], xi + 0.1 * ai * li0) / (ai * util);
        if (li > 1.2 * want) li -= 0.25 * (li - 1.2 * want);
        F[L + i] = li;
        lAfter += li;
        const v = want - li;
        if (v > 0) {
          F[vac + i] = v;
          vacSum += v;
          const r = v * ap;
          F[rel + i] = r;
          wsum += r;
        } else F[vac + i] = 0;
      }
      // ---- productivity growth
      if (invOn) {
        const intensity = vai > 0 ? clamp(inv / vai, 0, 1) : 0;
        const theta = i >= t1 ? thetaSup : thetaTop;
        let shock = 0;
        if (noise > 0) {
          // Four rng.next() draws, the generator's state in locals (see Rng): the same numbers.
          let u4 = 0;
          for (let j = 0; j < 4; j++) {
            const r = (((s0 + s1) | 0) + s3) | 0;
            s3 = (s3 + 1) | 0;
            s0 = s1 ^ (s1 >>> 9);
            s1 = (s2 + (s2 << 3)) | 0;
            s2 = (((s2 << 21) | (s2 >>> 11)) + r) | 0;
            u4 += (r >>> 0) * TWO_M32;
          }
          shock = noise * (u4 - 2);
        }
        const g = (theta * intensity + F[spill + i]) / 4 + shock;
        const aNew = ai * (1 + g);
        F[A + i] = aNew;
        const ar = F[Aref + i];
        F[Aref + i] = ar + (aNew - ar) * lagRate;
        if (i >= t1) F[u + i] = clamp(F[u + i] + uDrift * (intensity - 0.1), 0, 1);
      }
    }
    // Buyer support of tier k reaches its suppliers (deeper tiers, not yet updated).
    if (supportShare > 0) {
      const l1 = linkStart[k + 1];
      for (let l = linkStart[k]; l < l1; l++) {
        const bb = buy[l];
        const gb = F[give + bb];
        if (gb > 0 && G[q + l] > 0)
          F[support + sup[l]] += (gb * G[q + l] * G[price + l]) / F[purchases + bb];
      }
    }
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = s3;
  const econ = m.econ;
  econ.finalSales = finalSales;
  econ.energyCost = energyCost;
  econ.materialsCost = materialsCost;
  econ.externalCostUp = external;
  econ.consumerBurden = consumer;
  if (!labourOn || !(wsum > 0)) return false;
  // Hiring from a finite pool of job seekers, by vacancy times appeal.
  const seekers = Math.max(0, m.laborForce0 * m.paths.laborForce[t] - lAfter);
  const hires = Math.min(vacSum, lab.matchingRate * seekers);
  if (hires > 0) {
    m.hires = hires;
    m.hireWeight = wsum;
    return true;
  }
  return false;
}

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

/**
 * Links of exited firms move to live firms of the same tier: buyers re-source,
 * orders follow demand. Returns whether a buyer's input-price sums may have
 * changed: a link moved to another buyer, a link is left with no live
 * supplier, or one may have got back a live supplier (a link whose supplier
 * exited this quarter and is replaced keeps its buyer, price and weight).
 */
function resource(m: Model): boolean {
  const { sup, buy, alive, nLinks, inDeg, outDeg } = m;
  const { tierOf, chain } = m.net;
  let sums = m.deadSupplierLinks;
  for (let l = 0; l < nLinks; l++) {
    const s = sup[l];
    const b = buy[l];
    if (!alive[b]) {
      const nb = substitute(m, tierOf[b], chain[b], b);
      if (nb >= 0) {
        sums = true;
        buy[l] = nb;
        inDeg[b]--;
        inDeg[nb]++;
        degreeChanged(m, b);
        degreeChanged(m, nb);
      }
    }
    if (!alive[s]) {
      const ns = substitute(m, tierOf[s], chain[buy[l]], s);
      if (ns >= 0) {
        sup[l] = ns;
        outDeg[s]--;
        outDeg[ns]++;
        degreeChanged(m, s);
        degreeChanged(m, ns);
      } else {
        // No live firm left in the tier: the link keeps its dead supplier for now.
        sums = true;
        m.deadSupplierLinks = true;
      }
    }
  }
  return sums;
}

/** Firm i's number of partners changed: its spill-over is recomputed before it is next used. */
function degreeChanged(m: Model, i: number): void {
  if (m.degreeDirty[i]) return;
  m.degreeDirty[i] = 1;
  m.dirtyList[m.nDirty++] = i;
}

/** New firms enter dead slots of tiers whose margin last year was above the threshold. */
function enterFirms(m: Model): void {
  const sc = m.sc;
  const { tierStart, linkStart, tierOf } = m.net;
  const { alive, rng, sup, buy } = m;
  const take = Math.max(1, Math.round(sc.network.customersPerSupplier));
  for (let k = 1; k < m.tiers; k++) {
    const ts = tierStart[k];
    const te = tierStart[k + 1];
    let op = 0;
    let rev = 0;
    let dead = 0;
    let aL = 0;
    let wL = 0;
    let kSum = 0;
    let uSum = 0;
    let lSum = 0;
    let nAlive = 0;
    for (let i = ts; i < te; i++) {
      if (!alive[i]) {
        dead++;
        continue;
      }
      op += m.op4[i];
      rev += m.rev4[i];
      aL += m.A[i] * m.L[i];
      wL += m.w[i] * m.L[i];
      kSum += m.K[i];
      uSum += m.u[i];
      lSum += m.L[i];
      nAlive++;
    }
    m.tierMarginYear[k] = rev > 0 ? op / rev : 0;
    if (dead === 0 || nAlive === 0 || !(lSum > 0) || m.tierMarginYear[k] <= sc.firms.entryMargin)
      continue;
    const n = Math.min(dead, Math.floor(sc.firms.entryRate * (te - ts) + rng.next()));
    let entered = 0;
    const off = rng.int(te - ts);
    for (let j = 0; j < te - ts && entered < n; j++) {
      const i = ts + ((off + j) % (te - ts));
      if (alive[i]) continue;
      entered++;
      alive[i] = 1;
      m.L[i] = 0.5 * m.baseL[i];
      m.A[i] = (0.9 * aL) / lSum;
      m.Aref[i] = m.A[i];
      m.Aprev[i] = m.A[i];
      m.Around[i] = m.A[i];
      m.w[i] = wL / lSum;
      m.wPrev[i] = m.w[i];
      m.K[i] = (kSum / lSum) * m.L[i];
      m.E[i] = 0.5 * m.K[i];
      m.u[i] = (0.8 * uSum) / nAlive;
      m.negQ[i] = 0;
      m.roundCost[i] = Infinity; // no pass-through measured before its first round
      m.va4[i] = m.dep4[i] = m.rev4[i] = m.op4[i] = 0;
      m.flows.entries[k] += 1;
      m.directFactor[i] = directFactor(m, i);
      degreeChanged(m, i);
      m.linksChanged = true;
      // Customers: links of suppliers of the same tier that have more than one.
      const c0 = linkStart[Math.max(0, k - 2)];
      const c1 = linkStart[k];
      let got = 0;
      for (let tries = 0; tries < 40 && got < take && c1 > c0; tries++) {
        const l = c0 + rng.int(c1 - c0);
        const s = sup[l];
        if (tierOf[s] !== k || !alive[s] || s === i || m.outDeg[s] < 2 || !alive[buy[l]]) continue;
        sup[l] = i;
        m.outDeg[s]--;
        m.outDeg[i]++;
        degreeChanged(m, s);
        got++;
      }
      // Suppliers: links of buyers of the same tier that have more than one.
      if (k < m.tiers - 1) {
        const s0 = linkStart[k];
        const s1 = linkStart[k + 1];
        got = 0;
        for (let tries = 0; tries < 40 && got < take && s1 > s0; tries++) {
          const l = s0 + rng.int(s1 - s0);
          const bb = buy[l];
          if (!alive[bb] || bb === i || m.inDeg[bb] < 2 || !alive[sup[l]]) continue;
          buy[l] = i;
          m.inDeg[bb]--;
          m.inDeg[i]++;
          degreeChanged(m, bb);
          got++;
        }
      }
    }
  }
}

/**
 * The end of the quarter, in one pass over the firms: hires (from
 * updateFirms()), exits (negative equity for a
 * year, no workers left, or no successor) and the per-tier sums for the
 * recorder. Links of exited firms are re-sourced afterwards.
 */
function closeQuarter(m: Model, hire: boolean, exitOn: boolean): void {
  const fl = m.flows;
  const { alive, negQ, rng } = m;
  const { tierStart } = m.net;
  const F = m.fb;
  const { L, w, va, costUp, passed, revenue, opProfit, invest, x, A, K, E } = m.fo;
  const vac = m.fo.scratchC;
  const rel = m.fo.scratchB;
  const h = m.sc.firms.successionHazard / 4;
  const hires = m.hires;
  const wsum = m.hireWeight;
  let anyExit = false;
  let emp = 0;
  const st = rng.s;
  let s0 = st[0];
  let s1 = st[1];
  let s2 = st[2];
  let s3 = st[3];
  for (let k = 0; k < m.tiers; k++) {
    const small = isSmallTier(k, m.tiers);
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
    let exits = 0;
    const a0 = m.tierA0[k];
    const i1 = tierStart[k + 1];
    for (let i = tierStart[k]; i < i1; i++) {
      // Value added and cost-ups of a firm that closed this quarter still count where they arose.
      cu += F[costUp + i];
      po += F[passed + i];
      vaK += F[va + i];
      if (!alive[i]) continue;
      let li = F[L + i];
      // Hiring (vacancies are zero for dead firms).
      if (hire) {
        const v = F[vac + i];
        if (v > 0) {
          li += Math.min(v, (hires * F[rel + i]) / wsum);
          F[L + i] = li;
        }
      }
      if (exitOn) {
        negQ[i] = F[E + i] < 0 ? negQ[i] + 1 : 0;
        let succession = false;
        if (small) {
          // rng.next() < h, the generator's state in locals (see Rng): the same number.
          const r = (((s0 + s1) | 0) + s3) | 0;
          s3 = (s3 + 1) | 0;
          s0 = s1 ^ (s1 >>> 9);
          s1 = (s2 + (s2 << 3)) | 0;
          s2 = (((s2 << 21) | (s2 >>> 11)) + r) | 0;
          succession = (r >>> 0) * TWO_M32 < h;
        }
        if (negQ[i] >= 4 || li < 0.5 || succession) {
          alive[i] = 0;
          m.original[i] = 0;
          F[L + i] = 0;
          exits++;
          anyExit = true;
          continue;
        }
      }
      firms++;
      empK += li;
      wl += F[w + i] * li;
      rev += F[revenue + i];
      op += F[opProfit + i];
      inv += F[invest + i];
      out += F[x + i];
      prod += (F[A + i] / a0) * li;
      cap += F[K + i];
    }
    fl.exits[k] += exits;
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
    emp += empK;
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = s3;
  m.econ.employment = emp;
  if (anyExit && resource(m)) m.linksChanged = true;
}

function resetRoundFlows(fl: TierFlows): void {
  fl.ptWeighted.fill(0);
  fl.ptWeight.fill(0);
  fl.ptCount.fill(0);
  fl.ptFull.fill(0);
  fl.ptNone.fill(0);
  fl.exits.fill(0);
  fl.entries.fill(0);
}

/**
 * One quarter. `t` is the reported quarter (0-based); a negative t is a
 * burn-in quarter: prices negotiate and goods flow, everything else is frozen
 * at its starting value and nothing is measured.
 */
export function step(m: Model, t: number): void {
  const sc = m.sc;
  const frozen = t < 0;
  const mech = sc.mechanisms;
  const paths = m.paths;
  const pe = frozen ? 1 : paths.energy[t];
  const pm = frozen ? 1 : paths.materials[t];
  const dPe = pe - m.prevEnergy;
  const dPm = pm - m.prevMaterials;
  resetRoundFlows(m.flows);
  const quarterOfYear = ((t % 4) + 4) % 4;
  if (!frozen && quarterOfYear === 0 && t > 0) {
    if (mech.wages) wageRound(m, t);
    else for (let i = 0; i < m.nFirms; i++) m.Aprev[i] = m.A[i];
    if (mech.entry) enterFirms(m);
    updateAppeal(m);
    m.va4.fill(0);
    m.dep4.fill(0);
    m.rev4.fill(0);
    m.op4.fill(0);
  }
  if (!frozen && !mech.wages) {
    // Wages still obey the minimum-wage floor when wage rounds are off.
    const wMin = paths.minimumWage[t];
    for (let i = 0; i < m.nFirms; i++) if (m.w[i] < wMin) m.w[i] = wMin;
  }
  const round = ((t % m.quartersPerRound) + m.quartersPerRound) % m.quartersPerRound === 0;
  computeInputPrices(m);
  computeCosts(m, 0, m.tiers, pe, pm, true, round);
  // Last quarter's prices, copied only where they may differ and are read: link prices move only
  // in negotiate() and pricePrev is only read on round quarters (produce()); direct prices move
  // only in negotiate(); final prices move (setFinalPrices()) and are read (updateFirms()) only
  // at tier 0.
  if (round) m.pricePrev.set(m.price);
  if (m.directPricesMoved) {
    m.directPricePrev.set(m.directPrice);
    m.directPricesMoved = false;
  }
  const F = m.fb;
  const fp = m.fo.finalPrice;
  const fpPrev = m.fo.finalPricePrev;
  const t0end = m.net.tierStart[1];
  for (let i = 0; i < t0end; i++) F[fpPrev + i] = F[fp + i];
  m.econ.round = round && !frozen;
  if (round) negotiate(m, !frozen);
  setFinalPrices(m);
  if (round) measureFinal(m, !frozen);
  const demand = setDemand(m, Math.max(t, 0), frozen);
  m.econ.demand = demand;
  produce(m, demand, round, directLevel(m, Math.max(t, 0), frozen), mech.valueDemand && !frozen);
  const hire = updateFirms(m, t, frozen, pe, pm, dPe, dPm);
  m.prevEnergy = pe;
  m.prevMaterials = pm;
  // A burn-in quarter has no hires, exits or measurements: nothing for closeQuarter() to do.
  if (!frozen) closeQuarter(m, hire, mech.exit);
  m.econ.laborForce = frozen ? m.laborForce0 : m.laborForce0 * paths.laborForce[t];
}

/** Ends the burn-in: fixes the base of every index and gives firms their starting equity. */
export function startReporting(m: Model): void {
  const { nFirms, tiers } = m;
  m.P0 = m.econ.finalPrice > 0 ? m.econ.finalPrice : 1;
  m.directPrice0.set(m.directPrice);
  for (let i = 0; i < nFirms; i++) if (!(m.directPrice0[i] > 0)) m.directPrice0[i] = 1;
  m.A0.set(m.A);
  for (let i = 0; i < nFirms; i++) {
    m.E[i] = 0.5 * m.K[i] + 0.3 * m.revenue[i];
    m.negQ[i] = 0;
  }
  m.va4.fill(0);
  m.dep4.fill(0);
  m.rev4.fill(0);
  m.op4.fill(0);
  // Workers' reference wage at each tier relative to the economy mean.
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
}
