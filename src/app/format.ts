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
