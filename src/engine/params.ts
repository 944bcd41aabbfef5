/**
 * The scenario's parameters: one table that is the single source for the
 * defaults, the validation schema, the CLI's --describe and the UI's controls.
 * Every scalar lever has a path (e.g. `policy.costDown`), a unit, a default, a
 * range and a plain-words explanation.
 */

export type Group =
  | 'policy'
  | 'network'
  | 'market'
  | 'labor'
  | 'costs'
  | 'bargaining'
  | 'firms'
  | 'mechanisms'
  | 'simulation';

export interface NumberParam {
  path: string;
  kind: 'number' | 'integer';
  group: Group;
  label: string;
  unit: string;
  default: number;
  min: number;
  max: number;
  step: number;
  /** What it means in the real world. */
  help: string;
  /** Where the default comes from (a Japanese figure where there is one). */
  source?: string;
  /** Shown among the key levers of the UI. */
  key?: boolean;
}

export interface BooleanParam {
  path: string;
  kind: 'boolean';
  group: Group;
  label: string;
  unit: '';
  default: boolean;
  help: string;
  source?: string;
  key?: boolean;
}

export type ParamSpec = NumberParam | BooleanParam;

const num = (
  path: string,
  group: Group,
  label: string,
  unit: string,
  def: number,
  min: number,
  max: number,
  step: number,
  help: string,
  extra: { source?: string; key?: boolean; integer?: boolean } = {},
): NumberParam => ({
  path,
  kind: extra.integer ? 'integer' : 'number',
  group,
  label,
  unit,
  default: def,
  min,
  max,
  step,
  help,
  source: extra.source,
  key: extra.key,
});

const bool = (
  path: string,
  group: Group,
  label: string,
  def: boolean,
  help: string,
  extra: { source?: string; key?: boolean } = {},
): BooleanParam => ({
  path,
  kind: 'boolean',
  group,
  label,
  unit: '',
  default: def,
  help,
  ...extra,
});

/** Every scalar parameter of a scenario. Arrays (firm counts, shocks) are described below. */
export const PARAMS: readonly ParamSpec[] = [
  // ---- Policy levers
  num(
    'policy.costDown',
    'policy',
    'Cost-down demand',
    'share/year',
    0.02,
    0,
    0.1,
    0.005,
    "Price cut that buyers ask of their suppliers each year, on top of cost-based pricing. Applied at every negotiation round, pro-rated, and weakened by the supplier's bargaining power.",
    {
      source: 'Annual cost-down requests of 1-3% are common industry practice in Japan.',
      key: true,
    },
  ),
  num(
    'policy.passThroughFloor',
    'policy',
    'Pass-through floor',
    'share',
    0.15,
    0,
    1,
    0.05,
    "The least share of the gap between the current price and the cost-based target that a buyer must close at each round, whatever the supplier's power. 1 = cost-ups are passed on in full at the next round.",
    {
      source:
        'Measured pass-through in Japan was 46.9% (Sep 2022) to 53.5% (Sep 2025), SME Agency surveys.',
      key: true,
    },
  ),
  num(
    'policy.gainShareFloor',
    'policy',
    'Gain-share floor',
    'share',
    0.1,
    0,
    1,
    0.05,
    'The least share of its recent productivity savings that a supplier keeps instead of handing them to the buyer as price cuts. 0.5 = a 50/50 split of the results of cost-down activities.',
    {
      source:
        'Comany shares the results of cost reductions 50/50 with its suppliers (source document).',
      key: true,
    },
  ),
  num(
    'policy.buyerSupport',
    'policy',
    'Buyer support for supplier investment',
    'share of profit',
    0,
    0,
    0.2,
    0.01,
    "Share of each buyer's positive profit that it spends on its suppliers' investment (equipment, digital tools), split by purchase shares.",
    {
      source:
        "Toyota's supplier improvement support; Kewpie's low-cost AI inspection device (source document).",
      key: true,
    },
  ),
  num(
    'policy.techSharing',
    'policy',
    'Technology sharing',
    'multiplier',
    0,
    0,
    1,
    0.05,
    "How much buyers' technology sharing raises the productivity return of their suppliers' investment (0 = none, 1 = doubles it).",
  ),
  num(
    'policy.subsidy',
    'policy',
    'Public investment subsidy',
    'share of investment',
    0,
    0,
    0.5,
    0.05,
    'Share added by the government on top of what small suppliers (tier 2 and deeper) invest from their own funds.',
  ),
  bool(
    'policy.belowCostBan',
    'policy',
    'Ban on prices below unit cost',
    false,
    "A negotiated price may not fall below the supplier's unit cost (in the spirit of the 2026 revised Subcontract Act banning unilateral price setting).",
  ),

  // ---- Network
  num(
    'network.customersPerSupplier',
    'network',
    'Customers per supplier',
    'buyers',
    1.8,
    1,
    8,
    0.1,
    'Mean number of buyers each supplier sells to. About 1 is a captive pyramid; 3-5 is a layered web in which a supplier depends less on any one customer.',
    {
      source:
        'Under 60% of Japanese subcontractors had 5 or fewer regular customers; about 60% sold over 30% to the largest one (2014).',
      key: true,
    },
  ),
  num(
    'network.crossChain',
    'network',
    'Cross-chain links',
    'share of links',
    0.15,
    0,
    1,
    0.01,
    "Share of a supplier's extra customer links that go to buyers outside its home chain (another final-goods maker's pyramid).",
  ),
  num(
    'network.tierSkip',
    'network',
    'Tier-skipping links',
    'share of links',
    0.03,
    0,
    0.5,
    0.01,
    'Share of extra customer links that skip a tier (a tier-3 firm selling straight to a tier-1 firm).',
  ),
  num(
    'network.directSales',
    'network',
    'Direct sales to final users',
    'share of output',
    0.05,
    0,
    0.5,
    0.01,
    "Share of each supplier's output that it sells to final users under its own brand, at its own price.",
  ),

  // ---- Market
  num(
    'market.valueOrientation',
    'market',
    "Consumers' value orientation",
    '0-1',
    0.4,
    0,
    1,
    0.05,
    '0 = consumers want "cheap and good" (price-sensitive demand, final prices sticky); 1 = they pay for value (demand follows the chain\'s quality, prices adjust to costs).',
    {
      source:
        'Japanese consumers moved from "want cheap" toward "quality / what I want" between 2000 and 2018 (source document).',
      key: true,
    },
  ),
  num(
    'market.priceElasticity',
    'market',
    'Price elasticity of final demand',
    'elasticity',
    1.2,
    0,
    4,
    0.1,
    'How much final demand falls when real final prices rise 1%, for fully price-oriented consumers (scaled down by value orientation).',
  ),
  num(
    'market.qualityElasticity',
    'market',
    'Quality elasticity of final demand',
    'elasticity',
    0.8,
    0,
    3,
    0.1,
    "How much final demand rises with the chain's productivity and quality index, for fully value-oriented consumers.",
  ),
  num(
    'market.demandGrowth',
    'market',
    'Final-demand growth',
    'share/year',
    0.005,
    -0.05,
    0.05,
    0.005,
    'Trend growth of real final demand before price and quality effects.',
  ),
  num(
    'market.finalMarkup',
    'market',
    'Final-goods markup',
    'share of cost',
    0.1,
    0,
    0.5,
    0.01,
    'Markup of final-goods makers (tier 0) over their unit cost.',
    { source: 'Gives tier-0 margins of 5-15%, as for large Japanese manufacturers.' },
  ),
  num(
    'market.finalPriceSpeed',
    'market',
    'Final-price adjustment speed',
    'share/quarter',
    0.25,
    0,
    1,
    0.05,
    'Share of the gap to the cost-plus final price that tier 0 can close each quarter when consumers are fully price-oriented; value orientation raises it toward 1.',
  ),

  // ---- Labour and shocks
  num(
    'labor.minimumWage',
    'labor',
    'Minimum labour cost',
    '¥10k/year',
    240,
    100,
    600,
    5,
    'Yearly labour cost of a full-time worker at the minimum wage (wage plus social contributions).',
    { source: '¥1,055/hour (FY2024) x about 1,950 hours, plus about 17% employer contributions.' },
  ),
  num(
    'labor.minimumWageGrowth',
    'labor',
    'Minimum-wage growth',
    'share/year',
    0.04,
    -0.02,
    0.1,
    0.005,
    'Yearly rise of the minimum wage.',
    { source: 'FY2024: +5.1%.' },
  ),
  num(
    'labor.minimumWageSpillover',
    'labor',
    'Minimum-wage spill-over',
    'elasticity',
    0.5,
    0,
    1,
    0.05,
    'How far a minimum-wage rise lifts wages of low-paying firms above the minimum (full for firms paying the minimum, fading out at 2.5 times it).',
  ),
  num(
    'labor.laborForceGrowth',
    'labor',
    'Labour-force growth',
    'share/year',
    -0.005,
    -0.03,
    0.02,
    0.001,
    'Yearly change of the number of people available to work in the modelled industry.',
    { source: "Japan's labour force is shrinking by about 0.5% a year." },
  ),
  num(
    'labor.initialUnemployment',
    'labor',
    'Initial unemployment',
    'share',
    0.025,
    0.005,
    0.2,
    0.005,
    'Job seekers as a share of the labour force at the start.',
    { source: 'Japan 2024: 2.5%.' },
  ),
  num(
    'labor.wageProductivityShare',
    'labor',
    'Productivity share in wage rounds',
    'share',
    0.5,
    0,
    1,
    0.05,
    "Share of a firm's own productivity growth over the year that its wage round adds to wages.",
  ),
  num(
    'labor.wageCatchUp',
    'labor',
    "Catch-up to the tier's market wage",
    'share/year',
    0.2,
    0,
    1,
    0.05,
    'Share of the gap to the mean wage of its tier that a firm closes each wage round.',
  ),
  num(
    'labor.affordabilityFloor',
    'labor',
    'Affordability floor',
    'operating margin',
    0.01,
    -0.05,
    0.1,
    0.005,
    "A wage round may not push the firm's operating margin (at last year's sales) below this.",
  ),
  num(
    'labor.quitRate',
    'labor',
    'Base quit rate',
    'share/quarter',
    0.03,
    0,
    0.2,
    0.005,
    'Share of workers who leave each quarter when their wage is at the market reference.',
    { source: 'Japan: separation rate about 15% a year, part of it retirement.' },
  ),
  num(
    'labor.quitSensitivity',
    'labor',
    'Quit sensitivity to wages',
    'elasticity',
    3,
    0,
    10,
    0.5,
    "How strongly quits rise (and hires fall) when a firm's wage is below the market reference for its tier.",
  ),
  num(
    'labor.matchingRate',
    'labor',
    'Job matching rate',
    'share/quarter',
    0.5,
    0.05,
    1,
    0.05,
    'Share of job seekers hired each quarter when there are enough vacancies.',
  ),

  // ---- Costs and prices (exogenous paths; shocks are a list, below)
  num(
    'costs.inflation',
    'costs',
    'General inflation',
    'share/year',
    0.015,
    -0.02,
    0.1,
    0.005,
    'Rise of the general price level, which sets expected inflation in wage rounds and deflates final prices for consumers.',
  ),
  num(
    'costs.energyPriceGrowth',
    'costs',
    'Energy price trend',
    'share/year',
    0.01,
    -0.05,
    0.2,
    0.005,
    'Yearly trend of the energy price index, before shocks.',
  ),
  num(
    'costs.materialsPriceGrowth',
    'costs',
    'Materials price trend',
    'share/year',
    0.01,
    -0.05,
    0.2,
    0.005,
    'Yearly trend of the materials price index, before shocks.',
  ),
  num(
    'costs.energyIntensity',
    'costs',
    'Energy cost per unit',
    'share of final price',
    0.015,
    0,
    0.1,
    0.005,
    'Energy bought per unit of output at every tier, as a share of the initial final-goods price.',
  ),
  num(
    'costs.materialsIntensity',
    'costs',
    'Materials cost per unit',
    'share of final price',
    0.22,
    0,
    0.6,
    0.01,
    'Raw materials bought by the deepest tier per unit of output, as a share of the initial final-goods price.',
  ),

  // ---- Bargaining
  num(
    'bargaining.betaMin',
    'bargaining',
    'Least bargaining power',
    '0-1',
    0.05,
    0,
    1,
    0.01,
    'Bargaining power of a fully captive, replaceable supplier.',
  ),
  num(
    'bargaining.betaMax',
    'bargaining',
    'Most bargaining power',
    '0-1',
    0.9,
    0,
    1,
    0.01,
    'Bargaining power of a unique supplier with no dependency on the buyer.',
  ),
  num(
    'bargaining.marginMin',
    'bargaining',
    'Normal margin, weakest supplier',
    'share of cost',
    0.02,
    -0.05,
    0.3,
    0.005,
    'Margin over unit cost that a buyer concedes to a supplier with no bargaining power.',
  ),
  num(
    'bargaining.marginMax',
    'bargaining',
    'Normal margin, strongest supplier',
    'share of cost',
    0.12,
    0,
    0.5,
    0.005,
    'Margin over unit cost that a supplier with full bargaining power obtains; also its margin on direct sales.',
  ),
  num(
    'bargaining.cascade',
    'bargaining',
    'Squeeze cascade',
    '0-1',
    0.5,
    0,
    1,
    0.05,
    "How much a buyer squeezed by its own customers (thin margin) resists its suppliers' price increases and presses harder for cuts.",
  ),
  num(
    'bargaining.squeezeMargin',
    'bargaining',
    'Margin below which a buyer feels squeezed',
    'operating margin',
    0.05,
    0.005,
    0.3,
    0.005,
    'A buyer with an operating margin above this is not squeezed; at zero or below it is fully squeezed.',
  ),
  num(
    'bargaining.gainShareYears',
    'bargaining',
    'Gain-sharing memory',
    'years',
    3,
    0.5,
    10,
    0.5,
    "Productivity savings of about this many past years count as the supplier's own savings in gain sharing.",
  ),
  num(
    'bargaining.uniquenessTop',
    'bargaining',
    'Uniqueness of tier-1 suppliers',
    '0-1',
    0.6,
    0,
    1,
    0.05,
    'How hard a tier-1 supplier is to replace (own technology, 自社の強み).',
  ),
  num(
    'bargaining.uniquenessDeepest',
    'bargaining',
    'Uniqueness of the deepest tier',
    '0-1',
    0.3,
    0,
    1,
    0.05,
    'How hard a deepest-tier supplier is to replace; tiers between are interpolated.',
  ),

  // ---- Firms (initial conditions and behaviour)
  num(
    'firms.wageTop',
    'firms',
    'Labour cost per worker, tier 0',
    '¥10k/year',
    580,
    200,
    2000,
    10,
    'Yearly labour cost per employee at final-goods makers at the start (pay, bonus, contributions).',
    { source: 'Labour share 48.2% x about ¥12m value added per worker at large firms (FY2023).' },
  ),
  num(
    'firms.wageRatioDeepest',
    'firms',
    'Deepest-tier wage relative to tier 0',
    'ratio',
    0.79,
    0.3,
    1.2,
    0.01,
    'Starting labour cost per worker of the deepest tier relative to tier 0; tiers between are interpolated geometrically.',
    {
      source:
        'Scheduled pay ¥299.3k (10-99 employees) vs ¥364.5k (1000+), 2024 wage structure survey: 0.82.',
    },
  ),
  num(
    'firms.laborCostShare',
    'firms',
    'Labour cost per unit at each tier',
    'share of final price',
    0.12,
    0.02,
    0.3,
    0.01,
    'Labour cost that each tier adds per unit of output at the start, as a share of the initial final-goods price; sets productivity.',
  ),
  num(
    'firms.capitalPerWorkerTop',
    'firms',
    'Capital per worker, tier 0',
    '¥10k',
    3000,
    0,
    20000,
    100,
    'Capital stock per employee at final-goods makers at the start.',
  ),
  num(
    'firms.capitalRatioDeepest',
    'firms',
    'Deepest-tier capital per worker relative to tier 0',
    'ratio',
    0.3,
    0.05,
    1.5,
    0.05,
    'Capital per worker of the deepest tier relative to tier 0 at the start; tiers between are interpolated.',
  ),
  num(
    'firms.depreciation',
    'firms',
    'Depreciation rate',
    'share/year',
    0.1,
    0.02,
    0.3,
    0.01,
    'Share of the capital stock used up each year.',
  ),
  num(
    'firms.employeesTop',
    'firms',
    'Employees per final-goods maker',
    'persons',
    3000,
    10,
    100000,
    10,
    'Average starting employment of a tier-0 firm; sets the scale of the whole chain.',
  ),
  num(
    'firms.spareCapacity',
    'firms',
    'Spare capacity',
    'share',
    0.1,
    0,
    0.5,
    0.01,
    'Share of capacity not used at the start.',
  ),
  num(
    'firms.reinvestShare',
    'firms',
    'Reinvestment share',
    'share of cash flow',
    0.4,
    0,
    1,
    0.05,
    'Share of positive cash flow (profit before depreciation) that a firm invests.',
  ),
  num(
    'firms.dividendShare',
    'firms',
    'Dividend payout',
    'share of profit',
    0.3,
    0,
    1,
    0.05,
    'Share of positive profit paid out to owners.',
  ),
  num(
    'firms.productivityReturn',
    'firms',
    'Productivity return on investment',
    'growth per unit I/VA',
    0.06,
    0,
    0.5,
    0.01,
    'Yearly productivity growth per unit of investment intensity (investment / value added): 0.06 turns an investment rate of 20% into 1.2% a year.',
    {
      source:
        "Calibrated so that large manufacturers' 15-20% investment rates give 1-2% productivity growth.",
    },
  ),
  num(
    'firms.partnerSpillover',
    'firms',
    'Spill-over from partners',
    'growth per log partner',
    0.002,
    0,
    0.05,
    0.001,
    'Yearly productivity growth from open innovation, per log of the number of distinct trading partners.',
  ),
  num(
    'firms.productivityNoise',
    'firms',
    'Productivity noise',
    'sd/year',
    0.01,
    0,
    0.1,
    0.005,
    'Standard deviation of firm-specific productivity shocks per year.',
  ),
  num(
    'firms.uniquenessDrift',
    'firms',
    'Uniqueness drift',
    'per unit I/VA/year',
    0.3,
    0,
    2,
    0.05,
    "How fast a supplier's uniqueness rises when it invests more than 10% of its value added (and falls when it invests less).",
  ),
  num(
    'firms.successionHazard',
    'firms',
    'Succession exit hazard',
    'share/year',
    0.01,
    0,
    0.1,
    0.005,
    'Yearly probability that a small firm (tier 2 and deeper) closes for lack of a successor.',
  ),
  num(
    'firms.entryMargin',
    'firms',
    'Entry margin threshold',
    'operating margin',
    0.05,
    -0.05,
    0.3,
    0.005,
    'New firms enter a tier (in the slots of firms that exited) when its mean operating margin is above this.',
  ),
  num(
    'firms.entryRate',
    'firms',
    'Entry rate',
    'share/year',
    0.02,
    0,
    0.2,
    0.005,
    'Most new firms per year in a tier, as a share of its starting firm count.',
  ),

  // ---- Mechanisms (each can be switched off)
  bool(
    'mechanisms.negotiation',
    'mechanisms',
    'Price negotiation',
    true,
    'Prices on supplier links move toward the bargained cost-plus target at every round. Off: prices stay at their starting values.',
  ),
  bool(
    'mechanisms.cascade',
    'mechanisms',
    'Squeeze cascade',
    true,
    "A squeezed buyer resists its suppliers' price increases. Off: buyers' own situation does not matter.",
  ),
  bool(
    'mechanisms.reallocation',
    'mechanisms',
    'Order reallocation',
    true,
    "Orders a supplier cannot fill move to the buyer's other suppliers with spare capacity.",
  ),
  bool(
    'mechanisms.wages',
    'mechanisms',
    'Wage rounds',
    true,
    'Yearly wage rounds. Off: wages stay at their starting values.',
  ),
  bool(
    'mechanisms.laborMarket',
    'mechanisms',
    'Labour market',
    true,
    'Quits, hiring and a finite labour force. Off: every firm has the workers it wants.',
  ),
  bool(
    'mechanisms.investment',
    'mechanisms',
    'Investment and productivity',
    true,
    'Investment, capital accumulation, productivity growth and uniqueness drift. Off: no investment, productivity constant.',
  ),
  bool(
    'mechanisms.valueDemand',
    'mechanisms',
    'Price and quality in final demand',
    true,
    'Final demand responds to real prices and to quality. Off: demand follows its trend only.',
  ),
  bool(
    'mechanisms.exit',
    'mechanisms',
    'Exit and re-sourcing',
    true,
    'Insolvent firms, firms with no workers and firms without a successor close; buyers re-source.',
  ),
  bool('mechanisms.entry', 'mechanisms', 'Entry', true, 'New firms enter profitable tiers.'),

  // ---- Simulation
  num(
    'seed',
    'simulation',
    'Random seed',
    '',
    1,
    0,
    2 ** 31 - 1,
    1,
    'Seed of the random generator: the same scenario and seed always give the same results.',
    { integer: true },
  ),
  num(
    'years',
    'simulation',
    'Years simulated',
    'years',
    20,
    1,
    50,
    1,
    'Length of the reported period.',
    { integer: true },
  ),
  num(
    'simulation.startYear',
    'simulation',
    'First year',
    'year',
    2026,
    1990,
    2100,
    1,
    'Calendar year of the first reported quarter (labels only).',
    { integer: true },
  ),
  num(
    'simulation.burnInYears',
    'simulation',
    'Burn-in',
    'years',
    2,
    0,
    20,
    1,
    "Years of price negotiation run before the reported period so that it starts from the model's own balanced prices.",
    { integer: true },
  ),
  num(
    'simulation.roundsPerYear',
    'simulation',
    'Negotiation rounds per year',
    'rounds/year',
    2,
    1,
    4,
    1,
    "Price negotiation rounds per year (Japan's price-negotiation months are March and September).",
    { integer: true },
  ),
];

export const PARAM_BY_PATH: ReadonlyMap<string, ParamSpec> = new Map(
  PARAMS.map((p) => [p.path, p]),
);

export const SHOCK_VARIABLES = [
  'energy',
  'materials',
  'minimumWage',
  'demand',
  'laborForce',
  'inflation',
] as const;
export type ShockVariable = (typeof SHOCK_VARIABLES)[number];

export interface Shock {
  /** Which exogenous path the shock moves. */
  variable: ShockVariable;
  /** Years after the start of the reported period when the shock begins. */
  start: number;
  /** Years over which it builds up (0 = at once). */
  duration: number;
  /** Size: a relative change of the level (0.4 = +40%), or for inflation, points added to the yearly rate. */
  size: number;
}

export const MAX_TIERS = 6;
export const MAX_FIRMS = 250_000;
export const MAX_FIRMS_PER_TIER = 200_000;
export const MAX_SHOCKS = 20;

/** Scalar values by path plus the two arrays. */
export interface Scenario {
  seed: number;
  years: number;
  policy: {
    costDown: number;
    passThroughFloor: number;
    gainShareFloor: number;
    buyerSupport: number;
    techSharing: number;
    subsidy: number;
    belowCostBan: boolean;
  };
  network: {
    firmsPerTier: number[];
    customersPerSupplier: number;
    crossChain: number;
    tierSkip: number;
    directSales: number;
  };
  market: {
    valueOrientation: number;
    priceElasticity: number;
    qualityElasticity: number;
    demandGrowth: number;
    finalMarkup: number;
    finalPriceSpeed: number;
  };
  labor: {
    minimumWage: number;
    minimumWageGrowth: number;
    minimumWageSpillover: number;
    laborForceGrowth: number;
    initialUnemployment: number;
    wageProductivityShare: number;
    wageCatchUp: number;
    affordabilityFloor: number;
    quitRate: number;
    quitSensitivity: number;
    matchingRate: number;
  };
  costs: {
    inflation: number;
    energyPriceGrowth: number;
    materialsPriceGrowth: number;
    energyIntensity: number;
    materialsIntensity: number;
  };
  bargaining: {
    betaMin: number;
    betaMax: number;
    marginMin: number;
    marginMax: number;
    cascade: number;
    squeezeMargin: number;
    gainShareYears: number;
    uniquenessTop: number;
    uniquenessDeepest: number;
  };
  firms: {
    wageTop: number;
    wageRatioDeepest: number;
    laborCostShare: number;
    capitalPerWorkerTop: number;
    capitalRatioDeepest: number;
    depreciation: number;
    employeesTop: number;
    spareCapacity: number;
    reinvestShare: number;
    dividendShare: number;
    productivityReturn: number;
    partnerSpillover: number;
    productivityNoise: number;
    uniquenessDrift: number;
    successionHazard: number;
    entryMargin: number;
    entryRate: number;
  };
  mechanisms: {
    negotiation: boolean;
    cascade: boolean;
    reallocation: boolean;
    wages: boolean;
    laborMarket: boolean;
    investment: boolean;
    valueDemand: boolean;
    exit: boolean;
    entry: boolean;
  };
  simulation: {
    startYear: number;
    burnInYears: number;
    roundsPerYear: number;
  };
  shocks: Shock[];
}

export const DEFAULT_FIRMS_PER_TIER: readonly number[] = [3, 18, 90, 360];

/** Reads a dotted path of a nested object. */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Writes a dotted path of a nested object, creating objects on the way. */
export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur: Record<string, unknown> = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = cur[parts[i]];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) {
      cur[parts[i]] = {};
    }
    cur = cur[parts[i]] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]] = value;
}

/** The default scenario: Japan today without a cost surge. */
export function defaultScenario(): Scenario {
  const s: Record<string, unknown> = {};
  for (const p of PARAMS) setPath(s, p.path, p.default);
  setPath(s, 'network.firmsPerTier', [...DEFAULT_FIRMS_PER_TIER]);
  s.shocks = [];
  return s as unknown as Scenario;
}
