/**
 * How the sensitivity view writes numbers: a lever's value with its unit
 * ("5%/year", "2 buyers"), an indicator's value in the unit its readers use
 * (percent for shares, ¥bn or 億円 for money) and the labels of levers and
 * indicators in the reader's language. Pure, tested in Node.
 */
import { INDICATOR_BY_ID, type Indicator } from '../../engine/batch.ts';
import { PARAM_BY_PATH } from '../../engine/index.ts';
import { translate, unitName, type Lang, type MessageKey } from '../../i18n/index.ts';
import { PERCENT_UNITS } from '../../i18n/units.ts';

/** Units written as a percentage (shared with the levers' fields). */
const PERCENT = PERCENT_UNITS;

/** Units that read better as a bare number. */
const PLAIN = new Set(['', '0-1', 'elasticity', 'multiplier', 'ratio']);

/** A number with at most `digits` decimals, trailing zeros dropped ("5", "1.5", "-0.25"). */
export function trimmed(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return '–';
  const s = x.toFixed(digits);
  const t = s.includes('.') ? s.replace(/\.?0+$/, '') : s;
  return t === '-0' ? '0' : t;
}

/** A lever's (or any parameter's) value with its unit, in `lang`: "5%/year", "2 buyers", "0.5". */
export function paramValue(lang: Lang, path: string, x: number): string {
  const unit = PARAM_BY_PATH.get(path)?.unit ?? '';
  const pct = PERCENT[unit];
  if (pct) return `${trimmed(x * 100, 2)}${pct[lang]}`;
  const n = trimmed(x, 4);
  if (PLAIN.has(unit)) return n;
  if (lang === 'ja') return `${n}${unitName(lang, unit)}`;
  return `${n} ${unit}`;
}

/** A value without its unit's words: "5%" for shares, "2" otherwise (the axis names the unit). */
export function paramShort(path: string, x: number): string {
  const unit = PARAM_BY_PATH.get(path)?.unit ?? '';
  return PERCENT[unit] ? `${trimmed(x * 100, 2)}%` : trimmed(x, 4);
}

/** The unit a parameter's values are shown in: "%/year", "buyers"; '' for bare numbers. */
export function paramUnit(lang: Lang, path: string): string {
  const unit = PARAM_BY_PATH.get(path)?.unit ?? '';
  const pct = PERCENT[unit];
  if (pct) return pct[lang];
  if (PLAIN.has(unit)) return '';
  return unitName(lang, unit);
}

/** A range with the unit once, at the end: "0 → 5%/year", "1 → 4 buyers", "0 → 0.5". */
export function paramRange(lang: Lang, path: string, low: number, high: number): string {
  const unit = PARAM_BY_PATH.get(path)?.unit ?? '';
  const pct = !!PERCENT[unit];
  const n = (x: number) => (pct ? trimmed(x * 100, 2) : trimmed(x, 4));
  const u = paramUnit(lang, path);
  const space = !pct && u !== '' && lang === 'en' ? ' ' : '';
  return `${n(low)} → ${n(high)}${space}${u}`;
}

/** A parameter's label with its unit: "Cost-down demand (%/year)". */
export function paramTitle(lang: Lang, path: string): string {
  const u = paramUnit(lang, path);
  const label = paramLabel(lang, path);
  return u ? translate(lang, 'sens.withUnit', { label, unit: u }) : label;
}

/** A parameter's label in `lang`. */
export function paramLabel(lang: Lang, path: string): string {
  return translate(lang, `param.${path}.label`);
}

/** How an indicator is shown: factor from the engine's unit, the unit's name and the decimals. */
export interface IndicatorDisplay {
  kind: 'pct' | 'ratio' | 'money' | 'other';
  scale: number;
  unit: string;
  digits: number;
}

export function indicatorDisplay(lang: Lang, id: string): IndicatorDisplay {
  const ind = INDICATOR_BY_ID.get(id);
  const unit = ind?.unit ?? '';
  const t = (key: MessageKey) => translate(lang, key);
  switch (unit) {
    case 'share/year':
      return { kind: 'pct', scale: 100, unit: t('sens.unit.pctYear'), digits: 2 };
    case 'share':
      return { kind: 'pct', scale: 100, unit: t('sens.unit.pct'), digits: 1 };
    case 'ratio':
      return { kind: 'ratio', scale: 1, unit: t('sens.unit.ratio'), digits: 2 };
    case '¥m/year':
      // ¥bn in English, 億円 (¥0.1bn) in Japanese.
      return lang === 'ja'
        ? { kind: 'money', scale: 0.01, unit: t('sens.unit.money'), digits: 0 }
        : { kind: 'money', scale: 0.001, unit: t('sens.unit.money'), digits: 1 };
    default:
      return { kind: 'other', scale: 1, unit, digits: 3 };
  }
}

/** An indicator's label in `lang`. */
export function indicatorLabel(lang: Lang, id: string): string {
  return translate(lang, `sens.indicator.${id}` as MessageKey);
}

/** An indicator's label with its unit: "Wage growth, deepest tier (%/year)". */
export function indicatorTitle(lang: Lang, id: string): string {
  const d = indicatorDisplay(lang, id);
  return translate(lang, 'sens.withUnit', { label: indicatorLabel(lang, id), unit: d.unit });
}

/** An engine value of the indicator in display units (NaN stays NaN). */
export function toDisplay(lang: Lang, id: string, x: number | null | undefined): number {
  if (x === null || x === undefined || !Number.isFinite(x)) return NaN;
  return x * indicatorDisplay(lang, id).scale;
}

/** A number in display units as text, `digits` decimals, grouped in thousands, no "-0". */
export function displayNumber(lang: Lang, v: number, digits: number): string {
  if (!Number.isFinite(v)) return '–';
  const s = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(v);
  return /^-[0.,]+$/.test(s) ? s.slice(1) : s;
}

/** A value already in display units, with its unit: "1.05%/year", "¥602.3bn/year", "2.10×". */
export function displayValue(lang: Lang, id: string, v: number, digits?: number): string {
  const d = indicatorDisplay(lang, id);
  if (!Number.isFinite(v)) return '–';
  const value = displayNumber(lang, v, digits ?? d.digits);
  if (d.kind === 'money') return translate(lang, 'sens.fmt.money', { value });
  if (d.kind === 'ratio') return translate(lang, 'sens.fmt.ratio', { value });
  return `${value}${d.unit}`;
}

/** An engine value of the indicator as text with its unit; "–" if undefined. */
export function indicatorValue(lang: Lang, id: string, x: number | null | undefined): string {
  return displayValue(lang, id, toDisplay(lang, id, x));
}

/** The engine's unit of an indicator, in `lang` (for CSV headers). */
export function engineUnit(lang: Lang, unit: string): string {
  return unitName(lang, unit);
}

export type { Indicator };
