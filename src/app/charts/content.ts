/**
 * What each chart shows, in one place for the grid, the presenter view, the
 * embed view and the exports (PNG and CSV): its texts in the UI language, its
 * datasets, its legend and its data as CSV. Pure (no Chart.js, no DOM), tested
 * in Node.
 */
import type { SimResult } from '../../engine/index.ts';
import { chartCsv, lineChartCsv } from '../../export/csv.ts';
import { eventLabel, tierName, translate, type Lang } from '../../i18n/index.ts';
import type { ChartId } from '../../share/urlState.ts';
import { moneyScale } from '../format.ts';
import { CONSUMER_COLOUR, OUTCOME_COLOURS, tierColour } from '../theme.ts';
import { EARLIER_COLOUR, bandLines, burdenSpreads, type ChartBands } from './bandData.ts';
import {
  OUTCOMES,
  burden,
  settledShares,
  tierLines,
  type LineSet,
  type Mode,
  type Outcome,
  type SeriesView,
} from './data.ts';
import { DARK, lineLegend, startLegend, type LegendEntry } from './legend.ts';
import { startLines, startName, startOwners, type ChartStarts } from './starts.ts';

/** The charts over time (the others are bar charts). */
export type LineChartId = Exclude<ChartId, 'burden' | 'settled'>;

/** The line charts: which series each draws and in what scale. */
export const TIER_VIEWS: Readonly<Record<LineChartId, SeriesView>> = {
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
  /** Bars of many runs: `data` holds medians and each bar has its p10–p90 range. */
  whiskers?: [low: number, high: number][];
  /** Each bar's value at the scenario's start (a modified scenario), marked by a dashed line. */
  starts?: number[];
  /** The start's name ("A: Large-firm-led model (start)"), for the CSV. */
  startLabel?: string;
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
  /** Bands drawn: of the inputs shown ('current'), of earlier inputs ('earlier'), or none. */
  bands: 'current' | 'earlier' | null;
  /** The starts drawn (faint lines or marks): of A, of B, of B − A. */
  starts: ('A' | 'B' | 'diff')[];
}

/** A labelled policy event of a scenario's timeline, marked on time axes. */
export interface AxisEvent {
  /** Calendar time (years, quarter resolution) when it takes effect. */
  x: number;
  /** Its label in the chart's language. */
  label: string;
}

export interface LineContent extends Common {
  kind: 'line';
  datasets: LineSet[];
  /** Whole years at both ends (undefined when there is no data). */
  xMin: number | undefined;
  xMax: number | undefined;
  /** Labelled policy events of A and B (each label and quarter once), in time order. */
  events: AxisEvent[];
}

/** One outcome of the settled chart: its share in every bar. */
export interface StackSet {
  label: string;
  outcome: Outcome;
  data: number[];
  backgroundColor: string;
  borderColor: string;
  borderWidth: number;
  /** Each bar's top of this outcome (stacked) or value (B − A) at the start, where a start is drawn. */
  starts?: number[];
  /** Each bar's share of this outcome at the start (NaN: no start), for the CSV. */
  startShares?: number[];
}

/**
 * Stacked bars of shares: one bar per supplier tier and scenario (A and B
 * side by side), each split by outcome; for B − A, grouped bars of the
 * differences in percentage points.
 */
export interface StackedContent extends Common {
  kind: 'stacked';
  /** Axis labels of the bars (two lines: scenario, tier; or the tier alone for B − A). */
  labels: (string | string[])[];
  /** Names of the bars for the CSV, e.g. "A: Tier 1". */
  categories: string[];
  /** Which scenario each bar belongs to. */
  owners: ('A' | 'B' | 'diff')[];
  datasets: StackSet[];
  stacked: boolean;
}

export interface BarContent extends Common {
  kind: 'bar';
  /** Bearers: each tier, then consumers (short names on the axis). */
  labels: string[];
  /** Full bearer names (for the CSV). */
  bearers: string[];
  datasets: BarSet[];
}

export type ChartContent = LineContent | BarContent | StackedContent;

function periodRange(r: SimResult | null): string {
  return r ? `${r.periods[0].slice(0, 4)}–${r.periods[r.periods.length - 1].slice(0, 4)}` : '';
}

/** The reported period of A and B: once when they share it, else each ("A 2026–2045, B 2022–2041"). */
function periodsOf(a: SimResult | null, b: SimResult | null): string {
  const pa = periodRange(a);
  const pb = periodRange(b);
  if (!pa || !pb || pa === pb) return pa || pb;
  return `A ${pa}, B ${pb}`;
}

/**
 * The labelled policy events of A and B on the time axis: each scenario's
 * own, at its start year plus the event's start rounded to the quarter; the
 * same label at the same quarter once; labels in `lang` (the presets' known
 * labels translated, others as given).
 */
export function axisEvents(
  a: SimResult | null,
  b: SimResult | null,
  lang: Lang,
  mode: Mode = 'both',
): AxisEvent[] {
  const seen = new Set<string>();
  const out: AxisEvent[] = [];
  for (const r of [a, b]) {
    if (!r) continue;
    // B − A is taken quarter by quarter on A's calendar: B's events go where its quarter is drawn.
    const start = (mode === 'diff' && a ? a : r).scenario.simulation.startYear;
    for (const e of r.scenario.policyEvents ?? []) {
      if (!e.label) continue;
      const x = start + Math.round(e.start * 4) / 4;
      const key = `${x}|${e.label}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ x, label: eventLabel(lang, e.label) });
    }
  }
  return out.sort((p, q) => p.x - q.x);
}

function lineContent(
  id: LineChartId,
  a: SimResult | null,
  b: SimResult | null,
  mode: Mode,
  lang: Lang,
  bands: ChartBands | null,
  starts: ChartStarts | null,
): LineContent {
  const t = (key: `charts.${string}`, p?: Record<string, string | number>) =>
    translate(lang, key as never, p);
  const view = TIER_VIEWS[id];
  const title = t(`charts.${id}.title`);
  const unit = t(`charts.${id}.unit`);
  const single = tierLines(a, b, view, mode, lang);
  // Many runs: the bands under the lines; current bands replace the single runs by their medians.
  const drawn = bands ? bandLines(bands, view, mode, lang) : null;
  const own = drawn ? [...drawn.bands, ...(bands?.current ? drawn.medians : single)] : single;
  // The starts after the scenarios' own lines (in the CSV too); their `order` draws them beneath.
  const datasets = [...own, ...startLines(a, b, starts, view, mode, lang)];
  const startsDrawn = startOwners(starts, mode);
  const bandState = drawn && bands ? (bands.current ? 'current' : 'earlier') : null;
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
  if (bands && bandState) parts.push(bandSummary(bands, bandState, lang));
  if (starts && mode === 'both') {
    for (const o of startsDrawn) {
      const r = starts[o as 'A' | 'B']!;
      const values = r.series[view.key]
        .map((s, k) => `${tierName(lang, k, r.tiers)} ${(s[s.length - 1] * view.scale).toFixed(2)}`)
        .join(', ');
      const name = startName(lang, starts, o);
      parts.push(t('charts.summaryAt', { name, period: r.periods[r.periods.length - 1], values }));
    }
  }
  return {
    kind: 'line',
    id,
    title,
    note: t(`charts.${id}.note`),
    unit,
    yTitle: mode === 'diff' ? t('charts.diffAxis', { unit }) : unit,
    xTitle: t('charts.year'),
    legend: lineLegend(lang, {
      tiers,
      mode,
      bands: bandState ? bandState === 'current' : null,
      starts,
    }),
    summary: t('charts.summary', { title, unit, parts: parts.join('. ') }),
    bands: bandState,
    starts: startsDrawn,
    datasets,
    xMin,
    xMax,
    events: axisEvents(a, b, lang, mode),
  };
}

/** What the bands of a chart are, for screen readers. */
function bandSummary(bands: ChartBands, state: 'current' | 'earlier', lang: Lang): string {
  const n = bands.set.runs;
  return translate(lang, state === 'current' ? 'runs.chartCurrent' : 'runs.chartEarlier', { n });
}

/**
 * Per-bearer values of `values` (each tier of `from` tiers, then consumers)
 * on a chart of `tiers` tiers: tiers the other has not are NaN (no mark).
 */
function alignBearers(values: number[], from: number, tiers: number): number[] {
  const out = new Array<number>(tiers + 1).fill(NaN);
  for (let k = 0; k < Math.min(from, tiers); k++) out[k] = values[k];
  out[tiers] = values[from];
  return out;
}

/** Each bearer's total at the start of `r`'s scenario, on a chart of `tiers` tiers. */
function startBurden(r: SimResult, tiers: number): number[] {
  return alignBearers(burden(r, null).a!, r.tiers, tiers);
}

function barContent(
  a: SimResult | null,
  b: SimResult | null,
  mode: Mode,
  lang: Lang,
  bands: ChartBands | null,
  starts: ChartStarts | null,
): BarContent {
  const data = burden(a, b, lang);
  const tiers = data.labels.length - 1;
  const startsDrawn = startOwners(starts, mode);
  // Current bands: each bar is the median over the runs, with its p10–p90 range.
  const spreads = (owner: 'A' | 'B' | 'diff') =>
    bands?.current ? burdenSpreads(bands, owner) : null;
  const withBands = (owner: 'A' | 'B' | 'diff', set: BarSet): BarSet => {
    const s = spreads(owner);
    if (!s || s.length !== set.data.length) return set;
    return {
      ...set,
      label: translate(lang, 'runs.legendMedian', { scenario: set.label }),
      // The runs' statistics are in ¥bn: in the page's money unit, as the bars (see moneyScale).
      data: s.map((x) => x.p50 * moneyScale(lang)),
      whiskers: s.map((x) => [x.p10 * moneyScale(lang), x.p90 * moneyScale(lang)]),
    };
  };
  // One period, or (A and B reporting different years) a short word for each one's own.
  const pa = periodRange(a);
  const pb = periodRange(b);
  const unit =
    pa && pb && pa !== pb
      ? translate(lang, 'charts.burden.unitEach')
      : translate(lang, 'charts.burden.unit', { period: pa || pb });
  const colours = data.labels.map((_, i) =>
    i === data.labels.length - 1 ? CONSUMER_COLOUR : tierColour(i),
  );
  const datasets: BarSet[] = [];
  const legend: LegendEntry[] = [];
  if (mode === 'diff') {
    if (data.a && data.b) {
      const bb = data.b;
      const d = data.a.map((x, i) => bb[i] - x);
      let diffStarts: number[] | undefined;
      if (starts && startsDrawn.length) {
        const sa = starts.A ? startBurden(starts.A, tiers) : data.a;
        const sb = starts.B ? startBurden(starts.B, tiers) : bb;
        diffStarts = sa.map((x, i) => sb[i] - x);
      }
      datasets.push(
        withBands('diff', {
          label: 'B − A',
          data: d,
          backgroundColor: colours,
          borderWidth: 0,
          scenario: 'diff',
          ...(diffStarts
            ? { starts: diffStarts, startLabel: startName(lang, starts!, 'diff', !!bands?.current) }
            : {}),
        }),
      );
      legend.push({ text: datasets[0].label, colour: DARK, shape: 'filled' });
    }
  } else {
    if (data.a) {
      const set = withBands('A', {
        label: 'A',
        data: data.a,
        backgroundColor: colours,
        borderWidth: 0,
        scenario: 'A',
        ...(starts?.A
          ? {
              starts: startBurden(starts.A, tiers),
              startLabel: startName(lang, starts, 'A', !!bands?.current),
            }
          : {}),
      });
      datasets.push(set);
      legend.push({ text: set.label, colour: DARK, shape: 'filled' });
    }
    if (data.b) {
      const set = withBands('B', {
        label: 'B',
        data: data.b,
        backgroundColor: '#ffffff',
        borderColor: colours,
        borderWidth: 2,
        scenario: 'B',
        ...(starts?.B
          ? {
              starts: startBurden(starts.B, tiers),
              startLabel: startName(lang, starts, 'B', !!bands?.current),
            }
          : {}),
      });
      datasets.push(set);
      legend.push({ text: set.label, colour: DARK, shape: 'outlined' });
    }
  }
  const whiskers = datasets.some((d) => d.whiskers);
  if (whiskers)
    legend.push({ text: translate(lang, 'runs.legendWhiskers'), colour: DARK, shape: 'line' });
  else if (bands && !bands.current) {
    legend.push({
      text: translate(lang, 'runs.legendNoEarlier'),
      colour: EARLIER_COLOUR,
      shape: 'filled',
    });
  }
  legend.push(...startLegend(lang, starts, startsDrawn, true, whiskers));
  const bandState = whiskers ? 'current' : bands && !bands.current ? 'earlier' : null;
  let parts = data.labels
    .map((l, i) => `${l}: A ${data.a?.[i]?.toFixed(1) ?? '–'}, B ${data.b?.[i]?.toFixed(1) ?? '–'}`)
    .join('; ');
  if (bands && bandState) parts += `. ${bandSummary(bands, bandState, lang)}`;
  for (const d of datasets) {
    if (!d.starts || !starts) continue;
    const values = data.labels.map((l, i) => `${l} ${d.starts![i]?.toFixed(1) ?? '–'}`).join(', ');
    parts += `. ${startName(lang, starts, d.scenario)}: ${values}`;
  }
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
    bands: bandState,
    starts: startsDrawn,
    labels: data.labels.map((l) => l.replace(/ \(.*\)$|（.*）$/, '')),
    bearers: data.labels,
    datasets,
  };
}

/**
 * How cost-ups were settled, per supplier tier and scenario: the shares of
 * suppliers with a cost-up that did not ask, were refused, passed part and
 * passed all, averaged over the negotiation rounds of the reported period
 * (with current bands, also over the runs). B − A: the differences, in points.
 */
function settledContent(
  a: SimResult | null,
  b: SimResult | null,
  mode: Mode,
  lang: Lang,
  bands: ChartBands | null,
  starts: ChartStarts | null,
): StackedContent {
  const startsDrawn = startOwners(starts, mode);
  const startShares = (r: SimResult | null) =>
    r ? settledShares(r).map((row) => row.map((x) => x * 100)) : null;
  const ssA = startShares(starts?.A ?? null);
  const ssB = startShares(starts?.B ?? null);
  // Per outcome, each bar's value at the start (NaN: no mark on that bar), and its share.
  const marks: number[][] = OUTCOMES.map(() => []);
  const startValues: number[][] = OUTCOMES.map(() => []);
  const many = bands?.current ? bands.set.settled : null;
  const shares = (owner: 'A' | 'B', r: SimResult | null) =>
    (many?.[owner] ?? (r ? settledShares(r) : null))?.map((row) => row.map((x) => x * 100)) ?? null;
  const sa = shares('A', a);
  const sb = shares('B', b);
  const period = periodsOf(a, b);
  const diff = mode === 'diff';
  const tiers = diff
    ? Math.min(a?.tiers ?? 0, b?.tiers ?? 0)
    : Math.max(a?.tiers ?? 0, b?.tiers ?? 0);
  const short = (k: number) => tierName(lang, k, tiers).replace(/ \(.*\)$|（.*）$/, '');
  const labels: (string | string[])[] = [];
  const categories: string[] = [];
  const owners: StackedContent['owners'] = [];
  const values: number[][] = OUTCOMES.map(() => []);
  for (let k = 1; k < tiers; k++) {
    if (diff) {
      if (!sa || !sb) break;
      labels.push(short(k));
      categories.push(translate(lang, 'charts.diffLine', { tier: tierName(lang, k, tiers) }));
      owners.push('diff');
      OUTCOMES.forEach((_, j) => values[j].push((sb[k - 1]?.[j] ?? NaN) - (sa[k - 1]?.[j] ?? NaN)));
      const x = ssA ?? sa;
      const y = ssB ?? sb;
      OUTCOMES.forEach((_, j) => marks[j].push((y[k - 1]?.[j] ?? NaN) - (x[k - 1]?.[j] ?? NaN)));
      OUTCOMES.forEach((_, j) => startValues[j].push(marks[j].at(-1)!));
      continue;
    }
    for (const [owner, s] of [
      ['A', sa],
      ['B', sb],
    ] as const) {
      if (!s) continue;
      labels.push([owner, short(k)]);
      categories.push(
        translate(lang, 'charts.line', { scenario: owner, tier: tierName(lang, k, tiers) }),
      );
      owners.push(owner);
      OUTCOMES.forEach((_, j) => values[j].push(s[k - 1]?.[j] ?? NaN));
      // The start's split: a mark at the top of each outcome but the last (always 100%).
      const st = (owner === 'A' ? ssA : ssB)?.[k - 1];
      let top = 0;
      OUTCOMES.forEach((_, j) => {
        top += st?.[j] ?? NaN;
        marks[j].push(st && j < OUTCOMES.length - 1 ? top : NaN);
        startValues[j].push(st?.[j] ?? NaN);
      });
    }
  }
  const datasets: StackSet[] = OUTCOMES.map((outcome, j) => ({
    label: translate(lang, `charts.settled.${outcome}` as never),
    outcome,
    data: values[j],
    backgroundColor: OUTCOME_COLOURS[j],
    borderColor: '#ffffff',
    borderWidth: diff ? 0 : 1,
    ...(startsDrawn.length ? { starts: marks[j], startShares: startValues[j] } : {}),
  }));
  const unit = translate(lang, diff ? 'charts.settled.unitDiff' : 'charts.settled.unit', {
    period,
  });
  const legend: LegendEntry[] = [
    ...datasets
      .map((d) => ({ text: d.label, colour: d.backgroundColor, shape: 'filled' as const }))
      .reverse(),
    ...startLegend(lang, starts, startsDrawn, true, !!many),
  ];
  const bandState = many ? 'current' : bands && !bands.current ? 'earlier' : null;
  const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
  const parts = categories
    .map((c, i) => `${c}: ${datasets.map((d) => `${d.label} ${fmt(d.data[i])}`).join(', ')}`)
    .join('; ');
  const runsNote = many
    ? ` ${translate(lang, 'charts.settled.meanOfRuns', { n: bands!.set.runs })}`
    : bands && !bands.current
      ? ` ${translate(lang, 'charts.settled.singleRuns')}`
      : '';
  return {
    kind: 'stacked',
    id: 'settled',
    title: translate(lang, 'charts.settled.title'),
    note: translate(lang, 'charts.settled.note') + runsNote,
    unit,
    // Short axis titles (the period is named under the bars, the whole unit in the CSV).
    yTitle: translate(lang, diff ? 'charts.settled.yDiff' : 'charts.settled.y'),
    xTitle: translate(lang, 'charts.settled.xAxis', { period }),
    legend,
    summary: translate(lang, 'charts.settled.summary', { unit, parts }),
    bands: bandState,
    starts: startsDrawn,
    labels,
    categories,
    owners,
    datasets,
    stacked: !diff,
  };
}

/** Everything one chart shows, for results `a` and `b` (either may be missing). */
export function chartContent(
  id: ChartId,
  a: SimResult | null,
  b: SimResult | null,
  mode: Mode,
  lang: Lang,
  bands: ChartBands | null = null,
  starts: ChartStarts | null = null,
): ChartContent {
  if (id === 'burden') return barContent(a, b, mode, lang, bands, starts);
  if (id === 'settled') return settledContent(a, b, mode, lang, bands, starts);
  return lineContent(id, a, b, mode, lang, bands, starts);
}

/** A band column's name: "A: Tier 0 (final goods), p10" (with "(earlier inputs)" kept). */
function csvName(d: LineSet, lang: Lang): string {
  if (!d.role || d.role === 'start' || !d.series) return d.label;
  return translate(lang, `runs.csv.${d.role}`, { name: d.series });
}

/**
 * The chart's data as CSV: one column per series, units in the header; with
 * bands, the median (p50) and the p10 and p90 of every line or bar.
 */
export function contentCsv(c: ChartContent, lang: Lang): string {
  if (c.kind === 'stacked') {
    return chartCsv({
      indexHeader: translate(lang, 'charts.settled.axis'),
      index: c.categories,
      series: c.datasets.flatMap((d) => [
        { name: d.label, unit: c.unit, values: d.data },
        // The start of a modified scenario (on its bars; empty on the others).
        ...(d.startShares
          ? [
              {
                name: translate(lang, 'compare.atStart', { name: d.label }),
                unit: c.unit,
                values: d.startShares,
              },
            ]
          : []),
      ]),
    });
  }
  if (c.kind === 'line') {
    return lineChartCsv(
      c.datasets.map((d) => ({ label: csvName(d, lang), data: d.data })),
      c.unit,
      translate(lang, 'charts.period'),
    );
  }
  const series = c.datasets.flatMap((d) => {
    const main = { name: d.label, unit: c.unit, values: d.data };
    // A modified scenario's start, after its own column.
    const start =
      d.starts && d.startLabel ? [{ name: d.startLabel, unit: c.unit, values: d.starts }] : [];
    if (!d.whiskers) return [main, ...start];
    const name = d.scenario === 'diff' ? 'B − A' : d.scenario;
    return [
      { ...main, name: translate(lang, 'runs.csv.median', { name }) },
      {
        name: translate(lang, 'runs.csv.p10', { name }),
        unit: c.unit,
        values: d.whiskers.map((w) => w[0]),
      },
      {
        name: translate(lang, 'runs.csv.p90', { name }),
        unit: c.unit,
        values: d.whiskers.map((w) => w[1]),
      },
      ...start,
    ];
  });
  return chartCsv({ indexHeader: translate(lang, 'charts.bearer'), index: c.bearers, series });
}
