/**
 * What each chart shows, in one place for the grid, the presenter view, the
 * embed view and the exports (PNG and CSV): its texts in the UI language, its
 * datasets, its legend and its data as CSV. Pure (no Chart.js, no DOM), tested
 * in Node.
 */
import type { SimResult } from '../../engine/index.ts';
import { chartCsv, lineChartCsv } from '../../export/csv.ts';
import { tierName, translate, type Lang } from '../../i18n/index.ts';
import type { ChartId } from '../../share/urlState.ts';
import { CONSUMER_COLOUR, tierColour } from '../theme.ts';
import { burden, tierLines, type LineSet, type Mode, type SeriesView } from './data.ts';

/** The line charts: which series each draws and in what scale. */
export const TIER_VIEWS: Readonly<Record<Exclude<ChartId, 'burden'>, SeriesView>> = {
  wage: { key: 'wage', scale: 0.01 },
  investment: { key: 'investmentRate', scale: 100 },
  vapw: { key: 'valueAddedPerWorker', scale: 0.01 },
  laborshare: { key: 'laborShare', scale: 100 },
};

export interface BarSet {
  label: string;
  data: number[];
  backgroundColor: string[] | string;
  borderColor?: string[];
  borderWidth: number;
  scenario: 'A' | 'B' | 'diff';
}

/** One entry of a chart's legend: a line (solid or dashed) or a box (filled or outlined). */
export interface LegendEntry {
  text: string;
  colour: string;
  shape: 'line' | 'dashed' | 'filled' | 'outlined';
}

interface Common {
  id: ChartId;
  title: string;
  note: string;
  /** Unit of the values (after scaling). */
  unit: string;
  /** Title of the value axis (the unit, or "B − A (unit)"). */
  yTitle: string;
  xTitle: string;
  legend: LegendEntry[];
  /** The values in words, for screen readers. */
  summary: string;
}

export interface LineContent extends Common {
  kind: 'line';
  datasets: LineSet[];
  /** Whole years at both ends (undefined when there is no data). */
  xMin: number | undefined;
  xMax: number | undefined;
}

export interface BarContent extends Common {
  kind: 'bar';
  /** Bearers: each tier, then consumers (short names on the axis). */
  labels: string[];
  /** Full bearer names (for the CSV). */
  bearers: string[];
  datasets: BarSet[];
}

export type ChartContent = LineContent | BarContent;

const DARK = '#333333';

function periodRange(r: SimResult | null): string {
  return r ? `${r.periods[0].slice(0, 4)}–${r.periods[r.periods.length - 1].slice(0, 4)}` : '';
}

function tierLegend(lang: Lang, tiers: number, mode: Mode): LegendEntry[] {
  const out: LegendEntry[] = [];
  if (mode === 'both') {
    out.push(
      { text: 'A', colour: DARK, shape: 'line' },
      { text: 'B', colour: DARK, shape: 'dashed' },
    );
  }
  for (let k = 0; k < tiers; k++) {
    out.push({ text: tierName(lang, k, tiers), colour: tierColour(k), shape: 'line' });
  }
  return out;
}

function lineContent(
  id: Exclude<ChartId, 'burden'>,
  a: SimResult | null,
  b: SimResult | null,
  mode: Mode,
  lang: Lang,
): LineContent {
  const t = (key: `charts.${string}`, p?: Record<string, string | number>) =>
    translate(lang, key as never, p);
  const view = TIER_VIEWS[id];
  const title = t(`charts.${id}.title`);
  const unit = t(`charts.${id}.unit`);
  const datasets = tierLines(a, b, view, mode, lang);
  const tiers =
    mode === 'diff'
      ? Math.min(a?.tiers ?? 0, b?.tiers ?? 0)
      : Math.max(a?.tiers ?? 0, b?.tiers ?? 0);
  let xMin: number | undefined;
  let xMax: number | undefined;
  if (datasets.length > 0) {
    xMin = Math.floor(Math.min(...datasets.map((d) => d.data[0]?.x ?? Infinity)));
    xMax = Math.ceil(Math.max(...datasets.map((d) => d.data.at(-1)?.x ?? -Infinity)) + 0.25);
  }
  const parts: string[] = [];
  for (const [name, r] of [
    ['A', a],
    ['B', b],
  ] as const) {
    if (!r) continue;
    const values = r.series[view.key]
      .map((s, k) => `${tierName(lang, k, r.tiers)} ${(s[s.length - 1] * view.scale).toFixed(2)}`)
      .join(', ');
    parts.push(t('charts.summaryAt', { name, period: r.periods[r.periods.length - 1], values }));
  }
  return {
    kind: 'line',
    id,
    title,
    note: t(`charts.${id}.note`),
    unit,
    yTitle: mode === 'diff' ? t('charts.diffAxis', { unit }) : unit,
    xTitle: t('charts.year'),
    legend: tierLegend(lang, tiers, mode),
    summary: t('charts.summary', { title, unit, parts: parts.join('. ') }),
    datasets,
    xMin,
    xMax,
  };
}

function barContent(a: SimResult | null, b: SimResult | null, mode: Mode, lang: Lang): BarContent {
  const data = burden(a, b, lang);
  const unit = translate(lang, 'charts.burden.unit', { period: periodRange(a ?? b) });
  const colours = data.labels.map((_, i) =>
    i === data.labels.length - 1 ? CONSUMER_COLOUR : tierColour(i),
  );
  const datasets: BarSet[] = [];
  const legend: LegendEntry[] = [];
  if (mode === 'diff') {
    if (data.a && data.b) {
      const bb = data.b;
      const d = data.a.map((x, i) => bb[i] - x);
      datasets.push({
        label: 'B − A',
        data: d,
        backgroundColor: colours,
        borderWidth: 0,
        scenario: 'diff',
      });
      legend.push({ text: 'B − A', colour: DARK, shape: 'filled' });
    }
  } else {
    if (data.a) {
      datasets.push({
        label: 'A',
        data: data.a,
        backgroundColor: colours,
        borderWidth: 0,
        scenario: 'A',
      });
      legend.push({ text: 'A', colour: DARK, shape: 'filled' });
    }
    if (data.b) {
      datasets.push({
        label: 'B',
        data: data.b,
        backgroundColor: '#ffffff',
        borderColor: colours,
        borderWidth: 2,
        scenario: 'B',
      });
      legend.push({ text: 'B', colour: DARK, shape: 'outlined' });
    }
  }
  const parts = data.labels
    .map((l, i) => `${l}: A ${data.a?.[i]?.toFixed(1) ?? '–'}, B ${data.b?.[i]?.toFixed(1) ?? '–'}`)
    .join('; ');
  return {
    kind: 'bar',
    id: 'burden',
    title: translate(lang, 'charts.burden.title'),
    note: translate(lang, 'charts.burden.note'),
    unit,
    yTitle: mode === 'diff' ? translate(lang, 'charts.diffAxis', { unit }) : unit,
    xTitle: translate(lang, 'charts.bearer'),
    legend,
    summary: translate(lang, 'charts.burden.summary', { unit, parts }),
    labels: data.labels.map((l) => l.replace(/ \(.*\)$|（.*）$/, '')),
    bearers: data.labels,
    datasets,
  };
}

/** Everything one chart shows, for results `a` and `b` (either may be missing). */
export function chartContent(
  id: ChartId,
  a: SimResult | null,
  b: SimResult | null,
  mode: Mode,
  lang: Lang,
): ChartContent {
  return id === 'burden' ? barContent(a, b, mode, lang) : lineContent(id, a, b, mode, lang);
}

/** The chart's data as CSV: one column per series, units in the header. */
export function contentCsv(c: ChartContent, lang: Lang): string {
  if (c.kind === 'line') return lineChartCsv(c.datasets, c.unit, translate(lang, 'charts.period'));
  return chartCsv({
    indexHeader: translate(lang, 'charts.bearer'),
    index: c.bearers,
    series: c.datasets.map((d) => ({ name: d.label, unit: c.unit, values: d.data })),
  });
}
