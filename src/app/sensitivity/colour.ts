/**
 * The heat map's colour scale: viridis, sequential and perceptually even,
 * readable with the common colour-vision deficiencies and in greyscale
 * (dark purple for the lowest values, yellow for the highest). Pure.
 */

/** Viridis at 9 evenly spaced stops (matplotlib's values). */
export const VIRIDIS: readonly string[] = [
  '#440154',
  '#472d7b',
  '#3b528b',
  '#2c728e',
  '#21918c',
  '#28ae80',
  '#5ec962',
  '#addc30',
  '#fde725',
];

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const hex = (c: number[]) =>
  `#${c.map((x) => Math.round(x).toString(16).padStart(2, '0')).join('')}`;

/** The colour of position t (0 = low end, 1 = high end) on the scale; t is clamped. */
export function viridis(t: number): string {
  const u = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const x = u * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const a = rgb(VIRIDIS[i]);
  const b = rgb(VIRIDIS[i + 1]);
  return hex(a.map((v, k) => v + (b[k] - v) * f));
}

/** Grey for cells without a value (e.g. no run where the indicator is defined). */
export const MISSING_COLOUR = '#d9d9d9';

export interface ColourScale {
  min: number;
  max: number;
  /** The cell colour of a value (grey if it is not a number). */
  colour: (v: number) => string;
  /** Where a value sits on the scale, 0 to 1. */
  position: (v: number) => number;
}

/** A scale over the finite values of `values` (a flat one in the middle if they are all equal). */
export function colourScale(values: readonly number[]): ColourScale {
  const finite = values.filter((v) => Number.isFinite(v));
  const min = finite.length ? Math.min(...finite) : 0;
  const max = finite.length ? Math.max(...finite) : 0;
  const span = max - min;
  const position = (v: number) => (span > 0 ? (v - min) / span : 0.5);
  return {
    min,
    max,
    position,
    colour: (v) => (Number.isFinite(v) ? viridis(position(v)) : MISSING_COLOUR),
  };
}

/** Relative luminance (WCAG 2) of a #rrggbb colour. */
export function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white text on `background`, whichever contrasts more. */
export function textOn(background: string): '#000000' | '#ffffff' {
  const l = luminance(background);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}
