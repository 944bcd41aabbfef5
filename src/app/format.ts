/** Number formatting for indicators, tooltips and fields. */

export function pct(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x)
    ? '–'
    : `${(x * 100).toFixed(digits)}%`;
}

/** Percentage points, signed: for differences of shares. */
export function pp(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const v = (x * 100).toFixed(digits);
  return `${x > 0 ? '+' : ''}${v} pp`;
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
