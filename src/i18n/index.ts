/**
 * Translation with i18next: one instance holding both catalogs, initialised
 * synchronously (the catalogs are bundled), so `translate` works at once in
 * the page, a worker or Node. `{{name}}` placeholders; values are not
 * HTML-escaped (Svelte escapes what it renders).
 */
import i18next from 'i18next';
import { LANGS, type Lang } from './langs.ts';
import { CATALOGS } from './catalog.ts';
import { EVENT_LABEL_JA } from './engine.ja.ts';
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

export const i18n = i18next.createInstance();
void i18n.init({
  resources: {
    en: { translation: CATALOGS.en },
    ja: { translation: CATALOGS.ja },
  },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGS],
  initAsync: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

const fixed = { en: i18n.getFixedT('en'), ja: i18n.getFixedT('ja') };

/** The text of `key` in `lang`, placeholders filled. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  return fixed[lang](key, params ?? {});
}

/** Whether `key` has a text (e.g. a parameter without a source has none). */
export function hasMessage(lang: Lang, key: string): boolean {
  return i18n.exists(key, { lng: lang, fallbackLng: false });
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
  return lang === 'ja' ? (EVENT_LABEL_JA[label] ?? label) : label;
}
