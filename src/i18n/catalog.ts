/**
 * The message catalogs as nested objects. The English texts of parameters,
 * series, presets and link messages come from the engine's and the link
 * reader's own tables (one source, no drift); the Japanese ones from
 * engine.ja.ts. This module builds the English catalog; the Japanese one
 * (catalog.ja.ts) loads when it is first needed, so that the first download
 * does not carry it. A text missing in Japanese falls back to English and is
 * listed in MISSING_JA (a unit test requires it to be empty).
 */
import { ECONOMY, PARAMS, PRESETS, SERIES } from '../engine/index.ts';
import { KEY_INDICATORS } from '../engine/indicators.ts';
import { ISSUE_TEXT } from './issues.ts';
import { uiEn } from './ui.en.ts';

export type Catalog = { [key: string]: string | Catalog };

/** The Japanese tables of engine.ja.ts that a catalog is built from. */
export interface JaTables {
  ui: unknown;
  PARAM_JA: Record<string, { label?: string; help?: string; source?: string } | undefined>;
  UNIT_JA: Record<string, string>;
  SERIES_JA: Record<string, string>;
  ECONOMY_JA: Record<string, string>;
  PRESET_JA: Record<string, { title: string; description: string } | undefined>;
  ISSUE_JA: Record<string, string>;
}

function setIn(root: Catalog, path: string, value: string): void {
  const parts = path.split('.');
  let node = root;
  for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Catalog;
  node[parts[parts.length - 1]] = value;
}

/**
 * The catalog of English (`t` null) or Japanese (`t` the Japanese tables);
 * the keys of Japanese texts that are missing (English used instead) are
 * added to `missing`.
 */
export function buildCatalog(t: JaTables | null, missing: string[] = []): Catalog {
  const isJa = t !== null;
  const { PARAM_JA, UNIT_JA, SERIES_JA, ECONOMY_JA, PRESET_JA, ISSUE_JA } = t ?? EMPTY;
  const ja = (key: string, text: string | undefined, english: string): string => {
    if (text === undefined || text === '') {
      missing.push(key);
      return english;
    }
    return text;
  };
  const unitJa = (key: string, unit: string) => ja(key, UNIT_JA[unit], unit);
  const root = structuredClone(isJa ? t.ui : uiEn) as unknown as Catalog;
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

const EMPTY: Omit<JaTables, 'ui'> = {
  PARAM_JA: {},
  UNIT_JA: {},
  SERIES_JA: {},
  ECONOMY_JA: {},
  PRESET_JA: {},
  ISSUE_JA: {},
};

/** The English catalog. */
export const EN_CATALOG = buildCatalog(null);

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
