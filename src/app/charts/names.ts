/**
 * What the charts, the preset list and the presenter call scenarios A and B:
 * "A: Large-firm-led model", with ", modified" once any input differs from
 * the preset. Pure, tested in Node.
 */
import type { SimResult } from '../../engine/index.ts';
import { translate, type Lang } from '../../i18n/index.ts';
import { shortTitle, type ChartStarts } from './starts.ts';

/** What a scenario shows of itself (a ScenarioModel fits). */
export interface NamedScenario {
  readonly id: 'A' | 'B';
  readonly preset: string;
  readonly modified: boolean;
  /** The preset's result, once the scenario is modified and it has run. */
  readonly baseline: SimResult | null;
  /** Whether that run is under way. */
  readonly baselinePending?: boolean;
}

/** A preset's short title in `lang`. */
export function presetTitle(lang: Lang, preset: string): string {
  return shortTitle(translate(lang, `preset.${preset}.title` as never));
}

/** "A: Large-firm-led model" or "A: Large-firm-led model, modified". */
export function scenarioName(lang: Lang, s: NamedScenario): string {
  return translate(lang, s.modified ? 'compare.nameModified' : 'compare.name', {
    id: s.id,
    title: presetTitle(lang, s.preset),
  });
}

/** The starts the charts draw: of each modified scenario whose preset has run. */
export function chartStarts(lang: Lang, a: NamedScenario, b: NamedScenario): ChartStarts {
  return {
    A: a.modified ? a.baseline : null,
    B: b.modified ? b.baseline : null,
    titles: { A: presetTitle(lang, a.preset), B: presetTitle(lang, b.preset) },
  };
}
