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
      "Captive supplier pyramids under cost competition: each supplier sells almost only to one parent, consumers want cheap and good, buyers ask for yearly cost-downs and pass on little of suppliers' cost-ups or savings.",
    patch: {
      policy: { costDown: 0.03, passThroughFloor: 0, gainShareFloor: 0 },
      network: { customersPerSupplier: 1.1, crossChain: 0.02, tierSkip: 0, directSales: 0 },
      market: { valueOrientation: 0.1 },
    },
  },
  {
    name: 'layered',
    title: 'Layered value chain (複層化したバリューチェーン)',
    description:
      "Suppliers trade with several customers across chains and tiers and sell some output directly; consumers value quality; buyers share cost-ups and productivity gains fairly and support suppliers' investment.",
    patch: {
      policy: {
        costDown: 0.01,
        passThroughFloor: 0.5,
        gainShareFloor: 0.5,
        buyerSupport: 0.03,
        techSharing: 0.3,
      },
      network: { customersPerSupplier: 4, crossChain: 0.45, tierSkip: 0.1, directSales: 0.15 },
      market: { valueOrientation: 0.7 },
    },
  },
  {
    name: 'japan-2024',
    title: 'Japan 2024 baseline',
    description:
      'Calibrated to Japan: the defaults plus the 2022-2025 surge of energy and materials prices, inflation and minimum wages, starting in 2022.',
    patch: {
      simulation: { startYear: 2022 },
      labor: { minimumWageGrowth: 0.05 },
      costs: { inflation: 0.01 },
      shocks: [
        { variable: 'energy', start: 0, duration: 2, size: 0.4 },
        { variable: 'materials', start: 0, duration: 3, size: 0.3 },
        { variable: 'inflation', start: 0, duration: 4, size: 0.02 },
      ],
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
