/**
 * The message catalogs, English and Japanese, as i18next resources. The
 * English texts of parameters, series, presets and link messages come from
 * the engine's and the link reader's own tables (one source, no drift); the
 * Japanese ones from engine.ja.ts. A text missing in Japanese falls back to
 * English and is listed in MISSING_JA (a unit test requires it to be empty).
 */
import { ECONOMY, PARAMS, PRESETS, SERIES } from '../engine/index.ts';
import { KEY_INDICATORS } from '../engine/indicators.ts';
import { ISSUE_TEXT } from './issues.ts';
import { ECONOMY_JA, ISSUE_JA, PARAM_JA, PRESET_JA, SERIES_JA, UNIT_JA } from './engine.ja.ts';
import { uiEn } from './ui.en.ts';
import { uiJa } from './ui.ja.ts';

export type Catalog = { [key: string]: string | Catalog };

/** Keys of Japanese texts that are missing (English used instead). */
export const MISSING_JA: string[] = [];

function ja(key: string, text: string | undefined, english: string): string {
  if (text === undefined || text === '') {
    MISSING_JA.push(key);
    return english;
  }
  return text;
}

const unitJa = (key: string, unit: string) => ja(key, UNIT_JA[unit], unit);

function setIn(root: Catalog, path: string, value: string): void {
  const parts = path.split('.');
  let node = root;
  for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Catalog;
  node[parts[parts.length - 1]] = value;
}

function build(lang: 'en' | 'ja'): Catalog {
  const isJa = lang === 'ja';
  const root = structuredClone(isJa ? uiJa : uiEn) as unknown as Catalog;
  const put = (key: string, english: string, japanese: string | undefined) =>
    setIn(root, key, isJa ? ja(key, japanese, english) : english);
  const putUnit = (key: string, unit: string) => {
    if (unit) setIn(root, key, isJa ? unitJa(key, unit) : unit);
  };

  for (const p of PARAMS) {
    const t = PARAM_JA[p.path];
    put(`param.${p.path}.label`, p.label, t?.label);
    put(`param.${p.path}.help`, p.help, t?.help);
    if (p.source) put(`param.${p.path}.source`, p.source, t?.source);
    putUnit(`param.${p.path}.unit`, p.unit);
  }
  for (const [k, s] of Object.entries(SERIES)) {
    put(`series.${k}.label`, s.label, SERIES_JA[k]);
    putUnit(`series.${k}.unit`, s.unit);
  }
  for (const [k, s] of Object.entries(ECONOMY)) {
    put(`economy.${k}.label`, s.label, ECONOMY_JA[k]);
    putUnit(`economy.${k}.unit`, s.unit);
  }
  for (const p of PRESETS) {
    put(`preset.${p.name}.title`, p.title, PRESET_JA[p.name]?.title);
    put(`preset.${p.name}.description`, p.description, PRESET_JA[p.name]?.description);
  }
  for (const ind of KEY_INDICATORS) putUnit(`indicator.${ind.id}.unit`, ind.unit);
  for (const [code, text] of Object.entries(ISSUE_TEXT)) {
    put(`share.issue.${code}`, text, ISSUE_JA[code]);
  }
  return root;
}

export const CATALOGS = { en: build('en'), ja: build('ja') } as const;

/** Every key of a catalog with its text, as "a.b.c" → text. */
export function flatten(c: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(c)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}
