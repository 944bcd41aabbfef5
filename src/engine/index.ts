/** Public API of the engine: pure TypeScript, no DOM, usable in Node, a worker or a page. */
export {
  PARAMS,
  PARAM_BY_PATH,
  SHOCK_VARIABLES,
  DEFAULT_FIRMS_PER_TIER,
  MAX_TIERS,
  MAX_FIRMS,
  defaultScenario,
  getPath,
  setPath,
  type ParamSpec,
  type NumberParam,
  type BooleanParam,
  type Group,
  type Scenario,
  type Shock,
  type ShockVariable,
} from './params.ts';
export { validateScenario, resolveScenario, mergeDeep, type ParseResult } from './schema.ts';
export { PRESETS, PRESET_NAMES, findPreset, presetScenario, type Preset } from './presets.ts';
export {
  simulate,
  toJSON,
  periodLabels,
  MODEL_VERSION,
  SERIES,
  ECONOMY,
  SUMMARY_UNITS,
  type SimResult,
  type Summary,
  type SeriesKey,
  type EconomyKey,
  type Timings,
  type NetworkSample,
} from './simulate.ts';
export { generateNetwork, type Network, type NetworkSpec } from './network.ts';
