/**
 * Bands of many runs as Chart.js datasets: per tier, a median line and a
 * shaded p10–p90 band (the p90 line filled down to the p10 line just before
 * it), in light colours of each scenario (B − A: of each tier). Bands of
 * earlier inputs are drawn grey, without their median, and say so in their
 * labels. Pure, tested in Node.
 */
import type { Bands } from '../../engine/batch.ts';
import { tierName, translate, type Lang } from '../../i18n/index.ts';
import type { BandSet, Spread } from '../runs/bands.svelte.ts';
import { DASH_B, SCENARIO_COLOURS, tierColour } from '../theme.ts';
import type { LineSet, Mode, Point, SeriesView } from './data.ts';

/** The bands a chart draws, and whether they belong to the inputs shown. */
export interface ChartBands {
  set: BandSet;
  current: boolean;
}

/** A point of a band's upper line: p90 in `y`, p10 in `lo` (for the tooltip). */
export interface BandPoint extends Point {
  lo: number;
}

/** `#rrggbb` at opacity `alpha`. */
export function lighten(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

export const BAND_ALPHA = 0.16;
/** Bands of earlier inputs. */
export const EARLIER_COLOUR = 'rgba(110, 110, 110, 0.14)';

export function bandColour(owner: 'A' | 'B' | 'diff', tier: number): string {
  return lighten(owner === 'diff' ? tierColour(tier) : SCENARIO_COLOURS[owner], BAND_ALPHA);
}

function linePoints(start: number, values: Float64Array, scale: number): Point[] {
  return Array.from(values, (v, t) => ({ x: start + t / 4, y: v * scale }));
}

/** Median lines and p10–p90 bands of one scenario (or of B − A) for a series. */
function scenarioBands(
  owner: 'A' | 'B' | 'diff',
  bands: Bands,
  start: number,
  view: SeriesView,
  current: boolean,
  lang: Lang,
): { bands: LineSet[]; medians: LineSet[] } {
  const s = bands.series[view.key];
  const out: LineSet[] = [];
  const medians: LineSet[] = [];
  for (let k = 0; k < bands.tiers; k++) {
    const tier = tierName(lang, k, bands.tiers);
    const name =
      owner === 'diff'
        ? translate(lang, 'charts.diffLine', { tier })
        : translate(lang, 'charts.line', { scenario: owner, tier });
    const earlier = (text: string) =>
      current ? text : translate(lang, 'runs.earlierText', { text });
    const fillColour = current ? bandColour(owner, k) : EARLIER_COLOUR;
    const lo = linePoints(start, s.p10[k], view.scale);
    const hi: BandPoint[] = linePoints(start, s.p90[k], view.scale).map((p, t) => ({
      ...p,
      lo: lo[t].y,
    }));
    const common = {
      borderColor: 'transparent',
      borderDash: [] as number[],
      borderWidth: 0,
      scenario: owner,
      tier: k,
      order: 2,
      series: earlier(name),
    };
    out.push(
      {
        ...common,
        label: earlier(`${name}, p10`),
        data: lo,
        backgroundColor: fillColour,
        fill: false,
        role: 'p10',
      },
      {
        ...common,
        label: earlier(translate(lang, 'runs.bandLine', { name })),
        data: hi,
        backgroundColor: fillColour,
        fill: '-1',
        role: 'p90',
      },
    );
    if (current) {
      medians.push({
        label: translate(lang, 'runs.medianLine', { name }),
        data: linePoints(start, s.p50[k], view.scale),
        borderColor: tierColour(k),
        backgroundColor: tierColour(k),
        borderDash: owner === 'B' ? DASH_B : [],
        borderWidth: 2,
        scenario: owner,
        tier: k,
        role: 'median',
        series: name,
      });
    }
  }
  return { bands: out, medians };
}

/**
 * The band datasets of a line chart (bands first, drawn under the lines),
 * and the median lines that replace the single runs when the bands are current.
 * Null when there is nothing to draw for the mode (e.g. B − A of different tiers).
 */
export function bandLines(
  b: ChartBands,
  view: SeriesView,
  mode: Mode,
  lang: Lang,
): { bands: LineSet[]; medians: LineSet[] } | null {
  const { set, current } = b;
  if (mode === 'diff') {
    if (!set.diff) return null;
    return scenarioBands('diff', set.diff, set.a.simulation.startYear, view, current, lang);
  }
  const A = scenarioBands('A', set.A, set.a.simulation.startYear, view, current, lang);
  const B = scenarioBands('B', set.B, set.b.simulation.startYear, view, current, lang);
  return { bands: [...A.bands, ...B.bands], medians: [...A.medians, ...B.medians] };
}

/** The burden chart's medians and p10–p90 per bearer, for A, B or B − A (null if none). */
export function burdenSpreads(b: ChartBands, owner: 'A' | 'B' | 'diff'): Spread[] | null {
  return owner === 'diff' ? b.set.burden.diff : b.set.burden[owner];
}

/* ------------------------------------------------------------ tooltip */

/** What the line chart's tooltip reads of a dataset. */
export type TipLine = Pick<LineSet, 'label' | 'role' | 'scenario' | 'tier'> & {
  data: readonly Point[];
};

const sameLine = (x: TipLine, y: TipLine) => x.scenario === y.scenario && x.tier === y.tier;

/** The band (its p90 edge, which carries p10 in `lo`) of a median line, if the chart has it. */
export function bandOf<T extends TipLine>(median: TipLine, datasets: readonly T[]): T | undefined {
  return datasets.find((d) => d.role === 'p90' && sameLine(d, median));
}

/**
 * Whether the tooltip leaves `d` out, given the datasets of all its items: a
 * band's p10 edge always (the p90 edge tells the band), and a band whose
 * median line is in the tooltip too (the median's entry tells it). Bands of
 * earlier inputs have no median and keep their own entry.
 */
export function tooltipOmits(d: TipLine, shown: readonly TipLine[]): boolean {
  if (d.role === 'p10') return true;
  return d.role === 'p90' && shown.some((s) => s.role === 'median' && sameLine(s, d));
}

/**
 * The tooltip's entry for value `y` at point `i` of `d`: "label: y" for a
 * line; a median with its band, "label: y (p10–p90 lo – hi)"; a band alone,
 * "label: lo – hi".
 */
export function tooltipLabel(
  d: TipLine,
  i: number,
  y: number | null | undefined,
  datasets: readonly TipLine[],
): string {
  const f = (v: number | null | undefined) => (v ?? NaN).toFixed(2);
  if (d.role === 'p90')
    return `${d.label}: ${f((d.data[i] as BandPoint | undefined)?.lo)} – ${f(y)}`;
  const band =
    d.role === 'median' ? (bandOf(d, datasets)?.data[i] as BandPoint | undefined) : undefined;
  const range = band ? ` (p10–p90 ${f(band.lo)} – ${f(band.y)})` : '';
  return `${d.label}: ${f(y)}${range}`;
}
