/**
 * Messages that quote the engine's validation messages, in the reader's
 * language: the saved-scenario store's errors and warnings (catalog keys
 * `storage.<code>`), the link reader's notices (`share.issue.<code>`) and
 * the workshop table's (`workshop.msg.<code>`).
 * The quoted engine messages go through the translator of validation.ts.
 */
import { PARAM_BY_PATH } from '../engine/index.ts';
import { translate, type Lang, type MessageKey } from './index.ts';
import { isPercent, toTyped } from './units.ts';
import { REMOVED_LABELS, engineText, whatText, whereText } from './validation.ts';

/**
 * The shapes of the messages told here, as src/share makes them (the store's
 * StorageMessage, the link reader's ShareIssue, the workshop table's
 * WorkshopMessage): a catalog code and its parameters. Described here, so
 * that translating depends on nothing above it.
 */
export interface StorageMessageLike {
  code: string;
  params: Record<string, string | number>;
}
export interface ShareIssueLike {
  code: string;
  params: Record<string, string>;
}
export interface WorkshopMessageLike {
  code: string;
  params: Record<string, string | number>;
  names?: string[];
  storage?: StorageMessageLike;
}

/** A setting as the reader knows it: a lever's label, a removed setting's name, else as written. */
function settingName(lang: Lang, path: string): string {
  if (PARAM_BY_PATH.has(path)) return translate(lang, `param.${path}.label`);
  return REMOVED_LABELS[path]?.[lang] ?? whereText(lang, path);
}

/** A link's number for a share in percent ("0.8" → "80%"); other text as it is. */
function typedValue(path: string, text: string): string {
  const x = Number(text);
  return text.trim() !== '' && Number.isFinite(x) && isPercent(path)
    ? `${toTyped(path, x)}%`
    : text;
}

/** A message of the store (src/share/storage.ts) in `lang`. */
export function storageText(lang: Lang, m: StorageMessageLike): string {
  const params = { ...m.params };
  if (typeof params.engine === 'string') {
    params.engine = params.engine
      .split('\n')
      .map((e) => engineText(lang, e))
      .join(lang === 'ja' ? '' : ' ');
  }
  if (m.code === 'removedSetting' && typeof params.path === 'string') {
    params.path = settingName(lang, params.path);
  }
  return translate(lang, `storage.${m.code}` as MessageKey, params);
}

/** A notice of the link reader (src/share/urlState.ts) in `lang`. */
export function issueText(lang: Lang, issue: ShareIssueLike): string {
  const params = { ...issue.params };
  const path = params.path;
  if (issue.code === 'invalidValue' && params.detail) {
    params.detail = whatText(lang, params.detail, path);
  }
  // The reader sees levers by name, and shares in percent, never an internal path.
  if (path && issue.code !== 'unknownSetting' && issue.code !== 'axisParameter') {
    for (const k of ['value', 'min', 'max'] as const) {
      if (params[k] !== undefined) params[k] = typedValue(path, params[k]);
    }
    params.path = settingName(lang, path);
  }
  // A heat-map axis of the link ("policy.costDown:0:0.1:5"): the lever by name, shares in percent.
  const axis = /^([\w.]+):([^:]*):([^:]*):([^:]*)$/.exec(params.value ?? '');
  if (issue.code.startsWith('axis') && axis && PARAM_BY_PATH.has(axis[1])) {
    const [, p, from, to, steps] = axis;
    params.value = `${settingName(lang, p)}:${typedValue(p, from)}:${typedValue(p, to)}:${steps}`;
    for (const k of ['min', 'max'] as const) {
      if (params[k] !== undefined) params[k] = typedValue(p, params[k]);
    }
  }
  if (issue.code === 'pinnedMissing' && params.paths) {
    params.paths = params.paths
      .split(', ')
      .map((p) => settingName(lang, p))
      .join(lang === 'ja' ? '、' : ', ');
  }
  return translate(lang, `share.issue.${issue.code}` as MessageKey, params);
}

/** A message about a workshop table (src/share/workshop.ts) in `lang`. */
export function workshopText(lang: Lang, m: WorkshopMessageLike): string {
  const params: Record<string, string | number> = { ...m.params };
  const sep = lang === 'ja' ? '、' : ', ';
  if (m.names) {
    params.names = m.names.map((n) => (lang === 'ja' ? `「${n}」` : `“${n}”`)).join(sep);
  }
  if (m.storage) params.storage = storageText(lang, m.storage);
  if (typeof params.engine === 'string') {
    params.engine = params.engine
      .split('\n')
      .map((e) => engineText(lang, e))
      .join(lang === 'ja' ? '' : ' ');
  }
  return translate(lang, `workshop.msg.${m.code}` as MessageKey, params);
}
