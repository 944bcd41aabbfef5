/**
 * Shapes results into Chart.js datasets ({x, y} points, pre-parsed), so
 * that the charts only hand them over. Pure functions, tested in Node.
 */
import type { SeriesKey, SimResult } from '../../engine/index.ts';
import { tierName, translate, type Lang } from '../../i18n/index.ts';
import { moneyScale } from '../format.ts';
import { DASH_B, SCENARIO_COLOURS, tierColour } from '../theme.ts';

export type Mode = 'both' | 'diff';

export interface Point {
  x: number;
  y: number;
}

export interface LineSet {
  label: string;
  data: Point[];
  borderColor: string;
  backgroundColor: string;
  borderDash: number[];
  borderWidth: number;
  /** Which scenario the line belongs to ('diff' for B - A). */
  scenario: 'A' | 'B' | 'diff';
  tier: number;
  /**
   * Lines of many runs: the median, or a band's lower (p10) or upper (p90,
   * filled down to p10) edge; 'start': a faint line of a modified scenario's
   * starting preset (see starts.ts).
   */
  role?: 'median' | 'p10' | 'p90' | 'start';
  /** The line's name without its statistic, e.g. "A: Tier 0 (final goods)" (bands only). */
  series?: string;
  /** Chart.js: '-1' fills down to the dataset before; higher orders are drawn first. */
  fill?: string | false;
  order?: number;
}

export interface SeriesView {
  key: SeriesKey;
  /** Multiplies the engine's values (e.g. 100 for shares shown in %). */
  scale: number;
}

/** Calendar time of quarter t of a result, in years (2026.0, 2026.25, ...). */
function timeOf(r: SimResult, t: number): number {
  return r.scenario.simulation.startYear + t / 4;
}

function points(r: SimResult, a: Float64Array, scale: number): Point[] {
  const out: Point[] = new Array(a.length);
  for (let t = 0; t < a.length; t++) out[t] = { x: timeOf(r, t), y: a[t] * scale };
  return out;
}

function lineSet(
  scenario: 'A' | 'B' | 'diff',
  tier: number,
  tiers: number,
  data: Point[],
  lang: Lang,
): LineSet {
  const name = tierName(lang, tier, tiers);
  return {
    label:
      scenario === 'diff'
        ? translate(lang, 'charts.diffLine', { tier: name })
        : translate(lang, 'charts.line', { scenario, tier: name }),
    data,
    borderColor: tierColour(tier),
    backgroundColor: tierColour(tier),
    borderDash: scenario === 'B' ? DASH_B : [],
    borderWidth: scenario === 'B' ? 2 : 2,
    scenario,
    tier,
  };
}

/** One line per tier and scenario, or per tier of B − A (tiers and quarters both have). */
export function tierLines(
  a: SimResult | null,
  b: SimResult | null,
  view: SeriesView,
  mode: Mode,
  lang: Lang = 'en',
): LineSet[] {
  const { key, scale } = view;
  if (mode === 'diff') {
    if (!a || !b) return [];
    const tiers = Math.min(a.tiers, b.tiers);
    const sets: LineSet[] = [];
    for (let k = 0; k < tiers; k++) {
      const sa = a.series[key][k];
      const sb = b.series[key][k];
      const n = Math.min(sa.length, sb.length);
      const data: Point[] = new Array(n);
      for (let t = 0; t < n; t++) data[t] = { x: timeOf(a, t), y: (sb[t] - sa[t]) * scale };
      sets.push(lineSet('diff', k, tiers, data, lang));
    }
    return sets;
  }
  const sets: LineSet[] = [];
  if (a) sets.push(...scenarioLines('A', a, view, lang));
  if (b) sets.push(...scenarioLines('B', b, view, lang));
  return sets;
}

/**
 * The lines of one scenario's result, made once per result and view: when only
 * A changes, B's lines stay the same objects and Chart.js leaves them as they are.
 */
const cache = new WeakMap<SimResult, Map<string, LineSet[]>>();

function scenarioLines(id: 'A' | 'B', r: SimResult, view: SeriesView, lang: Lang): LineSet[] {
  let byView = cache.get(r);
  if (!byView) cache.set(r, (byView = new Map()));
  const k = `${id}:${view.key}:${view.scale}:${lang}`;
  let sets = byView.get(k);
  if (!sets) {
    sets = [];
    for (let t = 0; t < r.tiers; t++) {
      sets.push(lineSet(id, t, r.tiers, points(r, r.series[view.key][t], view.scale), lang));
    }
    byView.set(k, sets);
  }
  return sets;
}

function total(a: Float64Array): number {
  let s = 0;
  for (let t = 0; t < a.length; t++) if (a[t] === a[t]) s += a[t];
  return s;
}

export interface Burden {
  /** Bearers: each tier, then final consumers. */
  labels: string[];
  /** Money over the whole reported period, per bearer: ¥bn, or 億円 in Japanese. */
  a: number[] | null;
  b: number[] | null;
}

/**
 * Who bears cost-ups over the reported period: the part of the cost-ups met
 * that each tier absorbed (did not pass on), and the part final consumers paid.
 */
export function burden(a: SimResult | null, b: SimResult | null, lang: Lang = 'en'): Burden {
  const tiers = Math.max(a?.tiers ?? 0, b?.tiers ?? 0);
  const labels = Array.from({ length: tiers }, (_, k) => tierName(lang, k, tiers));
  labels.push(translate(lang, 'charts.consumers'));
  const of = (r: SimResult | null): number[] | null => {
    if (!r) return null;
    const out = new Array<number>(tiers + 1).fill(NaN);
    // ¥m to the page's money unit (¥bn, or 億円 in Japanese: see moneyScale).
    const unit = moneyScale(lang) / 1000;
    for (let k = 0; k < r.tiers; k++) out[k] = total(r.series.costUpAbsorbed[k]) * unit;
    out[tiers] = total(r.economy.consumerBurden) * unit;
    return out;
  };
  return { labels, a: of(a), b: of(b) };
}

export const BAR_COLOURS = SCENARIO_COLOURS;

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** A short checksum (FNV-1a over the bits) of the numbers drawn, so that a test can tell whether a chart changed. */
export function digest(values: Iterable<number>): string {
  let h = 2166136261;
  for (const v of values) {
    bits[0] = v;
    h = Math.imul(h ^ words[0], 16777619);
    h = Math.imul(h ^ words[1], 16777619);
  }
  return (h >>> 0).toString(16);
}

/** How a supplier's cost-up was settled at a round, in the chart's order (bottom to top). */
export const OUTCOMES = [
  'settledNotAsked',
  'settledRefused',
  'settledPart',
  'settledFull',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Mean of the defined (finite) values of `a`; NaN if none. */
function meanDefined(a: ArrayLike<number>): number {
  let s = 0;
  let n = 0;
  for (let t = 0; t < a.length; t++) {
    const x = a[t];
    if (Number.isFinite(x)) {
      s += x;
      n++;
    }
  }
  return n > 0 ? s / n : NaN;
}

/**
 * How cost-ups were settled, per supplier tier (1 to the deepest: index k − 1)
 * and outcome (OUTCOMES order): each share of the suppliers with a cost-up,
 * averaged over the negotiation rounds of the reported period (the series are
 * undefined between rounds and where no supplier had a cost-up). At each round
 * the four shares add up to 1, so their means do too.
 */
export function settledShares(r: SimResult): number[][] {
  const out: number[][] = [];
  for (let k = 1; k < r.tiers; k++) out.push(OUTCOMES.map((o) => meanDefined(r.series[o][k])));
  return out;
}

/**
 * Of all cost-ups met over the reported period (each bearer's total, as the
 * burden chart: each tier, then final consumers), the share the suppliers
 * (tiers 1 and deeper) absorbed; NaN if there were none.
 */
export function supplierShare(bearers: readonly number[]): number {
  let all = 0;
  let suppliers = 0;
  bearers.forEach((x, i) => {
    if (!Number.isFinite(x)) return;
    all += x;
    if (i > 0 && i < bearers.length - 1) suppliers += x;
  });
  return all > 0 ? suppliers / all : NaN;
}

/** The suppliers' share of the cost-ups met in run `r` (see supplierShare). */
export function supplierShareOf(r: SimResult): number {
  return supplierShare(burden(r, null).a!);
}
