/**
 * A workshop's scenario table, shared whole: one link (each scenario as its
 * preset and the settings that differ from it, compact) or one file (each
 * scenario in full). Reading either checks every scenario and names what is
 * wrong; merging into the saved scenarios never overwrites one that is there
 * already (a different scenario of the same name is saved under a new name).
 * Pure: the UI translates the messages (catalog keys `workshop.msg.<code>`).
 */
import * as v from 'valibot';
import {
  MODEL_VERSION,
  PRESET_NAMES,
  defaultScenario,
  findPreset,
  presetScenario,
  resolveScenario,
  setPath,
  type Scenario,
} from '../engine/index.ts';
import { MAX_DEPTH, MAX_SCENARIO_BYTES, count, jsonDepth, reservedKeys } from '../engine/limits.ts';
import {
  MAX_NAME_LENGTH,
  checkName,
  dropRemoved,
  type ScenarioStore,
  type StorageMessage,
} from './storage.ts';
import {
  FORMAT_VERSION,
  checkCode,
  deepEqual,
  diffFromPreset,
  modelChange,
  type Lang,
} from './urlState.ts';

export const TABLE_FILE_FORMAT = 'supply-chain-cost-sharing/table';
export const TABLE_FILE_VERSION = 1;
/** The link's key that holds the table. */
export const TABLE_KEY = 'table';
/** Longer links are cut by some mail and chat tools: above this, the file is offered instead. */
export const MAX_LINK_LENGTH = 8000;
/** At most this many scenarios in one table. */
export const MAX_TABLE_SCENARIOS = 50;
/**
 * A table file or link holds at most this many characters: four times a
 * scenario file's cap (src/engine/limits.ts), far above 50 scenarios of a
 * few kilobytes each.
 */
export const MAX_TABLE_CHARS = 4 * MAX_SCENARIO_BYTES;

/** One scenario of a table, in its order. */
export interface TableScenario {
  name: string;
  preset: string;
  scenario: Scenario;
}

export type WorkshopCode =
  | 'notJson'
  | 'notTable'
  | 'badVersion'
  | 'empty'
  | 'tooMany'
  | 'badEntry'
  | 'badName'
  | 'unknownPreset'
  | 'invalid'
  | 'removed'
  | 'model'
  | 'added'
  | 'same'
  | 'renamed'
  | 'failed'
  | 'tooLong'
  | 'tooLarge'
  | 'tooDeep'
  | 'reservedKey';

/**
 * A message: a code (catalog key `workshop.msg.<code>`) and its parameters;
 * `names` are told as a list, `storage` is the store's own message quoted.
 */
export interface WorkshopMessage {
  code: WorkshopCode;
  params: Record<string, string | number>;
  names?: string[];
  storage?: StorageMessage;
}

const msg = (
  code: WorkshopCode,
  params: Record<string, string | number> = {},
  extra: Pick<WorkshopMessage, 'names' | 'storage'> = {},
): WorkshopMessage => ({ code, params, ...extra });

export type TableRead =
  | { ok: true; scenarios: TableScenario[]; notes: WorkshopMessage[] }
  | { ok: false; errors: WorkshopMessage[] };

/* ------------------------------------------------------------ shapes */

const LinkShape = v.object({
  m: v.optional(v.string()),
  s: v.array(v.unknown()),
});
const LinkEntry = v.object({
  n: v.unknown(),
  p: v.string(),
  d: v.optional(v.record(v.string(), v.unknown())),
});
const FileShape = v.object({
  format: v.literal(TABLE_FILE_FORMAT),
  formatVersion: v.unknown(),
  modelVersion: v.optional(v.string()),
  scenarios: v.array(v.unknown()),
});
const FileEntry = v.object({
  name: v.unknown(),
  preset: v.string(),
  scenario: v.record(v.string(), v.unknown()),
});

/* ------------------------------------------------------------ link */

/** Flattens a patch to dotted paths; arrays are leaves. */
function flatPatch(obj: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}) {
  for (const [k, val] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (val !== null && typeof val === 'object' && !Array.isArray(val)) {
      flatPatch(val as Record<string, unknown>, path, out);
    } else out[path] = val;
  }
  return out;
}

/** The table's value in a link: each scenario as [name, preset, settings that differ]. */
export function encodeTable(scenarios: readonly TableScenario[]): string {
  return JSON.stringify({
    m: MODEL_VERSION,
    s: scenarios.map((e) => {
      const d = flatPatch(diffFromPreset(e.scenario, e.preset));
      return Object.keys(d).length > 0 ? { n: e.name, p: e.preset, d } : { n: e.name, p: e.preset };
    }),
  });
}

/** Percent-encodes a query value, keeping `,` and `:` readable. */
const enc = (s: string) => encodeURIComponent(s).replace(/%2C/gi, ',').replace(/%3A/gi, ':');

/** A link to the table page holding the whole table (with the link's check code). */
export function tableLink(href: string, lang: Lang, scenarios: readonly TableScenario[]): string {
  const pairs: [string, string][] = [
    ['v', String(FORMAT_VERSION)],
    ['model', MODEL_VERSION],
    ['lang', lang],
    ['view', 'table'],
    [TABLE_KEY, encodeTable(scenarios)],
  ];
  const all: [string, string][] = [...pairs, ['c', checkCode(pairs)]];
  const base = href.replace(/[?#].*$/, '');
  return `${base}?${all.map(([k, val]) => `${enc(k)}=${enc(val)}`).join('&')}#table`;
}

/** The table a link holds (its `table` value), or null if it holds none. */
export function tableOfLink(href: string): string | null {
  const q = href.indexOf('?');
  if (q < 0) return null;
  const hash = href.indexOf('#', q);
  return new URLSearchParams(href.slice(q + 1, hash < 0 ? undefined : hash)).get(TABLE_KEY);
}

/**
 * Parses a table's JSON within the caps the command line and the saved
 * scenarios use (src/engine/limits.ts): its size and nesting depth are
 * checked before parsing, and reserved keys (__proto__, constructor,
 * prototype) are named, never dropped silently.
 */
function parseJson(
  text: string,
): { ok: true; data: unknown } | { ok: false; error: WorkshopMessage } {
  if (text.length > MAX_TABLE_CHARS) {
    return {
      ok: false,
      error: msg('tooLarge', { n: count(text.length), max: count(MAX_TABLE_CHARS) }),
    };
  }
  if (jsonDepth(text) > MAX_DEPTH) return { ok: false, error: msg('tooDeep', { max: MAX_DEPTH }) };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      error: msg('notJson', { detail: e instanceof Error ? e.message : String(e) }),
    };
  }
  const reserved = reservedKeys(data);
  if (reserved.length > 0) {
    // Each found key by where it is ("scenarios[0].scenario.__proto__"), in any language.
    const where = reserved.map((r) => {
      const m = /^(?:(.*): )?key "(.*?)" is not allowed/.exec(r);
      return m ? `${m[1] ? `${m[1]}.` : ''}${m[2]}` : r;
    });
    const shown = where.slice(0, 5).join(', ');
    const more = reserved.length > 5 ? ` (+${count(reserved.length - 5)})` : '';
    return { ok: false, error: msg('reservedKey', { keys: shown + more }) };
  }
  return { ok: true, data };
}

/** Reads a link's table value. */
export function decodeTable(text: string): TableRead {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, errors: [json.error] };
  const shape = v.safeParse(LinkShape, json.data);
  if (!shape.success) return { ok: false, errors: [msg('notTable')] };
  const entries = shape.output.s.map((raw) => {
    const e = v.safeParse(LinkEntry, raw);
    if (!e.success) return null;
    const patch: Record<string, unknown> = {};
    for (const [path, val] of Object.entries(e.output.d ?? {})) setPath(patch, path, val);
    return { name: e.output.n, preset: e.output.p, body: patch, over: 'preset' as const };
  });
  return readEntries(entries, shape.output.m ?? MODEL_VERSION);
}

/* ------------------------------------------------------------ file */

/** The content of a table file: every scenario in full, in the table's order. */
export function exportTableFile(scenarios: readonly TableScenario[], now = new Date()): string {
  const file = {
    format: TABLE_FILE_FORMAT,
    formatVersion: TABLE_FILE_VERSION,
    modelVersion: MODEL_VERSION,
    exportedAt: now.toISOString(),
    scenarios: scenarios.map((e) => ({ name: e.name, preset: e.preset, scenario: e.scenario })),
  };
  return JSON.stringify(file, null, 2) + '\n';
}

/** Whether a file's text is a table file (rather than one scenario's). */
export function isTableFile(text: string): boolean {
  const json = parseJson(text);
  return (
    json.ok &&
    json.data !== null &&
    typeof json.data === 'object' &&
    (json.data as Record<string, unknown>).format === TABLE_FILE_FORMAT
  );
}

/** Reads a table file. */
export function parseTableFile(text: string): TableRead {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, errors: [json.error] };
  const shape = v.safeParse(FileShape, json.data);
  if (!shape.success) return { ok: false, errors: [msg('notTable')] };
  if (shape.output.formatVersion !== TABLE_FILE_VERSION) {
    return {
      ok: false,
      errors: [msg('badVersion', { value: String(JSON.stringify(shape.output.formatVersion)) })],
    };
  }
  const entries = shape.output.scenarios.map((raw) => {
    const e = v.safeParse(FileEntry, raw);
    return e.success
      ? {
          name: e.output.name,
          preset: e.output.preset,
          body: e.output.scenario,
          over: 'defaults' as const,
        }
      : null;
  });
  return readEntries(entries, shape.output.modelVersion ?? MODEL_VERSION);
}

/* ------------------------------------------------------------ common */

interface RawEntry {
  name: unknown;
  preset: string;
  body: Record<string, unknown>;
  /** A link's settings are over the preset; a file's scenario is whole, over the defaults. */
  over: 'preset' | 'defaults';
}

/** Checks each scenario; any error refuses the whole table (nothing half-read). */
function readEntries(entries: (RawEntry | null)[], made: string): TableRead {
  if (entries.length === 0) return { ok: false, errors: [msg('empty')] };
  if (entries.length > MAX_TABLE_SCENARIOS) {
    return { ok: false, errors: [msg('tooMany', { max: MAX_TABLE_SCENARIOS, n: entries.length })] };
  }
  const errors: WorkshopMessage[] = [];
  const notes: WorkshopMessage[] = [];
  const out: TableScenario[] = [];
  entries.forEach((e, i) => {
    const n = i + 1;
    if (!e) {
      errors.push(msg('badEntry', { n }));
      return;
    }
    const name = checkName(e.name);
    if (!name.ok) {
      errors.push(msg('badName', { n }, { storage: name.error }));
      return;
    }
    let preset = e.preset;
    if (!findPreset(preset)) {
      notes.push(msg('unknownPreset', { n, name: name.value, preset, fallback: PRESET_NAMES[0] }));
      preset = PRESET_NAMES[0];
    }
    const removed: StorageMessage[] = [];
    const body = dropRemoved(e.body, removed);
    for (const r of removed) notes.push(msg('removed', { n, name: name.value }, { storage: r }));
    const base = e.over === 'preset' ? presetScenario(preset) : defaultScenario();
    const r = resolveScenario(body, base);
    if (!r.ok) {
      errors.push(msg('invalid', { n, name: name.value, engine: r.errors.join('\n') }));
      return;
    }
    out.push({ name: name.value, preset, scenario: r.scenario });
  });
  if (errors.length > 0) return { ok: false, errors };
  if (modelChange(made) !== null) notes.push(msg('model', { made, current: MODEL_VERSION }));
  return { ok: true, scenarios: out, notes };
}

/** What merging a table into the saved scenarios did, and the names of the table's rows in order. */
export interface MergeResult {
  names: string[];
  messages: WorkshopMessage[];
}

/**
 * Saves each scenario of a table, in order, without touching those saved
 * already: the same scenario under the same name is kept as it is, a
 * different one of that name is saved as "Name (2)".
 */
export function mergeTable(store: ScenarioStore, scenarios: readonly TableScenario[]): MergeResult {
  const names: string[] = [];
  const added: string[] = [];
  const same: string[] = [];
  const messages: WorkshopMessage[] = [];
  const isSame = (name: string, e: TableScenario) => {
    const there = store.get(name);
    return there !== null && there.preset === e.preset && deepEqual(there.scenario, e.scenario);
  };
  for (const e of scenarios) {
    // The name itself, else "Name (2)", "Name (3)"…: the first that holds this very
    // scenario already (opened before) or is free.
    let name = e.name;
    const taken = (n: string) => names.includes(n) || (!isSame(n, e) && store.get(n) !== null);
    for (let k = 2; taken(name); k++) {
      const suffix = ` (${k})`;
      name = e.name.slice(0, MAX_NAME_LENGTH - suffix.length) + suffix;
    }
    if (isSame(name, e) && !names.includes(name)) {
      same.push(name);
      names.push(name);
      continue;
    }
    const r = store.save(name, e.preset, e.scenario);
    if (!r.ok) {
      messages.push(msg('failed', { name: e.name }, { storage: r.error }));
      continue;
    }
    names.push(name);
    if (name === e.name) added.push(name);
    else messages.push(msg('renamed', { from: e.name, to: name }));
  }
  if (same.length > 0) messages.unshift(msg('same', { n: same.length }, { names: same }));
  if (added.length > 0) messages.unshift(msg('added', { n: added.length }, { names: added }));
  return { names, messages };
}
