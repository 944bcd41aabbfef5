/** The key indicators of a run's summary (the scenario table's columns), in the engine's units. */
import type { Summary } from './simulate.ts';

export interface Indicator {
  id: string;
  /** The engine's value, in `unit`. */
  value: (s: Summary) => number | null;
  unit: string;
}

/** The key indicators of the scenario table, in the engine's units (i18n keys `indicator.<id>.*`). */
export const KEY_INDICATORS: readonly Indicator[] = [
  { id: 'deepestWageGrowth', unit: 'share/year', value: (s) => s.deepestWageGrowth },
  { id: 'wageGap', unit: 'ratio', value: (s) => s.wageGap },
  { id: 'smeInvestmentRate', unit: 'share', value: (s) => s.smeInvestmentRate },
  { id: 'firmsSurvivingAll', unit: 'share', value: (s) => s.firmsSurvivingAll },
  { id: 'totalValueAdded', unit: '¥m/year', value: (s) => s.totalValueAdded },
  { id: 'valueAddedGrowth', unit: 'share/year', value: (s) => s.valueAddedGrowth },
  { id: 'consumerShareOfCostUps', unit: 'share', value: (s) => s.consumerShareOfCostUps },
  { id: 'passThroughSurvey', unit: 'share', value: (s) => s.passThroughSurvey },
];
