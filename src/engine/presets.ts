/**
 * Presets: named partial scenarios merged over the defaults. docs/model.md
 * gives the reasoning for every value that differs from the defaults.
 */
import { defaultScenario, type Scenario } from './params.ts';
import { mergeDeep } from './schema.ts';

export interface Preset {
  name: string;
  title: string;
  description: string;
  /** Only what differs from the defaults. */
  patch: Record<string, unknown>;
}

export const PRESETS: readonly Preset[] = [
  {
    name: 'large-firm-led',
    title: 'Large-firm-led model (大企業牽引モデル)',
    description:
      "Captive supplier pyramids under cost competition: each supplier sells almost only to one parent, consumers want cheap and good, buyers ask for yearly cost-downs of 3%, with no gain-sharing contracts, few answered requests and labour costs treated as the supplier's own effort.",
    patch: {
      policy: {
        costDown: 0.03,
        passThroughFloor: 0,
        gainShareFloor: 0,
        laborCostAcceptance: 0.1,
        declarationShare: 0,
        enforcement: 0.1,
        negotiationPush: 0,
        paymentDays: 120,
      },
      network: { customersPerSupplier: 1.1, crossChain: 0.02, tierSkip: 0, directSales: 0.05 },
      market: { valueOrientation: 0.1 },
    },
  },
  {
    name: 'layered',
    title: 'Layered value chain (複層化したバリューチェーン)',
    description:
      "Suppliers trade with several customers across chains and tiers and sell much of their output outside the chains; consumers value quality; buyers share cost-ups and productivity gains fairly (50/50 gain sharing, labour costs accepted, requests answered) and support suppliers' investment.",
    patch: {
      policy: {
        costDown: 0.01,
        passThroughFloor: 0.5,
        gainShareFloor: 0.5,
        buyerSupport: 0.03,
        techSharing: 0.3,
        laborCostAcceptance: 0.6,
        declarationShare: 0.8,
        declarationCompliance: 0.8,
        paymentDays: 60,
      },
      network: { customersPerSupplier: 4, crossChain: 0.45, tierSkip: 0.1, directSales: 0.6 },
      market: { valueOrientation: 0.7 },
    },
  },
  {
    name: 'japan-2024',
    title: 'Japan 2024 baseline',
    description:
      'Calibrated to Japan, starting in 2022: the defaults plus the 2022-2025 surge of energy and materials prices and of inflation, minimum wages at their real dates (¥1,055 an hour from October 2024), the November 2023 labour-cost pass-through guideline and the January 2026 revised Subcontract Act.',
    patch: {
      simulation: { startYear: 2022 },
      labor: { minimumWage: 211.5, minimumWageGrowth: 0.043 },
      costs: { inflation: 0.01 },
      shocks: [
        { variable: 'energy', start: 0, duration: 2, size: 0.4 },
        { variable: 'materials', start: 0, duration: 3, size: 0.3 },
        { variable: 'inflation', start: 0, duration: 4, size: 0.02 },
      ],
      policyEvents: [
        { start: 1.75, lever: 'laborCostAcceptance', value: 0.4, label: '2023 guideline' },
        { start: 1.75, lever: 'enforcement', value: 0.3, label: '2023 guideline' },
        { start: 4, lever: 'dutyToRespond', value: 0.8, label: '2026 act' },
        { start: 4, lever: 'paymentDays', value: 60, label: '2026 act' },
        { start: 4, lever: 'belowCostBan', value: 1, label: '2026 act' },
      ],
    },
  },
  {
    name: 'japan-2000s',
    title: 'Japan in the 2000s (deflation years)',
    description:
      "The years in which the source paper's concern formed: no inflation, flat energy and materials prices and minimum wages, yearly cost-down requests of 2%, price-focused consumers, labour costs refused, no partnership declarations and no price-negotiation months.",
    patch: {
      simulation: { startYear: 2000 },
      policy: {
        costDown: 0.02,
        passThroughFloor: 0,
        gainShareFloor: 0,
        laborCostAcceptance: 0.1,
        declarationShare: 0,
        enforcement: 0.05,
        negotiationPush: 0,
        paymentDays: 120,
      },
      labor: { minimumWage: 175, minimumWageGrowth: 0.01 },
      costs: { inflation: 0, energyPriceGrowth: 0, materialsPriceGrowth: 0 },
      market: { valueOrientation: 0.15, demandGrowth: 0 },
    },
  },
];

export const PRESET_NAMES: readonly string[] = PRESETS.map((p) => p.name);

export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}

/** The full scenario of a preset (defaults with the preset's patch). */
export function presetScenario(name: string): Scenario {
  const p = findPreset(name);
  if (!p) throw new Error(`unknown preset "${name}"; presets: ${PRESET_NAMES.join(', ')}`);
  return mergeDeep(defaultScenario(), p.patch);
}

/** Splits a total firm count by the tier ratios of a scenario; every tier keeps at least one firm. */
export function splitFirms(total: number, ratios: readonly number[]): number[] {
  const sum = ratios.reduce((a, b) => a + b, 0);
  const counts = ratios.map((r) => Math.max(1, Math.round((total * r) / sum)));
  const diff = total - counts.reduce((a, b) => a + b, 0);
  counts[counts.length - 1] = Math.max(1, counts[counts.length - 1] + diff);
  return counts;
}
