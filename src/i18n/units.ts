/**
 * Levers whose values are shares (0.8 in the engine) are shown and typed as
 * percentages (80%): this table says which units are shares and how each is
 * written after the number, and the readers below turn what a person types
 * ("80", "80%", "80 %", full-width "８０％") into the engine's value.
 * Everything else is shown and typed as the engine has it.
 */
import { PARAM_BY_PATH } from '../engine/index.ts';
import type { Lang } from './index.ts';

/** Units written as a percentage, and what follows the number in each language. */
export const PERCENT_UNITS: Readonly<Record<string, { en: string; ja: string }>> = {
  share: { en: '%', ja: '%' },
  'share/year': { en: '%/year', ja: '%／年' },
  'share/quarter': { en: '%/quarter', ja: '%／四半期' },
  'share of profit': { en: '% of profit', ja: '%（利益比）' },
  'share of investment': { en: '% of investment', ja: '%（投資比）' },
  'share of links': { en: '% of links', ja: '%（取引関係）' },
  'share of links/year': { en: '% of links/year', ja: '%（取引関係）／年' },
  'share of output': { en: '% of output', ja: '%（生産量比）' },
  'share of cost': { en: '% of cost', ja: '%（原価比）' },
  'share of unit cost': { en: '% of unit cost', ja: '%（単位原価比）' },
  'share of price': { en: '% of price', ja: '%（価格比）' },
  'share of purchases': { en: '% of purchases', ja: '%（購入額比）' },
  'share of final price': { en: '% of final price', ja: '%（最終価格比）' },
  'share of cash flow': { en: '% of cash flow', ja: '%（キャッシュフロー比）' },
  'share of a shortfall': { en: '% of a shortfall', ja: '%（不足分比）' },
  'share of value added': { en: '% of value added', ja: '%（付加価値比）' },
  'share of collateral': { en: '% of collateral', ja: '%（担保比）' },
  'share of buyers': { en: '% of buyers', ja: '%（親事業者に占める割合）' },
  'share above the minimum': { en: '% above the minimum', ja: '%（最低賃金への上乗せ）' },
  'operating margin': { en: '% margin', ja: '%（営業利益率）' },
  probability: { en: '% probability', ja: '%（確率）' },
};

/** A shock's size (a relative change, 0.4 = +40%): typed in percent like a share. */
const SHOCK_SIZE = /^shocks\[\d+\]\.size$/;

/** Whether the lever at `path` is a share (or a shock's size), shown and typed in percent. */
export function isPercent(path: string): boolean {
  if (SHOCK_SIZE.test(path)) return true;
  const unit = PARAM_BY_PATH.get(path)?.unit ?? '';
  return Object.hasOwn(PERCENT_UNITS, unit);
}

/** The unit a lever's value is shown and typed in, in `lang`: "%/year" for a share, else `unit`. */
export function typedUnit(lang: Lang, path: string, unit: string): string {
  if (SHOCK_SIZE.test(path)) return '%';
  const spec = PARAM_BY_PATH.get(path);
  const pct = spec ? PERCENT_UNITS[spec.unit] : undefined;
  return pct ? pct[lang] : unit;
}

/** A number in its shortest form without float noise (14.000000000000002 → 14). */
function clean(x: number): number {
  return +x.toPrecision(12);
}

/** The value as a person reads and types it: 80 for a share of 0.8, else the value itself. */
export function toTyped(path: string, x: number): number {
  return isPercent(path) ? clean(x * 100) : x;
}

/** The engine's value of a typed number: 0.8 for 80 on a share, else the number itself. */
export function fromTyped(path: string, x: number): number {
  return isPercent(path) ? clean(x / 100) : x;
}

/**
 * Reads what a person typed in a lever's field: full-width digits and signs,
 * spaces, thousands separators ("1,200") and (on a share) a trailing % or
 * ％ are accepted.
 * Returns the number as typed (in percent for a share), or null if it is
 * not one.
 */
export function readTyped(path: string, raw: string): number | null {
  let s = raw
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013]/g, '-')
    .replace(/\s+/g, '');
  if (isPercent(path)) s = s.replace(/%$/, '');
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) s = s.replaceAll(',', '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const x = Number(s);
  return Number.isFinite(x) ? x : null;
}

/** A typed lever value's engine value, or null if the text is not a number. */
export function parseLeverText(path: string, raw: string): number | null {
  const x = readTyped(path, raw);
  return x === null ? null : fromTyped(path, x);
}

/** A number and its unit as written: "80%", "5%/year", "30 days" ("" unit: the number alone). */
export function withUnit(value: string, unit: string): string {
  if (!unit) return value;
  return unit.startsWith('%') ? `${value}${unit}` : `${value} ${unit}`;
}
