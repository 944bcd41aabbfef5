/**
 * The app's state as a link holds it: the two scenarios (a preset and what
 * differs from it) and the view options, with their allowed values and
 * defaults.
 */
import type { Lang } from '../../i18n/langs.ts';
import type { ScenarioId } from '../ids.ts';
import { defaultSettings, type SensSettings } from '../sensitivity.ts';

export type { ScenarioId };

/** The charts of the comparison view, in the order shown. */
export const CHART_IDS = ['wage', 'investment', 'vapw', 'laborshare', 'burden', 'settled'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export const VIEWS = ['compare', 'model', 'table', 'sensitivity', 'lessons'] as const;
export type View = (typeof VIEWS)[number];

/** 'ab': A and B drawn together; 'diff': B − A. */
export const CHART_MODES = ['ab', 'diff'] as const;
export type ChartMode = (typeof CHART_MODES)[number];

/**
 * Runs per scenario the app offers: 1 is the single run; more give the
 * median and the p10–p90 band over that many seeds.
 */
export const RUNS_CHOICES = [1, 10, 30, 100] as const;
export type RunsChoice = (typeof RUNS_CHOICES)[number];

/** A partial scenario (nested like the engine's preset patches); arrays replace whole. */
export type ScenarioPatch = Record<string, unknown>;

export interface ScenarioState {
  preset: string;
  /** Only what differs from the preset. */
  patch: ScenarioPatch;
}

export interface AppState {
  a: ScenarioState;
  b: ScenarioState;
  /** Charts shown, in CHART_IDS order. */
  charts: ChartId[];
  mode: ChartMode;
  view: View;
  /** Set in the embed view: the one chart shown. */
  embed: ChartId | null;
  lang: Lang;
  /** Runs per scenario (RUNS_CHOICES); 1 = a single run, no bands. */
  runs: RunsChoice;
  /** The sensitivity page's settings (each valid on its own). */
  sens: SensSettings;
  /** Presenter mode, on this chart; null when off. */
  present: ChartId | null;
  /** Guided lessons: the lesson open on the lessons page (any id; the page tells an unknown one). */
  lesson?: string | null;
}

export const DEFAULT_PRESETS: Readonly<Record<ScenarioId, string>> = {
  A: 'large-firm-led',
  B: 'layered',
};

export function defaultState(lang: Lang = 'en'): AppState {
  return {
    a: { preset: DEFAULT_PRESETS.A, patch: {} },
    b: { preset: DEFAULT_PRESETS.B, patch: {} },
    charts: [...CHART_IDS],
    mode: 'ab',
    view: 'compare',
    embed: null,
    lang,
    runs: 1,
    sens: defaultSettings(),
    present: null,
  };
}
