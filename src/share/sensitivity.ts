/**
 * What the sensitivity page's settings are (the scenario to start from, the
 * indicator, the runs per point and the heat map's two axes), their defaults
 * and when each is valid on its own. Pure and engine-only, so that the link
 * format (src/share/urlState.ts) can read and write them without the page.
 */
import { INDICATORS, MAX_SWEEP_STEPS, SENSITIVITY_LEVERS } from '../engine/batch.ts';
import { PARAMS, PARAM_BY_PATH, type NumberParam } from '../engine/index.ts';

import type { ScenarioId } from './ids.ts';

export type { ScenarioId };

export interface AxisSetting {
  path: string;
  from: number;
  to: number;
  steps: number;
}

export interface SensSettings {
  scenario: ScenarioId;
  indicator: string;
  runs: number;
  axes: [AxisSetting, AxisSetting];
}

export const MIN_RUNS = 1;
export const MAX_RUNS = 20;
export const DEFAULT_RUNS = 5;
/** Steps per axis when a parameter is picked: 6 × 6 points by default (at most 10 for a default). */
export const DEFAULT_STEPS = 6;

/**
 * Parameters a heat-map axis can take: every number but the seed, the
 * calendar and the negotiation rounds per year (1, 2 or 4 only: an axis over
 * its range would step onto 3, which the model refuses).
 */
export const AXIS_PARAMS: readonly NumberParam[] = PARAMS.filter(
  (p): p is NumberParam =>
    p.kind !== 'boolean' &&
    p.path !== 'seed' &&
    p.path !== 'simulation.startYear' &&
    p.path !== 'simulation.roundsPerYear',
);
const AXIS_PARAM_BY_PATH = new Map(AXIS_PARAMS.map((p) => [p.path, p]));

/** The parameter `path` names when a heat-map axis can take it. */
export function axisParam(path: string): NumberParam | undefined {
  return AXIS_PARAM_BY_PATH.get(path);
}

/** An axis over `path`: the lever's plausible low and high (SENSITIVITY_LEVERS), else the parameter's range. */
export function defaultAxis(path: string): AxisSetting {
  const lever = SENSITIVITY_LEVERS.find((l) => l.path === path);
  const p = PARAM_BY_PATH.get(path);
  const from = lever?.low ?? (p && p.kind !== 'boolean' ? p.min : 0);
  const to = lever?.high ?? (p && p.kind !== 'boolean' ? p.max : 1);
  let steps = DEFAULT_STEPS;
  // Whole-number parameters: one step per value when there are few.
  if (p?.kind === 'integer' || path === 'network.customersPerSupplier') {
    steps = Math.min(10, Math.max(2, Math.round(to - from) + 1));
  }
  return { path, from, to, steps };
}

export function defaultSettings(): SensSettings {
  return {
    scenario: 'A',
    indicator: INDICATORS[0].id,
    runs: DEFAULT_RUNS,
    axes: [defaultAxis('policy.costDown'), defaultAxis('policy.passThroughFloor')],
  };
}

export const isIndicator = (id: unknown): id is string =>
  typeof id === 'string' && INDICATORS.some((i) => i.id === id);

export const isRuns = (n: unknown): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= MIN_RUNS && n <= MAX_RUNS;

/** What is wrong with an axis on its own (null: nothing), as in the engine's sweep. */
export function axisProblem(a: AxisSetting): 'parameter' | 'notNumber' | 'range' | 'steps' | null {
  const p = axisParam(a.path);
  if (!p) return 'parameter';
  if (!Number.isFinite(a.from) || !Number.isFinite(a.to)) return 'notNumber';
  if (a.from < p.min || a.from > p.max || a.to < p.min || a.to > p.max) return 'range';
  if (!Number.isInteger(a.steps) || a.steps < 1 || a.steps > MAX_SWEEP_STEPS) return 'steps';
  return null;
}

export const sameAxis = (x: AxisSetting, y: AxisSetting): boolean =>
  x.path === y.path &&
  Object.is(x.from, y.from) &&
  Object.is(x.to, y.to) &&
  Object.is(x.steps, y.steps);
