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
import { ISSUE_TEXT, fill, type IssueCode } from '../i18n/issues.ts';
import {
  MODEL_VERSION,
  defaultScenario,
  findPreset,
  isPlainObject,
  mergeDeep,
  presetScenario,
  resolveScenario,
  setPath,
  type Scenario,
} from '../engine/index.ts';
import type { ScenarioId } from './ids.ts';
import {
  LEAF_PATHS,
  LEAF_SET,
  checkCode,
  flatten,
  formatValue,
  parseValue,
  pickOption,
  toQuery,
} from './link/codecs.ts';
import { issue, type ShareIssue } from './link/issues.ts';
import { KNOWN_KEYS, VIEW_ONLY_KEYS, optionPairs, readOptions } from './link/keys.ts';
import {
  FORMAT_VERSION,
  REMOVED_PATHS,
  migrate,
  modelChange,
  type Params,
} from './link/migrations.ts';
import { readSens, sensPairs } from './link/sens.ts';
import {
  CHART_IDS,
  DEFAULT_PRESETS,
  defaultState,
  type AppState,
  type ScenarioPatch,
  type ScenarioState,
} from './link/state.ts';

// The link's parts live in ./link/ (state, key table, codecs, migrations, sensitivity settings,
// notices); this module encodes and decodes whole links and re-exports the parts its readers use.
export { LANGS, ISSUE_TEXT, fill, type Lang, type IssueCode };
export {
  CHART_IDS,
  CHART_MODES,
  DEFAULT_PRESETS,
  RUNS_CHOICES,
  VIEWS,
  defaultState,
  type AppState,
  type ChartId,
  type ChartMode,
  type RunsChoice,
  type ScenarioId,
  type ScenarioPatch,
  type ScenarioState,
  type View,
} from './link/state.ts';
export { MODEL_ISSUES, type ShareIssue } from './link/issues.ts';
export { FORMAT_VERSION, REMOVED_PATHS, modelChange, modelMajor } from './link/migrations.ts';
export { LEAF_PATHS, checkCode, formatNumber } from './link/codecs.ts';
export { SENS_KEYS } from './link/sens.ts';
export { KNOWN_KEYS } from './link/keys.ts';

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

/* ------------------------------------------------------------ encode */

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
export type PinnedState = {
  v: number;
  model: string;
  a: { preset: string; scenario: Scenario };
  b: { preset: string; scenario: Scenario };
} & Pick<AppState, 'charts' | 'mode' | 'view' | 'embed' | 'lang' | 'runs'>;

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

function splitUrl(url: string): { query: string; hash: string } {
  const hashAt = url.indexOf('#');
  const hash = hashAt >= 0 ? url.slice(hashAt) : '';
  const rest = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const q = rest.indexOf('?');
  if (q >= 0) return { query: rest.slice(q + 1), hash };
  // A bare query ("v=2&a=...") or a URL without one.
  return { query: rest.includes('=') && !rest.includes('/') ? rest : '', hash };
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
    const optionsOnly = [...params.keys()].every((k) => VIEW_ONLY_KEYS.has(k));
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
    params = migrate(params, version, hash, issues);

    const state = defaultState(fallback.lang);
    readOptions(params, state, issues);
    state.sens = readSens(params, issues);

    const pin = params.get('pin');
    const linkModel = params.get('model');
    made = pin ?? linkModel ?? (version < 3 && !optionsOnly ? '1.x' : MODEL_VERSION);
    const settings: Record<'a' | 'b', [string, string][]> = { a: [], b: [] };
    for (const [k, val] of params) {
      if (KNOWN_KEYS.has(k)) continue;
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
    } else if (made !== MODEL_VERSION) {
      // Another version of the same major model: figures may differ, never silently (an embed
      // says it as pinned charts do).
      issues.push(
        state.embed
          ? issue('pinnedModel', { pinned: made, current: MODEL_VERSION })
          : issue('modelUpdated', { made, current: MODEL_VERSION }),
      );
    }
    return done(state, pin !== undefined ? { model: pin } : null);
  } catch (e) {
    issues.push(issue('malformed', { detail: e instanceof Error ? e.message : String(e) }));
    return done(fallback);
  }
}
