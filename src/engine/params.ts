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
    "Price cut that buyers ask of their suppliers each year. It cuts the agreed price at every negotiation round (pro-rated, so it compounds year after year), weakened by the supplier's bargaining power and capped by a gain-sharing contract.",
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
    0,
    0,
    1,
    0.05,
    "A rule on settled negotiations: when a buyer answers a supplier's request for a price revision, it passes on at least this share of each item of the supplier's claimed cost-up, whatever the supplier's power. 1 = every settled claim is passed on in full. Suppliers that dare not ask, or whose request is refused, are not covered. It binds only above the share a settled claim already gets (with the defaults at least about a quarter, even for a powerless supplier): 0 = no such rule, as in Japan today.",
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
    "A gain-sharing contract: the supplier keeps this share of the productivity savings it makes, for good. Cost-down cuts are then capped at the buyer's share (1 - g) of the savings actually made, and re-quotes leave the supplier its share. 0 = no contract: yearly cost-downs are demanded whatever the supplier saved, and re-quotes take its savings.",
    {
      source:
        'Comany shares the results of cost reductions 50/50 with its suppliers (source document).',
      key: true,
    },
  ),
  num(
    'policy.laborCostAcceptance',
    'policy',
    'Labour-cost acceptance',
    'share',
    0.3,
    0,
    1,
    0.05,
    "How readily buyers accept a supplier's own labour-cost rises as a reason for a higher price, beyond what the supplier's bargaining power wins (0 = labour costs are \"the supplier's own effort\", 1 = passed like materials).",
    {
      source:
        'Labour costs were long refused in Japan; the November 2023 labour-cost pass-through guideline targets exactly that. Judgement, tested in the sensitivity analysis.',
      key: true,
    },
  ),
  num(
    'policy.dutyToRespond',
    'policy',
    'Duty to respond to negotiation requests',
    'share',
    0,
    0,
    1,
    0.05,
    'Share of buyers that obey a legal duty to answer a request for a price negotiation (0 = no such duty). Answering is not accepting: a settled negotiation still splits the cost-up.',
    { source: 'The 2026 revised Subcontract Act (from January 2026) makes this a duty.' },
  ),
  num(
    'policy.enforcement',
    'policy',
    'Enforcement intensity',
    '0-1',
    0.2,
    0,
    1,
    0.05,
    'Inspections and guidance of buyers (e.g. the Subcontracting G-men, 下請Gメン): buyers answer requests more often, and suppliers dare to ask more often.',
    { source: 'Judgement, tested in the sensitivity analysis.' },
  ),
  num(
    'policy.declarationShare',
    'policy',
    'Buyers with a partnership declaration',
    'share of buyers',
    0.3,
    0,
    1,
    0.05,
    'Share of buyers that have published a partnership-building declaration (パートナーシップ構築宣言), promising to answer price negotiations.',
    { source: 'Over 50,000 firms had declared by 2024, many of them large buyers. Judgement.' },
  ),
  num(
    'policy.declarationCompliance',
    'policy',
    'Compliance with declarations',
    'share',
    0.5,
    0,
    1,
    0.05,
    'How far a declaring buyer keeps its promise: the share of the requests it would otherwise leave unanswered that it answers.',
    { source: 'Judgement, tested in the sensitivity analysis.' },
  ),
  num(
    'policy.negotiationPush',
    'policy',
    'Negotiation-month push',
    'share',
    0.1,
    0,
    0.5,
    0.05,
    "Added probability that a supplier with a cost-up asks for a price revision at a round, from the government's price-negotiation promotion months (March and September, since 2021).",
    { source: 'Judgement, tested in the sensitivity analysis.' },
  ),
  num(
    'policy.paymentDays',
    'policy',
    'Payment terms',
    'days',
    90,
    0,
    150,
    5,
    "Days between a supplier's delivery and its buyer's payment. The supplier finances the receivable at its credit rate, and it uses up its credit line.",
    {
      source:
        'Promissory notes ran to 120 days; the 2026 act caps terms at 60 days and bans promissory notes.',
    },
  ),
  num(
    'policy.equipmentCost',
    'policy',
    'Equipment cost for small firms',
    'multiplier',
    1,
    0.2,
    1.5,
    0.05,
    'Price of productivity-raising equipment for small firms (tier 2 and deeper) relative to the standard price: 0.5 = equipment built for SMEs at half the price, so each yen invested buys twice the productivity gain.',
    {
      source:
        "Kewpie's AI inspection device at a tenth of the price of a standard one (source document); over all equipment a smaller gain. Judgement.",
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
    "Share of small suppliers' (tier 2 and deeper) investment paid by the state; the firm pays the rest from its cash and credit (reported as economy.publicCost).",
  ),
  bool(
    'policy.belowCostBan',
    'policy',
    'Ban on prices below unit cost',
    false,
    "A cost-down may not cut a price below the supplier's unit cost plus the least margin (Normal margin, weakest supplier), in the spirit of the 2026 revised Subcontract Act banning unilateral price setting. Paid for by the buyers.",
  ),

  // ---- Network
  num(
    'network.customersPerSupplier',
    'network',
    'Customers per supplier',
    'buyers',
    2.5,
    1,
    8,
    0.1,
    'Mean number of buyers within the modelled chains that each supplier sells to. About 1 is a captive pyramid; 3-5 is a layered web in which a supplier depends less on any one customer.',
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
    'Sales outside the modelled chains',
    'share of output',
    0.5,
    0,
    0.8,
    0.01,
    "Mean share of a supplier's sales that go outside the modelled chains: to final users under its own brand and to customers in other industries, at its own price. It varies from firm to firm (uniform from 0 to twice the mean, at most 90%) and falls with depth; these outlets count in the supplier's dependency on its largest customer.",
    {
      source:
        'About 60% of Japanese subcontractors sold over 30% to their largest customer in 2014 (SME White Paper 2016): the default network reproduces that share.',
    },
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
    '0 = consumers want "cheap and good": demand weighs the price only and final prices are sticky; 1 = they pay for value: demand weighs the chain\'s quality against the price (a higher price without better quality still costs demand) and prices adjust to costs.',
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
    "How much final demand falls when real final prices rise 1% at the same quality, whatever consumers' value orientation (value orientation adds the quality term; it does not make a price rise free).",
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
    0.07,
    0,
    0.5,
    0.01,
    'Markup of final-goods makers (tier 0) over their unit cost.',
    { source: 'Gives tier-0 margins of 5-15%, as for large Japanese manufacturers.' },
  ),
  num(
    'market.priceAnchor',
    'market',
    'Market anchor of final prices',
    'share',
    0.5,
    0,
    1,
    0.05,
    "Share of a final-goods maker's price target set by the market (competitors' and world prices, which follow the general price level) rather than by its own cost plus markup. A maker whose own costs fall faster than the general price level, through productivity or cost-downs, keeps part of the saving as margin; one whose costs rise faster absorbs part of it.",
    {
      source:
        "Large Japanese manufacturers' record margins in the deflation years, partly priced on world markets; judgement, tested in the sensitivity analysis.",
    },
  ),
  num(
    'market.spotSupply',
    'market',
    'Spot supply of parts',
    'share of a shortfall',
    0.6,
    0,
    1,
    0.05,
    'Share of the parts its suppliers could not deliver that a buyer can buy on the spot market instead, from suppliers outside the modelled chains, at the spot price (cost plus the strongest margin, higher while the tier is short). The rest is output lost. 0: a shortfall is lost; 1: the spot market fills every shortfall.',
    {
      source:
        "Judgement: buyers find some substitute capacity at a premium (other firms' spare capacity, imports), not all; 0.6 keeps the largest unmet share of final demand under 3% in every preset, as in the calibration table.",
    },
  ),
  num(
    'market.finalPriceSpeed',
    'market',
    'Final-price adjustment speed',
    'share/quarter',
    0.1,
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
    'How far a minimum-wage rise lifts wages of firms paying just above the minimum (full at the minimum, fading out across the spill-over band).',
  ),
  num(
    'labor.spilloverBand',
    'labor',
    'Minimum-wage spill-over band',
    'share above the minimum',
    0.9,
    0.1,
    2,
    0.05,
    'Width of the band above the minimum wage in which minimum-wage rises spill over: a firm paying (1 + band) times the minimum or more is not moved by it (large firms far above the minimum are not).',
    {
      source:
        'Firm-average labour cost stands for a mix of pay: a small firm paying 1.9 times the minimum on average employs many part-timers near it. Judgement.',
    },
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
    'labor.vacancyWagePush',
    'labor',
    'Wage push from unfilled vacancies',
    'growth per vacancy rate',
    0.2,
    0,
    2,
    0.05,
    'How much a firm that could not fill its vacancies over the year adds to its wage round, per unit of its vacancy rate above 2% of its staff: with vacancies of 12%, 0.2 adds 2 points (at most 20 points of vacancy rate count).',
    { source: 'Judgement, tested in the sensitivity analysis: firms short of workers pay more.' },
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
    'Rise of the general price level: it sets expected inflation in wage rounds, deflates final prices for consumers, and raises the prices of energy, materials and other purchases (their own trends are relative to it).',
  ),
  num(
    'costs.energyPriceGrowth',
    'costs',
    'Energy price trend',
    'share/year',
    0,
    -0.05,
    0.2,
    0.005,
    'Yearly trend of the energy price relative to the general price level, before shocks.',
  ),
  num(
    'costs.materialsPriceGrowth',
    'costs',
    'Materials price trend',
    'share/year',
    0,
    -0.05,
    0.2,
    0.005,
    'Yearly trend of the materials price relative to the general price level, before shocks.',
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
    'Raw materials bought along the chain per unit of final output, as a share of the initial final-goods price. Every tier buys some: tier k buys a share proportional to k + 1 (the deepest tier most).',
  ),
  num(
    'costs.otherIntensity',
    'costs',
    'Other purchases per unit',
    'share of final price',
    0.03,
    0,
    0.2,
    0.005,
    'Services and other purchases (logistics, maintenance, rent) bought per unit of output at every tier, as a share of the initial final-goods price; their price follows the general price level.',
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
    'Margin over unit cost that a re-quote gives a supplier with no bargaining power; also the margin it must earn when its exit is credible (its reservation price).',
  ),
  num(
    'bargaining.marginMax',
    'bargaining',
    'Normal margin, strongest supplier',
    'share of cost',
    0.1,
    0,
    0.5,
    0.005,
    'Margin over unit cost that a re-quote gives a supplier with full bargaining power; also its margin on sales outside the modelled chains.',
  ),
  num(
    'bargaining.cascade',
    'bargaining',
    'Squeeze cascade',
    '0-1',
    0.2,
    0,
    1,
    0.05,
    'How much a buyer squeezed by its own customers (thin margin) cuts the share of a settled claim it accepts and presses harder for cost-downs.',
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
    'bargaining.askBase',
    'bargaining',
    'Propensity to ask',
    'probability',
    0.85,
    0,
    1,
    0.05,
    'Probability that a supplier with a material cost-up and no dependency on any one customer asks its buyers for a price revision at a round.',
    {
      source:
        'Calibrated with the next four levers to the SME Agency pass-through surveys of 2022-2025 (docs/model.md section 16).',
    },
  ),
  num(
    'bargaining.askDependency',
    'bargaining',
    'Fear of asking',
    'probability',
    0.4,
    0,
    1,
    0.05,
    "How much a supplier's dependency on its largest customer lowers its probability of asking (fear of losing the business): a supplier selling everything to one buyer asks this much less often.",
  ),
  num(
    'bargaining.askSqueeze',
    'bargaining',
    'Asking when squeezed',
    'probability',
    0.1,
    0,
    1,
    0.05,
    'How much a squeezed supplier (margin at or below zero) is more likely to ask; a supplier with a margin above the squeeze margin is not moved.',
  ),
  num(
    'bargaining.askThreshold',
    'bargaining',
    'Material cost-up',
    'share of unit cost',
    0.005,
    0,
    0.05,
    0.001,
    'A cost-up smaller than this share of unit cost is not worth a request (and is not counted in measured pass-through).',
  ),
  num(
    'bargaining.respondBase',
    'bargaining',
    'Buyers answering requests',
    'probability',
    0.75,
    0,
    1,
    0.05,
    'Probability that a buyer with no declaration, no duty and no squeeze of its own answers a request for a price negotiation; otherwise the request is refused and the price stays.',
  ),
  num(
    'bargaining.respondSqueeze',
    'bargaining',
    'Refusals when the buyer is squeezed',
    'probability',
    0.2,
    0,
    1,
    0.05,
    'How much a fully squeezed buyer (its own margin at or below zero) is less likely to answer: the squeeze cascades down the chain.',
  ),
  num(
    'bargaining.commonItemPass',
    'bargaining',
    'Pass-through of common cost items',
    'share',
    0.3,
    0,
    1,
    0.05,
    'Share of a settled claim on materials, energy, parts and other purchases that even a powerless supplier passes on: these costs hit every supplier alike, so an alternative supplier would charge them too. Power adds the rest.',
    { source: 'Judgement, tested in the sensitivity analysis.' },
  ),
  num(
    'bargaining.claimMemory',
    'bargaining',
    'Memory of unsettled claims',
    'share',
    0.5,
    0,
    1,
    0.05,
    'Share of a claim that was not asked for or was refused that the supplier carries to the next round (1 = every old cost-up is claimed again until settled; 0 = each round claims only its own cost-up).',
    { source: 'Judgement, tested in the sensitivity analysis.' },
  ),
  num(
    'bargaining.requoteShare',
    'bargaining',
    'Re-quotes for new parts',
    'share of links/year',
    0.15,
    0,
    0.5,
    0.01,
    "Share of supplier links re-quoted each year (a new part or model): the price is set anew at cost plus the supplier's bargained margin, less the cost-down; it restores margins under steady inflation, and, without a gain-sharing contract, hands the supplier's productivity savings to the buyer.",
    { source: 'Model changes every 4-7 years in Japanese manufacturing; judgement.' },
  ),
  num(
    'bargaining.switchingCost',
    'bargaining',
    "Buyer's switching cost",
    'share of price',
    0.1,
    0,
    0.5,
    0.01,
    "The buyer's outside option: no agreed price exceeds the price of an alternative supplier (its tier's mean unit cost plus the strongest margin) by more than this.",
  ),
  num(
    'bargaining.scarcityPremium',
    'bargaining',
    'Scarcity premium',
    'price change per unit shortage',
    0.5,
    0,
    3,
    0.05,
    "While a tier cannot fill its orders, its link prices carry a premium that settles at about twice this times the unfilled share (it halves at each round and grows by this much per unit of unfilled share), and fades when the shortage ends; tier 0's final price carries one that settles at about four times this times the share of final demand beyond tier 0's own capacity.",
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
    'A re-quote under a gain-sharing contract leaves the supplier its share of the savings of about this many past years.',
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
    'firms.investmentBase',
    'firms',
    'Investment rate of a firm that keeps its gains',
    'share of value added',
    0.17,
    0,
    0.5,
    0.01,
    "Investment as a share of value added of a firm that keeps all the savings its investment makes, at the large firms' cost of capital and a healthy margin. Suppliers invest less when buyers take their savings (the hold-up problem).",
    {
      source: 'Large Japanese manufacturers invest about 15-20% of value added (guide section 11).',
    },
  ),
  num(
    'firms.investmentElasticity',
    'firms',
    'Investment response to the kept return',
    'elasticity',
    0.8,
    0,
    2,
    0.1,
    'How strongly the investment rate follows the return a firm expects to keep (its kept share of savings, horizon, expected margin and cost of capital).',
    { source: 'Judgement, tested in the sensitivity analysis.' },
  ),
  num(
    'firms.investHorizon',
    'firms',
    'Investment horizon',
    'years',
    10,
    1,
    30,
    1,
    'Years over which a firm counts the savings of an investment.',
  ),
  num(
    'firms.costOfCapital',
    'firms',
    'Hurdle rate',
    'share/year',
    0.05,
    0,
    0.2,
    0.005,
    'Return a firm requires on investment on top of its credit rate.',
  ),
  num(
    'firms.creditRateLarge',
    'firms',
    'Credit rate, large firms',
    'share/year',
    0.01,
    0,
    0.15,
    0.005,
    'Interest rate on borrowing of final-goods makers and tier-1 suppliers.',
    { source: 'Japanese bank lending rates to large firms near 1% (2024).' },
  ),
  num(
    'firms.creditRateSmall',
    'firms',
    'Credit rate, small firms',
    'share/year',
    0.025,
    0,
    0.2,
    0.005,
    'Interest rate on borrowing of small firms (tier 2 and deeper): working capital, including receivables, is financed at this rate.',
    { source: 'Lending rates to SMEs about 1.5-3% in Japan (2024).' },
  ),
  num(
    'firms.creditLimit',
    'firms',
    'Credit line',
    'share of collateral',
    0.6,
    0,
    1.5,
    0.05,
    'A firm can borrow up to this share of its capital and receivables. A firm whose cash and credit run out for two quarters is insolvent and exits.',
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
    'firms.techSharingCost',
    'firms',
    'Cost of technology sharing',
    'share of purchases',
    0.01,
    0,
    0.1,
    0.005,
    "What technology sharing costs a buyer: at a technology sharing of 1 it spends this share of its purchases from its suppliers on engineers' visits, training and joint development (bought in, like other purchases); at 0.3, three tenths of it.",
    {
      source:
        "Judgement: supplier development programmes of large manufacturers cost them a small fraction of their purchases; with 0.01 sharing lowers tier 0's margin for some years and raises it later, as its suppliers' savings reach its prices.",
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
    'Yearly probability that a small firm (tier 2 and deeper) closes for lack of a successor, whatever its health.',
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
    'New firms enter a tier (in the slots of firms that exited) when its mean operating margin is above this, or when the tier cannot fill its orders (always when it has emptied).',
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
    "Most new firms per year in a tier, as a share of its starting firm count; the rate rises with the tier's margin above the threshold and with its unfilled orders.",
  ),

  // ---- Mechanisms (each can be switched off)
  bool(
    'mechanisms.negotiation',
    'mechanisms',
    'Price negotiation',
    true,
    'Prices on supplier links change by negotiation events at rounds: requests, answers, settlements, cost-downs and re-quotes. Off: link prices stay at their starting values.',
  ),
  bool(
    'mechanisms.cascade',
    'mechanisms',
    'Squeeze cascade',
    true,
    "A squeezed buyer refuses requests more often, accepts less of a settled claim and presses harder for cost-downs. Off: buyers' own situation does not matter.",
  ),
  bool(
    'mechanisms.reallocation',
    'mechanisms',
    'Order reallocation',
    true,
    "Orders a supplier cannot fill move to the buyer's other suppliers with spare capacity; a share of what still goes undelivered is bought on the spot market (see Spot supply of parts). Off: undelivered parts are output lost.",
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
    'mechanisms.holdUp',
    'mechanisms',
    'Hold-up in investment',
    true,
    'Investment follows the share of its savings a firm expects to keep. Off: every firm invests as if it kept all its savings.',
  ),
  bool(
    'mechanisms.scarcity',
    'mechanisms',
    'Scarcity pricing',
    true,
    'Prices rise where orders cannot be filled: link prices of a short tier and the final price while demand goes unmet. Off: prices ignore shortages and unmet demand is rationed.',
  ),
  bool(
    'mechanisms.credit',
    'mechanisms',
    'Cash and credit',
    true,
    'Payment terms, interest on borrowing, credit lines that limit investment, and insolvency when cash and credit run out. Off: unlimited free credit; firms exit on negative equity for a year.',
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
    'Insolvent firms, firms with no workers and small firms without a successor close; buyers re-source (a new contract at a cost-plus quote).',
  ),
  bool(
    'mechanisms.entry',
    'mechanisms',
    'Entry',
    true,
    'New firms enter tiers that are profitable or cannot fill their orders, an emptied tier too.',
  ),

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
    "Price negotiation rounds per year: 1, 2 or 4 (a divisor of 4, so that rounds fall in the same quarters every year). Japan's price-negotiation months are March and September: rounds in the first and third quarters.",
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

/** Policy levers a timeline event may change (a boolean lever takes 0 or 1). */
export const EVENT_LEVERS = [
  'costDown',
  'passThroughFloor',
  'gainShareFloor',
  'buyerSupport',
  'subsidy',
  'belowCostBan',
  'laborCostAcceptance',
  'dutyToRespond',
  'enforcement',
  'declarationShare',
  'declarationCompliance',
  'negotiationPush',
  'paymentDays',
  'equipmentCost',
] as const;
export type EventLever = (typeof EVENT_LEVERS)[number];

export interface PolicyEvent {
  /** Years after the start of the reported period (rounded to the quarter) when the change takes effect. */
  start: number;
  /** Which policy lever changes (`policy.<lever>`). */
  lever: EventLever;
  /** Its new value, within the lever's range (0 or 1 for the ban). */
  value: number;
  /** A short name of the event it belongs to, shown on time axes (e.g. "2026 act"). */
  label?: string;
}

export const MAX_EVENTS = 30;
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
    laborCostAcceptance: number;
    dutyToRespond: number;
    enforcement: number;
    declarationShare: number;
    declarationCompliance: number;
    negotiationPush: number;
    paymentDays: number;
    equipmentCost: number;
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
    priceAnchor: number;
    spotSupply: number;
    finalPriceSpeed: number;
  };
  labor: {
    minimumWage: number;
    minimumWageGrowth: number;
    minimumWageSpillover: number;
    spilloverBand: number;
    laborForceGrowth: number;
    initialUnemployment: number;
    wageProductivityShare: number;
    wageCatchUp: number;
    affordabilityFloor: number;
    quitRate: number;
    quitSensitivity: number;
    matchingRate: number;
    vacancyWagePush: number;
  };
  costs: {
    inflation: number;
    energyPriceGrowth: number;
    materialsPriceGrowth: number;
    energyIntensity: number;
    materialsIntensity: number;
    otherIntensity: number;
  };
  bargaining: {
    betaMin: number;
    betaMax: number;
    marginMin: number;
    marginMax: number;
    cascade: number;
    squeezeMargin: number;
    gainShareYears: number;
    askBase: number;
    askDependency: number;
    askSqueeze: number;
    askThreshold: number;
    respondBase: number;
    respondSqueeze: number;
    commonItemPass: number;
    claimMemory: number;
    requoteShare: number;
    switchingCost: number;
    scarcityPremium: number;
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
    investmentBase: number;
    investmentElasticity: number;
    investHorizon: number;
    costOfCapital: number;
    creditRateLarge: number;
    creditRateSmall: number;
    creditLimit: number;
    dividendShare: number;
    productivityReturn: number;
    techSharingCost: number;
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
    holdUp: boolean;
    scarcity: boolean;
    credit: boolean;
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
  /** Changes of policy levers at given times (the policy timeline). */
  policyEvents: PolicyEvent[];
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
  s.policyEvents = [];
  return s as unknown as Scenario;
}
