/**
 * The app's whole state in the URL's query string, in a readable form that
 * holds only what differs from the presets:
 *
 *   ?v=2&lang=ja&a=large-firm-led&b=layered&a.policy.costDown=0.05&b.shocks=energy:0:2:0.4&c=1x2y3z
 *
 * The last parameter `c` is a check code of the others: a link cut short or
 * edited by hand is still read setting by setting, but the reader is told.
 * One query parameter per setting keeps links readable in a workshop, keeps
 * them short when little differs from the presets, and lets a damaged link
 * lose only the settings that are damaged: every part is checked on its own
 * (presets must exist, values go through the engine's schema) and whatever
 * is ignored is said in plain words. Numbers are written in JavaScript's
 * shortest round-trip form, so a link reproduces the scenario bit for bit.
 *
 * The sensitivity page's settings travel under `sens.`, again only where
 * they differ from the page's defaults:
 *
 *   &sens.from=B&sens.indicator=wageGap&sens.runs=10&sens.x=policy.costDown:0:0.05:6
 *
 * (`sens.x` is the heat map's across axis, `sens.y` its up axis, each
 * parameter:from:to:steps). They are optional keys of format 2: a link
 * without them opens the page with its defaults.
 *
 * `present=<chart>` opens presenter mode on that chart (for a projector in a
 * workshop); embeds never carry it.
 *
 * Pinned links (for embeds) hold the full scenarios instead of differences,
 * plus the model version (`pin=`), so that a later change of the defaults or
 * presets does not alter an embedded chart.
 *
 * Format 3 (model 2, the second engine) adds `model=<model version>` to every
 * link, and the policy timeline of each scenario (`a.policyEvents=`, only when
 * it differs from the preset's). A link made with an older major model
 * version (a `model` or `pin` of 1.x, or a format-2 link, which predates the
 * `model` key and so was made with model 1) opens with a notice that its
 * figures now come from the new model and differ. Settings the model no
 * longer has (REMOVED_PATHS) are ignored with a notice.
 */
import { LANGS, type Lang } from '../i18n/langs.ts';
import type { ScenarioId } from './ids.ts';
import { ISSUE_TEXT, fill, type IssueCode } from '../i18n/issues.ts';
import { EVENT_LEVERS, type EventLever, type PolicyEvent } from '../engine/params.ts';
import {
  MODEL_VERSION,
  PARAM_BY_PATH,
  PARAMS,
  SHOCK_VARIABLES,
  defaultScenario,
  findPreset,
  isPlainObject,
  mergeDeep,
  presetScenario,
  resolveScenario,
  setPath,
  type Scenario,
  type Shock,
} from '../engine/index.ts';
import { INDICATORS, MAX_SWEEP_STEPS } from '../engine/batch.ts';
import {
  MAX_RUNS,
  MIN_RUNS,
  axisParam,
  axisProblem,
  defaultSettings,
  isIndicator,
  isRuns,
  sameAxis,
  type AxisSetting,
  type SensSettings,
} from './sensitivity.ts';

// The languages and the notices' English texts live in i18n; re-exported for the link's readers.
export { LANGS, ISSUE_TEXT, fill, type Lang, type IssueCode };

/** Version of the link format written by encodeState; older ones are migrated on load. */
export const FORMAT_VERSION = 3;

/**
 * Settings of earlier models that the current one no longer has: a link, a
 * saved scenario or a scenario file holding one opens without it, and says so.
 */
export const REMOVED_PATHS: readonly string[] = ['firms.reinvestShare'];

/** The major part of a model version ("2.0.0" -> 2), NaN if it has none. */
export function modelMajor(version: string): number {
  const m = /^(\d+)(?:\.|$)/.exec(version.trim());
  return m ? Number(m[1]) : NaN;
}

/**
 * The notice for a link, saved scenario or file made with model `made`
 * (null when the major version is the same, or `made` cannot be read).
 */
export function modelChange(made: string): 'modelChanged' | 'modelNewer' | null {
  const then = modelMajor(made);
  const now = modelMajor(MODEL_VERSION);
  if (!Number.isFinite(then) || then === now) return null;
  return then < now ? 'modelChanged' : 'modelNewer';
}

/** The charts of the comparison view, in the order shown. */
export const CHART_IDS = ['wage', 'investment', 'vapw', 'laborshare', 'burden', 'settled'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export const VIEWS = ['compare', 'model', 'table', 'sensitivity', 'lessons'] as const;
export type View = (typeof VIEWS)[number];

/** 'ab': A and B drawn together; 'diff': B − A. */
export const CHART_MODES = ['ab', 'diff'] as const;
export type ChartMode = (typeof CHART_MODES)[number];

export type { ScenarioId };

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

/* ------------------------------------------------------------------ issues */

/**
 * What decoding ignored or changed, as a message key and its parameters, so
 * that the UI can show it in either language (catalog keys `share.issue.<code>`).
 * `text` is the English sentence.
 */
export interface ShareIssue {
  code: IssueCode;
  params: Record<string, string>;
  text: string;
}

/** Notices that the figures come from another model than the link's: shown on their own, in embeds too. */
export const MODEL_ISSUES: readonly IssueCode[] = ['modelChanged', 'modelNewer', 'pinnedModel'];

function issue(code: IssueCode, params: Record<string, string> = {}): ShareIssue {
  return { code, params, text: fill(ISSUE_TEXT[code], params) };
}

/* ------------------------------------------------------------ patches */

/** Structural equality; numbers compared with Object.is (so -0 and 0 differ, NaN equals NaN). */
export function deepEqual(x: unknown, y: unknown): boolean {
  if (Object.is(x, y)) return true;
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    return x.every((v, i) => deepEqual(v, y[i]));
  }
  if (isPlainObject(x) && isPlainObject(y)) {
    const kx = Object.keys(x);
    const ky = Object.keys(y);
    if (kx.length !== ky.length) return false;
    return kx.every((k) => Object.prototype.hasOwnProperty.call(y, k) && deepEqual(x[k], y[k]));
  }
  return false;
}

/** The minimal patch that turns `base` into `target` (deep; arrays and scalars replace whole). */
export function diffObjects(target: unknown, base: unknown): ScenarioPatch {
  const out: ScenarioPatch = {};
  if (!isPlainObject(target)) return out;
  for (const [k, tv] of Object.entries(target)) {
    const bv = isPlainObject(base) ? base[k] : undefined;
    if (isPlainObject(tv) && isPlainObject(bv)) {
      const sub = diffObjects(tv, bv);
      if (Object.keys(sub).length > 0) out[k] = sub;
    } else if (!deepEqual(tv, bv)) {
      out[k] = structuredClone(tv);
    }
  }
  return out;
}

/** The minimal patch of `scenario` over the preset `presetName` (throws for an unknown preset). */
export function diffFromPreset(scenario: Scenario, presetName: string): ScenarioPatch {
  return diffObjects(scenario, presetScenario(presetName));
}

/**
 * The scenario a ScenarioState stands for: its patch over its preset. An
 * unknown preset falls back to the defaults; an invalid patch to the preset alone.
 */
export function scenarioOf(s: ScenarioState): Scenario {
  const base = findPreset(s.preset) ? presetScenario(s.preset) : defaultScenario();
  const r = resolveScenario(s.patch, base);
  return r.ok ? r.scenario : base;
}

/** A ScenarioState for a full scenario: its preset and the minimal patch. */
export function stateOf(scenario: Scenario, preset: string): ScenarioState {
  return { preset, patch: diffFromPreset(scenario, preset) };
}

/* ------------------------------------------------------------ leaf paths */

const FIRMS_PATH = 'network.firmsPerTier';
const SHOCKS_PATH = 'shocks';
const EVENTS_PATH = 'policyEvents';
/** Every setting a link can hold, in the order written. */
export const LEAF_PATHS: readonly string[] = [
  ...PARAMS.map((p) => p.path),
  FIRMS_PATH,
  SHOCKS_PATH,
  EVENTS_PATH,
];
const LEAF_SET = new Set(LEAF_PATHS);

/** Flattens a patch to [dotted path, value] pairs; arrays are leaves. */
function flatten(obj: unknown, prefix = ''): [string, unknown][] {
  if (!isPlainObject(obj)) return [];
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(v)) out.push(...flatten(v, path));
    else out.push([path, v]);
  }
  return out;
}

/* ------------------------------------------------------------ values */

/** A number in its shortest exact form (-0 kept). */
export function formatNumber(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

const NUMBER_RE = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function parseNumber(text: string): number | null {
  return NUMBER_RE.test(text) ? Number(text) : null;
}

/** A label inside a list value: `%`, `,` and `:` escaped, so that the list splits cleanly. */
function escapeLabel(s: string): string {
  return s.replace(/%/g, '%25').replace(/,/g, '%2C').replace(/:/g, '%3A');
}

function unescapeLabel(s: string): string {
  return s.replace(/%(25|2C|3A)/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function formatValue(path: string, value: unknown): string {
  if (path === EVENTS_PATH && Array.isArray(value)) {
    // start:lever:value[:label], e.g. 4:dutyToRespond:0.8:2026 act
    return value
      .map((e: PolicyEvent) =>
        [
          formatNumber(e.start),
          e.lever,
          formatNumber(e.value),
          ...(e.label !== undefined ? [escapeLabel(e.label)] : []),
        ].join(':'),
      )
      .join(',');
  }
  if (path === SHOCKS_PATH && Array.isArray(value)) {
    return value
      .map((s: Shock) =>
        [s.variable, formatNumber(s.start), formatNumber(s.duration), formatNumber(s.size)].join(
          ':',
        ),
      )
      .join(',');
  }
  if (Array.isArray(value)) return value.map((x) => formatNumber(x as number)).join(',');
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

type Parsed = { ok: true; value: unknown } | { ok: false; issue: ShareIssue };

function parseValue(scenario: ScenarioId, path: string, text: string): Parsed {
  const bad = (code: IssueCode, extra: Record<string, string> = {}): Parsed => ({
    ok: false,
    issue: issue(code, { scenario, path, value: text, ...extra }),
  });
  if (path === SHOCKS_PATH) {
    if (text === '') return { ok: true, value: [] };
    const shocks: Shock[] = [];
    for (const part of text.split(',')) {
      const [variable, ...nums] = part.split(':');
      const xs = nums.map(parseNumber);
      if (
        !(SHOCK_VARIABLES as readonly string[]).includes(variable) ||
        xs.length !== 3 ||
        xs.some((x) => x === null)
      ) {
        return bad('invalidValue', {
          detail: `each shock must be variable:start:duration:size, the variable one of ${SHOCK_VARIABLES.join(', ')}`,
        });
      }
      const [start, duration, size] = xs as number[];
      shocks.push({ variable: variable as Shock['variable'], start, duration, size });
    }
    return { ok: true, value: shocks };
  }
  if (path === EVENTS_PATH) {
    if (text === '') return { ok: true, value: [] };
    const events: PolicyEvent[] = [];
    for (const part of text.split(',')) {
      const [start, lever, value, ...rest] = part.split(':');
      const s = parseNumber(start ?? '');
      const v = parseNumber(value ?? '');
      if (
        s === null ||
        v === null ||
        !(EVENT_LEVERS as readonly string[]).includes(lever) ||
        rest.length > 1
      ) {
        return bad('invalidValue', {
          detail: `each policy event must be start:lever:value or start:lever:value:label, the lever one of ${EVENT_LEVERS.join(', ')}`,
        });
      }
      const event: PolicyEvent = { start: s, lever: lever as EventLever, value: v };
      if (rest.length === 1) event.label = unescapeLabel(rest[0]);
      events.push(event);
    }
    return { ok: true, value: events };
  }
  if (path === FIRMS_PATH) {
    const xs = text.split(',').map(parseNumber);
    if (text === '' || xs.some((x) => x === null)) {
      return bad('invalidValue', { detail: 'must be a list of firm counts, e.g. 3,18,90,360' });
    }
    return { ok: true, value: xs };
  }
  const p = PARAM_BY_PATH.get(path);
  if (!p) return bad('unknownSetting');
  if (p.kind === 'boolean') {
    if (text === 'true' || text === '1') return { ok: true, value: true };
    if (text === 'false' || text === '0') return { ok: true, value: false };
    return bad('notBoolean');
  }
  const x = parseNumber(text);
  if (x === null || !Number.isFinite(x)) return bad('notNumber');
  if (p.kind === 'integer' && !Number.isInteger(x)) return bad('notInteger');
  if (x < p.min || x > p.max) {
    return bad('outOfRange', { min: formatNumber(p.min), max: formatNumber(p.max) });
  }
  return { ok: true, value: x };
}

/* ------------------------------------------------------------ encode */

/** Percent-encodes a query value but keeps `,` and `:` (allowed in a query) readable. */
function enc(s: string): string {
  return encodeURIComponent(s).replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}

function scenarioPairs(key: 'a' | 'b', patch: ScenarioPatch): [string, string][] {
  const leaves = new Map(flatten(patch));
  const out: [string, string][] = [];
  // Known settings in table order, then anything else the patch holds.
  for (const path of LEAF_PATHS) {
    if (leaves.has(path)) out.push([`${key}.${path}`, formatValue(path, leaves.get(path))]);
  }
  for (const [path, v] of leaves) {
    if (!LEAF_SET.has(path)) out.push([`${key}.${path}`, formatValue(path, v)]);
  }
  return out;
}

function optionPairs(
  state: Pick<AppState, 'lang' | 'view' | 'mode' | 'charts' | 'embed' | 'runs'> &
    Partial<Pick<AppState, 'present' | 'lesson'>>,
): [string, string][] {
  const out: [string, string][] = [['lang', state.lang]];
  if (state.view !== 'compare') out.push(['view', state.view]);
  if (state.mode !== 'ab') out.push(['mode', state.mode]);
  const charts = CHART_IDS.filter((c) => state.charts.includes(c));
  if (charts.length !== CHART_IDS.length) out.push(['charts', charts.join(',')]);
  if (state.embed) out.push(['embed', state.embed]);
  if (state.runs !== 1) out.push(['runs', String(state.runs)]);
  if (state.present && !state.embed) out.push(['present', state.present]);
  if (state.lesson && state.view === 'lessons') out.push(['lesson', state.lesson]);
  return out;
}

/* ------------------------------------------------------------ sensitivity */

/** The link keys of the sensitivity page's settings. */
export const SENS_KEYS = {
  scenario: 'sens.from',
  indicator: 'sens.indicator',
  runs: 'sens.runs',
  axes: ['sens.x', 'sens.y'],
} as const;
/** Keys of a link that only choose how the app shows things (no scenario, no model). */
const OPTION_KEYS = new Set(['v', 'lang', 'view', 'mode', 'runs', 'embed', 'charts', 'present']);
const SENS_KEY_SET = new Set<string>([
  SENS_KEYS.scenario,
  SENS_KEYS.indicator,
  SENS_KEYS.runs,
  ...SENS_KEYS.axes,
]);
const SCENARIO_IDS: readonly ScenarioId[] = ['A', 'B'];

function formatAxis(a: AxisSetting): string {
  return [a.path, formatNumber(a.from), formatNumber(a.to), formatNumber(a.steps)].join(':');
}

/**
 * The sensitivity settings that differ from the page's defaults. A value
 * the reader would not accept (a field being edited, say) is left out, so
 * that the page opens with its default there rather than with a notice.
 */
function sensPairs(sens: SensSettings | undefined): [string, string][] {
  if (!sens) return [];
  const def = defaultSettings();
  const out: [string, string][] = [];
  if (SCENARIO_IDS.includes(sens.scenario) && sens.scenario !== def.scenario) {
    out.push([SENS_KEYS.scenario, sens.scenario]);
  }
  if (isIndicator(sens.indicator) && sens.indicator !== def.indicator) {
    out.push([SENS_KEYS.indicator, sens.indicator]);
  }
  if (isRuns(sens.runs) && sens.runs !== def.runs) out.push([SENS_KEYS.runs, String(sens.runs)]);
  sens.axes.forEach((a, k) => {
    if (a && axisProblem(a) === null && !sameAxis(a, def.axes[k])) {
      out.push([SENS_KEYS.axes[k], formatAxis(a)]);
    }
  });
  return out;
}

type AxisRead = { ok: true; axis: AxisSetting } | { ok: false; issue: ShareIssue };

/** Reads one heat-map axis, "parameter:from:to:steps". */
function readAxis(name: string, text: string): AxisRead {
  const bad = (code: IssueCode, extra: Record<string, string> = {}): AxisRead => ({
    ok: false,
    issue: issue(code, { name, value: text, ...extra }),
  });
  const parts = text.split(':');
  const malformed = () => bad('axisForm', { example: formatAxis(defaultSettings().axes[0]) });
  if (parts.length !== 4) return malformed();
  const [path, ...nums] = parts;
  if (!PARAM_BY_PATH.has(path)) return bad('axisParameter', { path });
  const p = axisParam(path);
  if (!p) return bad('axisNotNumeric', { path });
  const [from, to, steps] = nums.map(parseNumber);
  if (from === null || to === null || steps === null) return malformed();
  const axis = { path, from, to, steps };
  switch (axisProblem(axis)) {
    case null:
      return { ok: true, axis };
    case 'range':
      return bad('axisRange', { min: formatNumber(p.min), max: formatNumber(p.max) });
    case 'steps':
      return bad('axisSteps', { max: String(MAX_SWEEP_STEPS) });
    default:
      return malformed();
  }
}

/** The sensitivity settings of a link over the page's defaults; what is not valid is named. */
function readSens(params: Params, issues: ShareIssue[]): SensSettings {
  const sens = defaultSettings();
  sens.scenario = pickOption(params, SENS_KEYS.scenario, SCENARIO_IDS, issues) ?? sens.scenario;
  sens.indicator =
    pickOption(
      params,
      SENS_KEYS.indicator,
      INDICATORS.map((i) => i.id),
      issues,
    ) ?? sens.indicator;
  const runs = params.get(SENS_KEYS.runs);
  if (runs !== undefined) {
    if (/^\d+$/.test(runs) && isRuns(Number(runs))) sens.runs = Number(runs);
    else {
      issues.push(
        issue('badCount', {
          name: SENS_KEYS.runs,
          value: runs,
          min: String(MIN_RUNS),
          max: String(MAX_RUNS),
        }),
      );
    }
  }
  SENS_KEYS.axes.forEach((name, k) => {
    const text = params.get(name);
    if (text === undefined) return;
    const read = readAxis(name, text);
    if (read.ok) sens.axes[k] = read.axis;
    else issues.push(read.issue);
  });
  return sens;
}

/** FNV-1a (32 bits) of the decoded pairs, base 36: detects links cut short or edited. */
export function checkCode(pairs: Iterable<[string, string]>): string {
  let h = 2166136261;
  for (const [k, v] of pairs) {
    for (const ch of `${k}=${v}&`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  }
  return (h >>> 0).toString(36);
}

/** The query of `pairs` followed by their check code `c`. */
function toQuery(pairs: [string, string][]): string {
  const all: [string, string][] = [...pairs, ['c', checkCode(pairs)]];
  return all.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
}

/** The minimal patch of a ScenarioState (values equal to the preset dropped). */
function minimalPatch(s: ScenarioState): ScenarioPatch {
  const base = findPreset(s.preset) ? presetScenario(s.preset) : defaultScenario();
  return diffObjects(mergeDeep(base, s.patch), base);
}

/**
 * The query string (without "?") for a state: format version, language, the
 * view options that differ from the defaults, both presets and only the
 * settings that differ from them. Never throws.
 */
export function encodeState(state: AppState): string {
  return toQuery([
    ['v', String(FORMAT_VERSION)],
    ['model', MODEL_VERSION],
    ...optionPairs(state),
    ...sensPairs(state.sens),
    ['a', state.a.preset],
    ['b', state.b.preset],
    ...scenarioPairs('a', minimalPatch(state.a)),
    ...scenarioPairs('b', minimalPatch(state.b)),
  ]);
}

/* ------------------------------------------------------------ pinned */

/** The state of an embed: full scenarios, independent of later default or preset changes. */
export interface PinnedState {
  v: number;
  model: string;
  a: { preset: string; scenario: Scenario };
  b: { preset: string; scenario: Scenario };
  charts: ChartId[];
  mode: ChartMode;
  view: View;
  embed: ChartId | null;
  lang: Lang;
  runs: RunsChoice;
}

export function pinnedState(state: AppState): PinnedState {
  return {
    v: FORMAT_VERSION,
    model: MODEL_VERSION,
    a: { preset: state.a.preset, scenario: scenarioOf(state.a) },
    b: { preset: state.b.preset, scenario: scenarioOf(state.b) },
    charts: CHART_IDS.filter((c) => state.charts.includes(c)),
    mode: state.mode,
    view: state.view,
    embed: state.embed,
    lang: state.lang,
    runs: state.runs,
  };
}

/** The query string of a pinned state: every setting of both scenarios, and `pin=<model version>`. */
export function encodePinned(p: PinnedState): string {
  const all = (key: 'a' | 'b', sc: Scenario): [string, string][] => {
    const leaves = new Map(flatten(sc));
    return LEAF_PATHS.filter((path) => leaves.has(path)).map((path) => [
      `${key}.${path}`,
      formatValue(path, leaves.get(path)),
    ]);
  };
  return toQuery([
    ['v', String(p.v)],
    ['pin', p.model],
    ...optionPairs(p),
    ['a', p.a.preset],
    ['b', p.b.preset],
    ...all('a', p.a.scenario),
    ...all('b', p.b.scenario),
  ]);
}

/* ------------------------------------------------------------ decode */

export interface DecodeResult {
  state: AppState;
  /** What was ignored or changed, in plain English (same order as `issues`). */
  warnings: string[];
  issues: ShareIssue[];
  /** Set for a pinned (embed) link: the model version it was pinned with. */
  pinned: { model: string } | null;
  /**
   * The model version the link was made with: its `pin` or `model`, "1.x"
   * for a format-2 link (before links carried it), else the current one.
   */
  model: string;
}

type Params = Map<string, string>;

/** Migrations of the raw parameters, from version n to n + 1. */
const MIGRATIONS: Record<number, (p: Params, hash: string, issues: ShareIssue[]) => Params> = {
  /**
   * Version 1 (the first app): the page in the hash (#sim, #model), the
   * chart mode 'both' for A and B together, and `policy.passThrough` for
   * what is now `policy.passThroughFloor`.
   */
  1: (p, hash, issues) => {
    const out: Params = new Map();
    for (const [k, val] of p) {
      const renamed = k.replace(/^([ab])\.policy\.passThrough$/, '$1.policy.passThroughFloor');
      // A value the link also gives under the new name wins over the old name's, and is told.
      if (renamed !== k && p.has(renamed)) {
        issues.push(
          issue('renamedBoth', {
            oldName: k,
            oldValue: val,
            newName: renamed,
            newValue: p.get(renamed) ?? '',
          }),
        );
        continue;
      }
      out.set(renamed, k === 'mode' && val === 'both' ? 'ab' : val);
    }
    if (!out.has('view') && (hash === '#model' || hash === '#sim')) {
      out.set('view', hash === '#model' ? 'model' : 'compare');
    }
    return out;
  },
  /**
   * Version 2 (model 1): the same keys. What model 2 no longer has
   * (REMOVED_PATHS) is dropped with its own notice wherever it appears, and
   * the link's model version (1.x, which format 2 did not write) is told.
   */
  2: (p) => p,
};

function splitUrl(url: string): { query: string; hash: string } {
  const hashAt = url.indexOf('#');
  const hash = hashAt >= 0 ? url.slice(hashAt) : '';
  const rest = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const q = rest.indexOf('?');
  if (q >= 0) return { query: rest.slice(q + 1), hash };
  // A bare query ("v=2&a=...") or a URL without one.
  return { query: rest.includes('=') && !rest.includes('/') ? rest : '', hash };
}

function pickOption<T extends string>(
  params: Params,
  name: string,
  allowed: readonly T[],
  issues: ShareIssue[],
): T | undefined {
  const raw = params.get(name);
  if (raw === undefined) return undefined;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  issues.push(issue('badOption', { name, value: raw, allowed: allowed.join(', ') }));
  return undefined;
}

/**
 * Applies the link's settings for one scenario over `base`, keeping every
 * valid one. Settings that are only valid together (betaMin <= betaMax) are
 * tried again after the others, until nothing more can be accepted.
 */
function applySettings(
  id: ScenarioId,
  base: Scenario,
  settings: [string, string][],
  issues: ShareIssue[],
): Scenario {
  const candidates: [string, unknown, string][] = [];
  for (const [path, text] of settings) {
    const parsed = parseValue(id, path, text);
    if (parsed.ok) candidates.push([path, parsed.value, text]);
    else issues.push(parsed.issue);
  }
  const patchOf = (items: [string, unknown, string][]) => {
    const patch: Record<string, unknown> = {};
    for (const [path, value] of items) setPath(patch, path, value);
    return patch;
  };
  const all = resolveScenario(patchOf(candidates), base);
  if (all.ok) return all.scenario;

  let accepted: [string, unknown, string][] = [];
  let current = base;
  let pending = candidates;
  const lastErrors = new Map<string, string>();
  for (let progress = true; progress && pending.length > 0;) {
    progress = false;
    const still: [string, unknown, string][] = [];
    for (const item of pending) {
      const r = resolveScenario(patchOf([...accepted, item]), base);
      if (r.ok) {
        accepted = [...accepted, item];
        current = r.scenario;
        progress = true;
      } else {
        still.push(item);
        const own = r.errors.find((e) => e.startsWith(`${item[0]}`)) ?? r.errors[0];
        // The engine's "path: what" without the path ("what" is told in the reader's language).
        const colon = /^(must |unknown key )/.test(own) ? -1 : own.indexOf(': ');
        lastErrors.set(item[0], colon > 0 ? own.slice(colon + 2) : own);
      }
    }
    pending = still;
  }
  for (const [path, , text] of pending) {
    issues.push(
      issue('invalidValue', {
        scenario: id,
        path,
        value: text,
        detail: lastErrors.get(path) ?? 'not valid',
      }),
    );
  }
  return current;
}

/**
 * Reads the state from a URL (a full URL, "?query", or a bare query). Never
 * throws: whatever cannot be used is left at its default and listed.
 * `lang` is the language to use when the link has none (the browser's).
 */
export function decodeState(url: string, opts: { lang?: Lang } = {}): DecodeResult {
  const fallback = defaultState(opts.lang ?? 'en');
  const issues: ShareIssue[] = [];
  let made = MODEL_VERSION;
  const done = (state: AppState, pinned: DecodeResult['pinned'] = null): DecodeResult => ({
    state,
    issues,
    warnings: issues.map((i) => i.text),
    pinned,
    model: made,
  });
  try {
    const { query, hash } = splitUrl(String(url ?? ''));
    let params: Params = new Map();
    const pairs = [...new URLSearchParams(query)];
    const checked = pairs.filter(([k]) => k !== 'c');
    for (const [k, val] of checked) {
      if (params.has(k)) issues.push(issue('duplicate', { name: k }));
      params.set(k, val);
    }
    const code = pairs.find(([k]) => k === 'c')?.[1];
    // A hand-typed short link (?lang=ja, ?v=2&lang=ja) holds only view
    // options, each checked on its own: no version, check code or model to
    // warn about, since nothing in it depends on them.
    const optionsOnly = [...params.keys()].every((k) => OPTION_KEYS.has(k) || SENS_KEY_SET.has(k));
    if (params.size === 0) {
      // No state in the link: only the first app's hash routes can say something.
      const view = hash === '#model' ? 'model' : 'compare';
      return done({ ...fallback, view });
    }
    // A hand-written lesson link (?lesson=<id>, maybe with lang): no version needed.
    if (params.has('lesson') && [...params.keys()].every((k) => k === 'lesson' || k === 'lang')) {
      const lang = pickOption(params, 'lang', LANGS, issues) ?? fallback.lang;
      return done({ ...fallback, lang, view: 'lessons', lesson: params.get('lesson') });
    }

    // Format version and migrations.
    const rawV = params.get('v');
    let version: number;
    if (rawV === undefined) {
      version = FORMAT_VERSION;
      if (!optionsOnly) issues.push(issue('noVersion', { version: String(FORMAT_VERSION) }));
    } else if (!/^\d+$/.test(rawV) || Number(rawV) < 1) {
      issues.push(issue('badVersion', { value: rawV }));
      return done(fallback);
    } else if (Number(rawV) > FORMAT_VERSION) {
      issues.push(issue('newerVersion', { value: rawV, version: String(FORMAT_VERSION) }));
      return done(fallback);
    } else {
      version = Number(rawV);
    }
    if (version >= 2 && rawV !== undefined) {
      if (code === undefined) {
        if (!optionsOnly) issues.push(issue('noCheck'));
      } else if (code !== checkCode(checked)) issues.push(issue('badCheck'));
    }
    if (version < FORMAT_VERSION && !optionsOnly) {
      issues.push(issue('migrated', { from: String(version) }));
    }
    for (let n = version; n < FORMAT_VERSION; n++) params = MIGRATIONS[n](params, hash, issues);

    const state = defaultState(fallback.lang);
    state.lang = pickOption(params, 'lang', LANGS, issues) ?? state.lang;
    state.view = pickOption(params, 'view', VIEWS, issues) ?? state.view;
    state.mode = pickOption(params, 'mode', CHART_MODES, issues) ?? state.mode;
    const runs = pickOption(params, 'runs', RUNS_CHOICES.map(String), issues);
    if (runs !== undefined) state.runs = Number(runs) as RunsChoice;
    const embed = params.get('embed');
    if (embed !== undefined) state.embed = pickOption(params, 'embed', CHART_IDS, issues) ?? null;
    // Presenter mode stays on when its chart is not known (it then opens on the first chart).
    if (params.get('present') !== undefined && !state.embed) {
      state.present = pickOption(params, 'present', CHART_IDS, issues) ?? CHART_IDS[0];
    }
    const charts = params.get('charts');
    if (charts !== undefined) {
      const listed = charts === '' ? [] : charts.split(',');
      for (const c of listed) {
        if (!(CHART_IDS as readonly string[]).includes(c)) {
          issues.push(
            issue('badOption', { name: 'charts', value: c, allowed: CHART_IDS.join(', ') }),
          );
        }
      }
      state.charts = CHART_IDS.filter((c) => listed.includes(c));
      if (listed.length > 0 && state.charts.length === 0) {
        // A link that lists charts of which none exists is a damaged one: the default set, said so.
        // (An empty list is a choice: the user hid every chart.)
        issues.push(issue('chartsNone', { value: charts }));
        state.charts = [...CHART_IDS];
      }
    }
    // Presenter mode on a chart the link does not show: named, and the first one shown instead.
    if (state.present && state.charts.length > 0 && !state.charts.includes(state.present)) {
      const shown = state.charts[0];
      issues.push(issue('presentHidden', { value: state.present, shown }));
      state.present = shown;
    }

    state.sens = readSens(params, issues);
    // Guided lessons: ?lesson=<id> opens the lessons page on that lesson.
    const lesson = params.get('lesson');
    if (lesson !== undefined) {
      state.lesson = lesson;
      if (!params.has('view')) state.view = 'lessons';
    }

    const pin = params.get('pin');
    const linkModel = params.get('model');
    made = pin ?? linkModel ?? (version < 3 && !optionsOnly ? '1.x' : MODEL_VERSION);
    const settings: Record<'a' | 'b', [string, string][]> = { a: [], b: [] };
    for (const [k, val] of params) {
      if (
        [
          'v',
          'c',
          'lang',
          'view',
          'mode',
          'runs',
          'embed',
          'charts',
          'present',
          'lesson',
          'pin',
          'model',
          'a',
          'b',
          // The scenario table of a workshop link (src/share/workshop.ts reads it).
          'table',
        ].includes(k) ||
        SENS_KEY_SET.has(k)
      )
        continue;
      const m = /^([ab])\.(.+)$/.exec(k);
      if (!m) {
        issues.push(issue('unknownParameter', { name: k }));
        continue;
      }
      const id = m[1].toUpperCase() as ScenarioId;
      if (REMOVED_PATHS.includes(m[2])) {
        issues.push(issue('removedSetting', { scenario: id, path: m[2], current: MODEL_VERSION }));
        continue;
      }
      if (!LEAF_SET.has(m[2])) {
        issues.push(issue('unknownSetting', { scenario: id, path: m[2] }));
        continue;
      }
      settings[m[1] as 'a' | 'b'].push([m[2], val]);
    }

    for (const key of ['a', 'b'] as const) {
      const id = key.toUpperCase() as ScenarioId;
      let preset = params.get(key) ?? DEFAULT_PRESETS[id];
      if (!findPreset(preset)) {
        issues.push(
          issue('unknownPreset', { scenario: id, value: preset, fallback: DEFAULT_PRESETS[id] }),
        );
        preset = DEFAULT_PRESETS[id];
      }
      if (pin !== undefined) {
        // Full scenarios over the defaults; what the pin lacks (a newer parameter) is said.
        const given = new Set(settings[key].map(([p]) => p));
        const missing = LEAF_PATHS.filter((p) => !given.has(p));
        if (missing.length > 0) {
          issues.push(issue('pinnedMissing', { scenario: id, paths: missing.join(', ') }));
        }
        const sc = applySettings(id, defaultScenario(), settings[key], issues);
        state[key] = stateOf(sc, preset);
      } else {
        const sc = applySettings(id, presetScenario(preset), settings[key], issues);
        state[key] = stateOf(sc, preset);
      }
    }
    // Figures from another model: never silently. A new major version says that they differ.
    const change = modelChange(made);
    if (change) issues.push(issue(change, { made, current: MODEL_VERSION }));
    else if (pin !== undefined && pin !== MODEL_VERSION) {
      issues.push(issue('pinnedModel', { pinned: pin, current: MODEL_VERSION }));
    }
    return done(state, pin !== undefined ? { model: pin } : null);
  } catch (e) {
    issues.push(issue('malformed', { detail: e instanceof Error ? e.message : String(e) }));
    return done(fallback);
  }
}
