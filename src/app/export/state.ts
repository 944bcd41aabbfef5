/**
 * The app state an export or embed refers to (both scenarios, the chart
 * mode, the language) and the caption's scenario names. Pure.
 */
import type { Scenario } from '../../engine/index.ts';
import { translate, type Lang } from '../../i18n/index.ts';
import {
  CHART_IDS,
  defaultState,
  stateOf,
  type AppState,
  type ChartId,
  type ChartMode,
} from '../../share/urlState.ts';

/** What a scenario is made of: its preset and its current inputs (a ScenarioModel fits). */
export interface ScenarioSource {
  preset: string;
  scenario: Scenario;
}

export function currentState(
  a: ScenarioSource,
  b: ScenarioSource,
  mode: ChartMode,
  lang: Lang,
  charts: readonly ChartId[] = CHART_IDS,
): AppState {
  return {
    ...defaultState(lang),
    a: stateOf(a.scenario, a.preset),
    b: stateOf(b.scenario, b.preset),
    charts: [...charts],
    mode,
  };
}

/** "A: Large-firm-led model", or "A: Large-firm-led model, modified" when it differs from its preset. */
export function captionNames(state: AppState, lang: Lang): string[] {
  return (['a', 'b'] as const).map((k) => {
    const s = state[k];
    const title = translate(lang, `preset.${s.preset}.title`);
    const name =
      Object.keys(s.patch).length > 0 ? translate(lang, 'export.modified', { name: title }) : title;
    return translate(lang, 'export.caption', { id: k.toUpperCase(), name });
  });
}
