/**
 * Translation: the English catalog is bundled; the Japanese one loads on
 * demand (`loadLang`, which the page awaits before showing Japanese; in Node,
 * a script or a test, it is loaded before this module's importers run).
 * Keys are dotted paths into the catalogs; `{{name}}` placeholders (a
 * placeholder without a value stays as written); values are not
 * HTML-escaped (Svelte escapes what it renders). A text missing in Japanese
 * falls back to English, a missing key to the key itself.
 */
import { LANGS, type Lang } from './langs.ts';
import { EN_CATALOG, type Catalog } from './catalog.ts';
import type { uiEn } from './ui.en.ts';

export { LANGS, type Lang };

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Keys of the app's own texts, checked by TypeScript. */
export type UiKey = Leaves<typeof uiEn>;
/** Keys generated from the engine's tables. */
export type TableKey = `${'param' | 'series' | 'economy' | 'preset' | 'indicator'}.${string}`;
export type MessageKey = UiKey | TableKey;
export type MessageParams = Record<string, string | number>;

const catalogs: { en: Catalog; ja?: Catalog } = { en: EN_CATALOG };
/** Japanese names of units and of the presets' event labels, with the Japanese catalog. */
let japanese: { units: Record<string, string>; events: Record<string, string> } | null = null;
let loadingJa: Promise<void> | null = null;

/** Whether `lang`'s texts are here (English always is). */
export function hasLang(lang: Lang): boolean {
  return lang === 'en' || !!catalogs.ja;
}

/** Loads `lang`'s catalog if it is not here yet. */
export function loadLang(lang: Lang): Promise<void> {
  if (hasLang(lang)) return Promise.resolve();
  loadingJa ??= import('./catalog.ja.ts').then((m) => {
    catalogs.ja = m.JA_CATALOG;
    japanese = { units: m.UNIT_JA, events: m.EVENT_LABEL_JA };
  });
  return loadingJa;
}

// A script or a test in Node has both languages from the start. (The app's build
// replaces import.meta.env.SSR by false: the page loads Japanese when needed.)
if (import.meta.env?.SSR !== false) await loadLang('ja');

function lookup(c: Catalog | undefined, key: string): string | undefined {
  let node: string | Catalog | undefined = c;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const fill = (text: string, params: MessageParams) =>
  text.replace(/\{\{(\w+)\}\}/g, (m, k: string) =>
    params[k] !== undefined ? String(params[k]) : m,
  );

/** The text of `key` in `lang`, placeholders filled. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const text = lookup(catalogs[lang], key) ?? lookup(catalogs.en, key);
  if (text === undefined) return key;
  return params ? fill(text, params) : text;
}

/** Whether `key` has a text (e.g. a parameter without a source has none). */
export function hasMessage(lang: Lang, key: string): boolean {
  return lookup(catalogs[lang], key) !== undefined;
}

/**
 * The language to start in when the link does not say: Japanese if the
 * browser prefers Japanese to English, else English.
 */
export function detectLocale(languages: readonly string[] | undefined | null): Lang {
  for (const l of languages ?? []) {
    const base = String(l).toLowerCase().split(/[-_]/)[0];
    if (base === 'ja') return 'ja';
    if (base === 'en') return 'en';
  }
  return 'en';
}

export interface ParamText {
  label: string;
  unit: string;
  help: string;
  source: string | null;
}

/** The texts of a parameter (by its path) in `lang`. */
export function paramText(lang: Lang, path: string): ParamText {
  const k = `param.${path}` as const;
  return {
    label: translate(lang, `${k}.label`),
    unit: hasMessage(lang, `${k}.unit`) ? translate(lang, `${k}.unit`) : '',
    help: translate(lang, `${k}.help`),
    source: hasMessage(lang, `${k}.source`) ? translate(lang, `${k}.source`) : null,
  };
}

/** A tier's name as the charts show it. */
export function tierName(lang: Lang, k: number, tiers: number): string {
  if (k === 0) return translate(lang, 'charts.tier0');
  return translate(lang, k === tiers - 1 ? 'charts.tierDeepest' : 'charts.tier', { k });
}

/** A policy event's label as the time axes show it: the presets' labels translated, others as given. */
export function eventLabel(lang: Lang, label: string): string {
  return lang === 'ja' ? (japanese?.events[label] ?? label) : label;
}

/** A unit as written in `lang` (the engine's units are English). */
export function unitName(lang: Lang, unit: string): string {
  return lang === 'ja' ? (japanese?.units[unit] ?? unit) : unit;
}
