/** Number formatting for indicators, tooltips and fields; `lang` picks the words and units. */
import { translate, type Lang } from '../i18n/index.ts';

export function pct(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x)
    ? '–'
    : `${(x * 100).toFixed(digits)}%`;
}

/** Percentage points, signed: for differences of shares. */
export function pp(x: number | null | undefined, digits = 1, lang: Lang = 'en'): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const v = (x * 100).toFixed(digits);
  return translate(lang, 'indicators.pp', { value: `${x > 0 ? '+' : ''}${v}` });
}

/**
 * An amount of money given in ¥bn, as readers of `lang` count it: ¥602bn in
 * English, 6,018億円 in Japanese (億 = ¥0.1bn). `signed` puts + or - first.
 */
export function money(
  bn: number | null | undefined,
  lang: Lang = 'en',
  { digits = 0, signed = false }: { digits?: number; signed?: boolean } = {},
): string {
  if (bn === null || bn === undefined || !Number.isFinite(bn)) return '–';
  const n = bn * moneyScale(lang);
  const value = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(signed ? Math.abs(n) : n);
  const sign = signed && Number(value.replace(/[^\d.]/g, '')) !== 0 ? (n > 0 ? '+' : '-') : '';
  return sign + translate(lang, 'indicators.bn', { value });
}

/**
 * The one money convention: amounts given in ¥bn, counted in ¥bn in
 * English and in 億円 (¥0.1bn) in Japanese — in the table, the indicators,
 * the charts' axes and tooltips and the CSV alike. The factor from ¥bn.
 */
export function moneyScale(lang: Lang): number {
  return lang === 'ja' ? 10 : 1;
}

/** An engine period ("2034Q4") as `lang` writes a quarter. */
export function period(p: string, lang: Lang = 'en'): string {
  const m = /^(\d{4})Q([1-4])$/.exec(p);
  return m ? translate(lang, 'charts.quarter', { year: m[1], q: m[2] }) : p;
}

export function fixed(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits);
}

export function signed(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return `${x > 0 ? '+' : ''}${x.toFixed(digits)}`;
}

/** A field's text for a parameter value: short, exact for the step used. */
export function fieldText(x: unknown): string {
  if (typeof x !== 'number') return String(x);
  return Number.isInteger(x) ? String(x) : String(+x.toPrecision(8));
}

/** The slider step for `value`: the parameter's own, or a finer decimal one if `value` is off its grid. */
export function sliderStep(p: { min: number; step: number }, value: number): number {
  const onGrid = (s: number) => {
    const k = (value - p.min) / s;
    return Math.abs(k - Math.round(k)) < 1e-6;
  };
  if (!Number.isFinite(value) || onGrid(p.step)) return p.step;
  for (let s = 10 ** Math.floor(Math.log10(p.step)); s >= 1e-9; s /= 10) if (onGrid(s)) return s;
  return p.step;
}

/** Sentences one after the other: a space between them in English, none in Japanese (after 。). */
export function sentences(...parts: string[]): string {
  return parts.reduce(
    (all, p) => (all === '' ? p : /[。！？]$/.test(all) ? all + p : `${all} ${p}`),
    '',
  );
}
