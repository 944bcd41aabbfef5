/**
 * Named scenarios saved in the browser (localStorage in the app, any
 * Storage-like object in tests), and scenario files for export and import.
 *
 * Each saved scenario has its own key, so one damaged entry cannot take the
 * others with it. Every entry is checked when listed; a damaged one (not
 * JSON, or not a valid scenario) is moved aside under its own key and
 * reported, never silently deleted, so that the user can still download it.
 */
import {
  MODEL_VERSION,
  PRESET_NAMES,
  defaultScenario,
  findPreset,
  isPlainObject,
  resolveScenario,
  type Scenario,
} from '../engine/index.ts';
import {
  MAX_DEPTH,
  MAX_ERRORS_SHOWN,
  MAX_SCENARIO_BYTES,
  RESERVED_KEYS,
  jsonDepth,
} from '../engine/limits.ts';
import { REMOVED_PATHS, modelChange } from './urlState.ts';

/** The part of the Web Storage API used here. */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** An in-memory Storage: for tests, and where localStorage is not available. */
export class MemoryStorage implements StorageLike {
  #items = new Map<string, string>();
  get length(): number {
    return this.#items.size;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
}

/** Whether a store's error is its quota (the browser's names for it differ). */
export function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    code === 22 ||
    code === 1014
  );
}

/**
 * localStorage if the browser lets the page use it, else an in-memory store
 * (`persistent: false`: the UI should say that saved scenarios will not
 * survive a reload). A full localStorage is still used (`full: true`): its
 * saved scenarios are read as ever, and saves are refused with a message
 * rather than made where they would vanish on reload.
 */
export function browserStorage(): { storage: StorageLike; persistent: boolean; full: boolean } {
  let s: Storage;
  try {
    s = globalThis.localStorage;
    void s.length;
  } catch {
    return { storage: new MemoryStorage(), persistent: false, full: false };
  }
  const probe = '__scs_probe__';
  try {
    s.setItem(probe, '1');
    s.removeItem(probe);
    return { storage: s, persistent: true, full: false };
  } catch (e) {
    if (isQuotaError(e)) return { storage: s, persistent: true, full: true };
    return { storage: new MemoryStorage(), persistent: false, full: false };
  }
}

export const SAVED_PREFIX = 'scs:scenario:';
export const ASIDE_PREFIX = 'scs:damaged:';
/** Marker of scenario files and saved entries. */
export const FILE_FORMAT = 'supply-chain-cost-sharing/scenario';
export const FILE_FORMAT_VERSION = 1;
export const MAX_NAME_LENGTH = 80;

export interface SavedScenario {
  name: string;
  /** The preset it started from (its title in the UI; the base of its link). */
  preset: string;
  /** The full scenario, so that a later preset change does not alter it. */
  scenario: Scenario;
  /** ISO time of the last save. */
  savedAt: string;
  modelVersion: string;
  /** The key it is stored under (set when listed): deleting goes by it, whatever the name inside. */
  key?: string;
  /**
   * What reading it changed or has to say (a removed setting ignored, an
   * older model): set on entries read from storage, for the UI to tell when
   * the entry is listed and opened.
   */
  notes?: StorageMessage[];
}

/** A damaged entry that was moved aside. */
export interface SetAside {
  /** Where the raw text now is. */
  key: string;
  /** The key it was found under. */
  from: string;
  /** Why, in English (for logs). */
  reason: string;
  /** Why, as messages the UI tells in the reader's language. */
  reasons: StorageMessage[];
  raw: string;
}

/**
 * English templates of the store's errors and warnings (the `text` of a
 * message, for logs and tests). The UI shows catalog texts instead:
 * `storage.<code>` with the same placeholders (src/i18n/storage.ts), where
 * `{{engine}}` holds the engine's validation messages, one a line.
 */
export const STORAGE_TEXT = {
  nameNotText: 'the name must be text',
  nameEmpty: 'the name is empty',
  nameTooLong: 'the name is longer than {{max}} characters',
  notJson: 'not a JSON file ({{detail}})',
  notJsonAt: 'not a JSON file at line {{line}}, column {{column}} ({{detail}})',
  notJsonToken: 'not a JSON file: {{token}} unexpected ({{detail}})',
  notJsonEnd: 'not a JSON file ({{detail}})',
  notObject: 'the file must hold a JSON object, not a list or a value',
  badFormat: 'format is {{value}}; a scenario file has "{{expected}}"',
  badFormatVersion: 'formatVersion {{value}} is not supported (this app reads {{version}})',
  noScenario: 'scenario: missing, or not a JSON object',
  bareScenario: 'no format marker: read as a bare scenario over the defaults',
  presetAsBase: 'preset "{{preset}}" does not exist; "{{fallback}}" is used as its base',
  scenario: 'scenario: {{engine}}',
  modelVersion: 'saved with model version {{saved}}; this is {{current}}, so results may differ',
  modelChanged:
    'saved with model version {{saved}}; the model has changed since (this is version {{current}}): its figures now come from the new model and differ',
  removedSetting: '"{{path}}" is not a setting of model version {{current}}; it was ignored',
  roundsChanged:
    'simulation.roundsPerYear = {{value}} is no longer allowed (1, 2 or 4 rounds a year); {{used}} is used',
  exists: 'a scenario named "{{name}}" exists already',
  invalidScenario: 'not a valid scenario: {{engine}}',
  noPreset: 'preset "{{preset}}" does not exist',
  refused: 'the browser refused to store it ({{detail}})',
  notFound: 'no saved scenario named "{{name}}"',
  notMoved: 'not moved ({{detail}})',
  unreadable: 'unreadable',
  earlier: '{{reason}}',
  tooLarge: 'too large: {{size}} characters, at most {{max}} (a scenario is a few kilobytes)',
  tooDeep: 'nested more than {{max}} levels deep (a scenario is 3 levels deep)',
  reservedKey: 'the key "{{key}}" is not allowed (at {{path}})',
  badPreset: 'preset must be the name of a preset, not {{value}}',
  moreErrors: 'and {{n}} more',
  failed: 'it could not be read ({{detail}})',
  full: "the browser's storage for this site is full; nothing was saved",
} as const;
export type StorageCode = keyof typeof STORAGE_TEXT;

/** An error or warning: a catalog code and its parameters, and the English text. */
export interface StorageMessage {
  code: StorageCode;
  params: Record<string, string | number>;
  text: string;
}

/** A message; `prefix` (e.g. "name: ") goes before its English text only. */
export function storageMessage(
  code: StorageCode,
  params: Record<string, string | number> = {},
  prefix = '',
): StorageMessage {
  const text = STORAGE_TEXT[code].replace(/\{\{(\w+)\}\}/g, (m, k: string) =>
    k in params ? String(params[k]).split('\n').join('; ') : m,
  );
  return { code, params, text: prefix + text };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: StorageMessage };

interface FileShape {
  format: string;
  formatVersion: number;
  modelVersion: string;
  name: string;
  preset: string;
  scenario: Scenario;
  savedAt?: string;
  exportedAt?: string;
}

/** Whether a stored list of reasons is usable (entries set aside by an older version have none). */
function isMessageList(x: unknown): x is StorageMessage[] {
  return (
    Array.isArray(x) &&
    x.every(
      (m) =>
        isPlainObject(m) &&
        typeof m.code === 'string' &&
        Object.hasOwn(STORAGE_TEXT, m.code) &&
        isPlainObject(m.params) &&
        typeof m.text === 'string',
    )
  );
}

/** Checks a name: trimmed, 1 to 80 characters. */
export function checkName(name: unknown): Result<string> {
  if (typeof name !== 'string') return { ok: false, error: storageMessage('nameNotText') };
  const n = name.trim();
  if (n === '') return { ok: false, error: storageMessage('nameEmpty') };
  if (n.length > MAX_NAME_LENGTH) {
    return { ok: false, error: storageMessage('nameTooLong', { max: MAX_NAME_LENGTH }) };
  }
  return { ok: true, value: n };
}

export type ParsedFile =
  | { ok: true; entry: SavedScenario; warnings: StorageMessage[] }
  | { ok: false; errors: StorageMessage[] };

/** Why JSON.parse refused a text: where, if the message says (line and column from 1). */
function jsonError(text: string, e: unknown): StorageMessage {
  const detail = e instanceof Error ? e.message : String(e);
  const lc = /line (\d+) column (\d+)/.exec(detail);
  if (lc)
    return storageMessage('notJsonAt', { detail, line: Number(lc[1]), column: Number(lc[2]) });
  if (/end of (JSON )?(input|data)/i.test(detail) || text.trim() === '') {
    return storageMessage('notJsonEnd', { detail });
  }
  const pos = /position (\d+)/.exec(detail);
  if (pos) {
    const before = text.slice(0, Number(pos[1])).split('\n');
    return storageMessage('notJsonAt', {
      detail,
      line: before.length,
      column: before[before.length - 1].length + 1,
    });
  }
  const token = /Unexpected (?:token|identifier) ['"]?([^'",\s]+)/i.exec(detail);
  if (token) return storageMessage('notJsonToken', { detail, token: token[1] });
  return storageMessage('notJson', { detail });
}

/** At most MAX_ERRORS_SHOWN messages, then one saying how many more there are. */
function capErrors(errors: StorageMessage[]): StorageMessage[] {
  if (errors.length <= MAX_ERRORS_SHOWN) return errors;
  const more = errors.length - MAX_ERRORS_SHOWN;
  return [
    ...errors.slice(0, MAX_ERRORS_SHOWN),
    storageMessage('moreErrors', { n: more.toLocaleString('en-US') }),
  ];
}

/** Reserved keys (__proto__, constructor, prototype) in parsed JSON, with where they are. */
function reservedKeyPaths(x: unknown, path = '', out: [string, string][] = []): [string, string][] {
  if (Array.isArray(x)) x.forEach((v, i) => reservedKeyPaths(v, `${path}[${i}]`, out));
  else if (isPlainObject(x)) {
    for (const k of Object.keys(x)) {
      const at = path ? `${path}.${k}` : k;
      if (RESERVED_KEYS.includes(k)) out.push([k, path || '(top level)']);
      else reservedKeyPaths(x[k], at, out);
    }
  }
  return out;
}

/**
 * Reads a scenario entry (a saved one, or an imported file's content).
 * Accepts a bare scenario object too (e.g. a CLI scenario file), read over
 * the defaults. Errors and warnings name what is wrong.
 */
export function parseScenarioText(text: string, fallbackName = 'Imported scenario'): ParsedFile {
  // The caps the command line applies too (src/engine/limits.ts), checked before parsing.
  if (text.length > MAX_SCENARIO_BYTES) {
    return {
      ok: false,
      errors: [storageMessage('tooLarge', { size: text.length, max: MAX_SCENARIO_BYTES })],
    };
  }
  if (jsonDepth(text) > MAX_DEPTH) {
    return { ok: false, errors: [storageMessage('tooDeep', { max: MAX_DEPTH })] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [jsonError(text, e)] };
  }
  const reserved = reservedKeyPaths(data);
  if (reserved.length > 0) {
    return {
      ok: false,
      errors: capErrors(
        reserved.map(([key, path]) => storageMessage('reservedKey', { key, path })),
      ),
    };
  }
  if (!isPlainObject(data)) {
    return { ok: false, errors: [storageMessage('notObject')] };
  }
  const warnings: StorageMessage[] = [];
  let body: Record<string, unknown>;
  let scenarioPart: unknown;
  if ('format' in data) {
    if (data.format !== FILE_FORMAT) {
      return {
        ok: false,
        errors: [
          storageMessage('badFormat', {
            value: String(JSON.stringify(data.format)),
            expected: FILE_FORMAT,
          }),
        ],
      };
    }
    if (data.formatVersion !== FILE_FORMAT_VERSION) {
      return {
        ok: false,
        errors: [
          storageMessage('badFormatVersion', {
            value: String(JSON.stringify(data.formatVersion)),
            version: FILE_FORMAT_VERSION,
          }),
        ],
      };
    }
    body = data;
    scenarioPart = data.scenario;
    if (!isPlainObject(scenarioPart)) {
      return { ok: false, errors: [storageMessage('noScenario')] };
    }
  } else {
    body = {};
    scenarioPart = data;
    warnings.push(storageMessage('bareScenario'));
  }

  const errors: StorageMessage[] = [];
  const name = checkName(body.name ?? fallbackName);
  if (!name.ok) errors.push(storageMessage(name.error.code, name.error.params, 'name: '));
  if ('preset' in body && typeof body.preset !== 'string') {
    errors.push(storageMessage('badPreset', { value: String(JSON.stringify(body.preset)) }));
  }
  let preset = typeof body.preset === 'string' ? body.preset : PRESET_NAMES[0];
  if (!findPreset(preset)) {
    warnings.push(storageMessage('presetAsBase', { preset, fallback: PRESET_NAMES[0] }));
    preset = PRESET_NAMES[0];
  }
  // What the model no longer has is dropped, and said: nothing else is lost.
  scenarioPart = dropRemoved(scenarioPart as Record<string, unknown>, warnings);
  // Over the defaults: a file from an older model that lacks a newer setting still loads.
  const parsed = resolveScenario(scenarioPart, defaultScenario());
  if (!parsed.ok)
    errors.push(...parsed.errors.map((e) => storageMessage('scenario', { engine: e })));
  if (errors.length > 0 || !parsed.ok || !name.ok) return { ok: false, errors: capErrors(errors) };

  const modelVersion = typeof body.modelVersion === 'string' ? body.modelVersion : MODEL_VERSION;
  if (modelChange(modelVersion) === 'modelChanged') {
    warnings.push(storageMessage('modelChanged', { saved: modelVersion, current: MODEL_VERSION }));
  } else if (modelVersion !== MODEL_VERSION) {
    warnings.push(storageMessage('modelVersion', { saved: modelVersion, current: MODEL_VERSION }));
  }
  const savedAt =
    typeof body.savedAt === 'string'
      ? body.savedAt
      : typeof body.exportedAt === 'string'
        ? body.exportedAt
        : new Date(0).toISOString();
  return {
    ok: true,
    entry: { name: name.value, preset, scenario: parsed.scenario, savedAt, modelVersion },
    warnings,
  };
}

/**
 * A copy of a scenario without the settings earlier models had and this one
 * has not (REMOVED_PATHS), and with a rounds count of 3 a year (allowed
 * before model 2) set back to the default; each change is told in `warnings`.
 */
export function dropRemoved(sc: Record<string, unknown>, warnings: StorageMessage[]): unknown {
  const out = structuredClone(sc);
  for (const path of REMOVED_PATHS) {
    const parts = path.split('.');
    let node: unknown = out;
    for (const p of parts.slice(0, -1)) node = isPlainObject(node) ? node[p] : undefined;
    const last = parts[parts.length - 1];
    if (isPlainObject(node) && Object.hasOwn(node, last)) {
      delete node[last];
      warnings.push(storageMessage('removedSetting', { path, current: MODEL_VERSION }));
    }
  }
  const sim = out.simulation;
  if (isPlainObject(sim) && sim.roundsPerYear === 3) {
    const used = defaultScenario().simulation.roundsPerYear;
    delete sim.roundsPerYear;
    warnings.push(storageMessage('roundsChanged', { value: 3, used }));
  }
  return out;
}

/** The content of a scenario file (pretty JSON, with the format marker and model version). */
export function exportScenarioFile(entry: SavedScenario, now: Date = new Date()): string {
  const file: FileShape = {
    format: FILE_FORMAT,
    formatVersion: FILE_FORMAT_VERSION,
    modelVersion: entry.modelVersion,
    name: entry.name,
    preset: entry.preset,
    scenario: entry.scenario,
    exportedAt: now.toISOString(),
  };
  return JSON.stringify(file, null, 2) + '\n';
}

/** A file name for a scenario: its name made safe, e.g. "layered-plus-subsidy.scenario.json". */
export function scenarioFileName(name: string): string {
  const slug = name
    .normalize('NFKC')
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'scenario'}.scenario.json`;
}

export interface ListResult {
  entries: SavedScenario[];
  /** Entries found damaged in this listing, now moved aside. */
  setAside: SetAside[];
}

/** Saved named scenarios over a Storage. */
export class ScenarioStore {
  constructor(
    readonly storage: StorageLike,
    private readonly now: () => Date = () => new Date(),
  ) {}

  #keys(prefix: string): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const k = this.storage.key(i);
      if (k !== null && k.startsWith(prefix)) out.push(k);
    }
    return out;
  }

  #keyOf(name: string): string {
    return SAVED_PREFIX + name;
  }

  /** Moves a damaged entry aside (raw text kept) and describes it. */
  #setAside(from: string, raw: string, reasons: StorageMessage[]): SetAside {
    const stamp = this.now().toISOString();
    let key = `${ASIDE_PREFIX}${stamp}:${from.slice(SAVED_PREFIX.length)}`;
    for (let i = 2; this.storage.getItem(key) !== null; i++) key = `${key}#${i}`;
    const reason = reasons.map((r) => r.text).join('; ');
    const record = JSON.stringify({ from, reason, reasons, raw });
    this.storage.setItem(key, record);
    this.storage.removeItem(from);
    return { key, from, reason, reasons, raw };
  }

  /**
   * Every saved scenario, sorted by name; damaged entries are moved aside and
   * returned in `setAside` for the UI to report.
   */
  list(): ListResult {
    const entries: SavedScenario[] = [];
    const setAside: SetAside[] = [];
    for (const key of this.#keys(SAVED_PREFIX)) {
      let raw = '';
      let parsed: ParsedFile;
      // Whatever an entry holds, reading it never stops the others (or the app's start).
      try {
        raw = this.storage.getItem(key) ?? '';
        parsed = parseScenarioText(raw, key.slice(SAVED_PREFIX.length));
      } catch (e) {
        parsed = { ok: false, errors: [storageMessage('failed', { detail: String(e) })] };
      }
      if (parsed.ok) {
        const notes = parsed.warnings;
        const entry = { ...parsed.entry, key };
        entries.push(notes.length > 0 ? { ...entry, notes } : entry);
      } else {
        try {
          setAside.push(this.#setAside(key, raw, parsed.errors));
        } catch (e) {
          // Storage full: leave it where it is, but still report it.
          const reasons = [...parsed.errors, storageMessage('notMoved', { detail: String(e) })];
          const reason = reasons.map((r) => r.text).join('; ');
          setAside.push({ key, from: key, reason, reasons, raw });
        }
      }
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    return { entries, setAside };
  }

  get(name: string): SavedScenario | null {
    const raw = this.storage.getItem(this.#keyOf(name));
    if (raw === null) return null;
    const parsed = parseScenarioText(raw, name);
    return parsed.ok ? parsed.entry : null;
  }

  /**
   * Saves a scenario under a name. Refuses an existing name unless
   * `overwrite`; refuses an invalid scenario; reports a full storage.
   */
  save(
    name: string,
    preset: string,
    scenario: Scenario,
    opts: { overwrite?: boolean } = {},
  ): Result<SavedScenario> {
    const n = checkName(name);
    if (!n.ok) return { ok: false, error: n.error };
    if (!opts.overwrite && this.storage.getItem(this.#keyOf(n.value)) !== null) {
      return { ok: false, error: storageMessage('exists', { name: n.value }) };
    }
    const check = resolveScenario(scenario, defaultScenario());
    if (!check.ok) {
      return {
        ok: false,
        error: storageMessage('invalidScenario', { engine: check.errors.join('\n') }),
      };
    }
    if (!findPreset(preset)) return { ok: false, error: storageMessage('noPreset', { preset }) };
    const entry: SavedScenario = {
      name: n.value,
      preset,
      scenario: check.scenario,
      savedAt: this.now().toISOString(),
      modelVersion: MODEL_VERSION,
    };
    const file: FileShape = {
      format: FILE_FORMAT,
      formatVersion: FILE_FORMAT_VERSION,
      ...entry,
    };
    try {
      this.storage.setItem(this.#keyOf(n.value), JSON.stringify(file));
    } catch (e) {
      if (isQuotaError(e)) return { ok: false, error: storageMessage('full') };
      return { ok: false, error: storageMessage('refused', { detail: String(e) }) };
    }
    return { ok: true, value: entry };
  }

  rename(from: string, to: string): Result<SavedScenario> {
    const n = checkName(to);
    if (!n.ok) return { ok: false, error: n.error };
    const entry = this.get(from);
    if (!entry) return { ok: false, error: storageMessage('notFound', { name: from }) };
    if (n.value === from) return { ok: true, value: entry };
    if (this.storage.getItem(this.#keyOf(n.value)) !== null) {
      return { ok: false, error: storageMessage('exists', { name: n.value }) };
    }
    const saved = this.save(n.value, entry.preset, entry.scenario);
    if (!saved.ok) return saved;
    this.storage.removeItem(this.#keyOf(from));
    return saved;
  }

  delete(name: string): boolean {
    return this.deleteKey(this.#keyOf(name));
  }

  /** Deletes a saved entry by its key (as listed), whatever name it holds. */
  deleteKey(key: string): boolean {
    if (!key.startsWith(SAVED_PREFIX) || this.storage.getItem(key) === null) return false;
    this.storage.removeItem(key);
    return true;
  }

  /** Entries moved aside so far (oldest first), for "download" or "discard" in the UI. */
  setAside(): SetAside[] {
    return this.#keys(ASIDE_PREFIX)
      .sort()
      .map((key) => {
        let raw = '';
        try {
          raw = this.storage.getItem(key) ?? '';
          const r = JSON.parse(raw) as Record<string, unknown>;
          // A record of another shape (damaged, or written by hand) is shown as unreadable.
          if (!isPlainObject(r) || typeof r.from !== 'string' || typeof r.raw !== 'string') {
            throw new Error('not a set-aside record');
          }
          const reason = typeof r.reason === 'string' ? r.reason : '';
          const reasons = isMessageList(r.reasons)
            ? r.reasons
            : [storageMessage('earlier', { reason })];
          return { key, from: r.from, reason, reasons, raw: r.raw };
        } catch {
          const reasons = [storageMessage('unreadable')];
          return { key, from: key, reason: reasons[0].text, reasons, raw };
        }
      });
  }

  /** Deletes an entry that was moved aside: only at the user's request. */
  discardSetAside(key: string): boolean {
    if (!key.startsWith(ASIDE_PREFIX) || this.storage.getItem(key) === null) return false;
    this.storage.removeItem(key);
    return true;
  }

  /** Imports a scenario file's text, under its own name or `name`. */
  importText(text: string, opts: { name?: string; overwrite?: boolean } = {}): ParsedFile {
    const parsed = parseScenarioText(text);
    if (!parsed.ok) return parsed;
    const name = opts.name ?? parsed.entry.name;
    const saved = this.save(name, parsed.entry.preset, parsed.entry.scenario, opts);
    if (!saved.ok) return { ok: false, errors: [saved.error] };
    return { ok: true, entry: saved.value, warnings: parsed.warnings };
  }
}
