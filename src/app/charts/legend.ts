/**
 * The legend of the charts over time, written once: its entries (texts,
 * colours, solid or dashed lines, boxes) for each chart's own legend, which
 * Chart.js draws (presenter view, full screen, embed view, exported images),
 * and for the grid's key above the charts (HTML: LegendKey.svelte). Pure,
 * tested in Node.
 */
import { tierName, translate, type Lang } from '../../i18n/index.ts';
import { SCENARIO_COLOURS, tierColour } from '../theme.ts';
import { BAND_ALPHA, EARLIER_COLOUR, lighten } from './bandData.ts';
import type { Mode } from './data.ts';
import { START_ALPHA, startName, startOwners, type ChartStarts } from './starts.ts';

/** One entry of a chart's legend: a line (solid or dashed) or a box (filled or outlined). */
export interface LegendEntry {
  text: string;
  colour: string;
  shape: 'line' | 'dashed' | 'filled' | 'outlined';
  /** A thin line (a start line or mark). */
  thin?: boolean;
  /** The start (of A, of B, or B − A of the starts) whose line or mark the entry names. */
  start?: 'A' | 'B' | 'diff';
}

/** Lines, marks and boxes of no colour of their own (A's and B's lines, bars' keys). */
export const DARK = '#333333';

/** Legend entries of the starts drawn: faint lines (A solid, B dashed) or dashed marks. */
export function startLegend(
  lang: Lang,
  starts: ChartStarts | null,
  owners: ('A' | 'B' | 'diff')[],
  marks: boolean,
  medians: boolean,
): LegendEntry[] {
  if (!starts) return [];
  return owners.map((o) => ({
    text: startName(lang, starts, o, medians),
    colour: marks ? DARK : lighten(DARK, START_ALPHA + 0.15),
    shape: marks || o === 'B' ? ('dashed' as const) : ('line' as const),
    thin: true,
    start: o,
  }));
}

export interface LineLegendInput {
  /** The tiers named (each in its colour). */
  tiers: number;
  mode: Mode;
  /**
   * Bands of many runs drawn: of the inputs shown (true: the lines are their
   * medians), of earlier inputs (false), or none (null).
   */
  bands: boolean | null;
  /** The starts of modified scenarios (the chart draws those it has). */
  starts: ChartStarts | null;
  /** The names of A's and B's lines where nothing else names them (the key); else "A" and "B". */
  names?: readonly string[] | null;
  /**
   * The grid's key: one key for all the grid's charts, bar charts too. So
   * its tiers are boxes (their colours fill bars as well), its starts follow
   * the lines they start, and in the difference view its note (that lines
   * and bars show B − A) stands for the medians' line.
   */
  key?: boolean;
}

/**
 * The legend of a chart over time: A's line and B's dashed line (or, for
 * B − A, the medians' line), the bands of many runs, the tiers' colours and
 * the starts of modified scenarios.
 */
export function lineLegend(lang: Lang, input: LineLegendInput): LegendEntry[] {
  const { tiers, mode, bands, starts, names = null, key = false } = input;
  const medians = bands === true;
  const lines: LegendEntry[] =
    mode === 'both'
      ? (['A', 'B'] as const).map((s, i) => ({
          text: medians ? translate(lang, 'runs.legendMedian', { scenario: s }) : (names?.[i] ?? s),
          colour: DARK,
          shape: s === 'B' ? 'dashed' : 'line',
        }))
      : [];
  // The key's B − A start does not say that it is one run beside medians (as its A's and B's
  // starts and the charts' legends do): kept as it was shown.
  const startEntries = startLegend(
    lang,
    starts,
    startOwners(starts, mode),
    false,
    medians && !(key && mode === 'diff'),
  );
  const bandEntries = bandLegend(lang, mode, bands, key);
  const tierEntries = Array.from({ length: tiers }, (_, k) => ({
    text: tierName(lang, k, tiers),
    colour: tierColour(k),
    shape: key ? ('filled' as const) : ('line' as const),
  }));
  return key
    ? [...lines, ...startEntries, ...bandEntries, ...tierEntries]
    : [...lines, ...bandEntries, ...tierEntries, ...startEntries];
}

/** Legend entries of the bands (and of the medians' line of B − A when the bands are current). */
function bandLegend(lang: Lang, mode: Mode, bands: boolean | null, key: boolean): LegendEntry[] {
  if (bands === null) return [];
  if (!bands) {
    return [
      { text: translate(lang, 'runs.legendEarlier'), colour: EARLIER_COLOUR, shape: 'filled' },
    ];
  }
  if (mode === 'diff') {
    const band: LegendEntry = {
      text: translate(lang, 'runs.legendDiffBand'),
      // The key's is a lighter grey than the charts' legends': kept as it was shown.
      colour: key ? '#dddddd' : lighten(DARK, BAND_ALPHA + 0.1),
      shape: 'filled',
    };
    if (key) return [band];
    return [{ text: translate(lang, 'runs.legendDiffMedian'), colour: DARK, shape: 'line' }, band];
  }
  return (['A', 'B'] as const).map((scenario) => ({
    text: translate(lang, 'runs.legendBand', { scenario }),
    colour: lighten(SCENARIO_COLOURS[scenario], BAND_ALPHA + 0.1),
    shape: 'filled' as const,
  }));
}
