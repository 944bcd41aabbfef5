/**
 * The baseline of a modified scenario: its starting preset, drawn faint
 * behind the scenario's own lines (same tier colours, thin, low alpha; A
 * solid, B dashed) and as marks on the bar charts, so that "before and after"
 * needs no second scenario. Pure, tested in Node.
 */
import type { SimResult } from '../../engine/index.ts';
import { tierName, translate, type Lang } from '../../i18n/index.ts';
import { DASH_B, tierColour } from '../theme.ts';
import { lighten } from './bandData.ts';
import { tierLines, type LineSet, type Mode, type SeriesView } from './data.ts';

/** What the charts know of the scenarios: their preset titles, and the starts of modified ones. */
export interface ChartStarts {
  /** The starting preset's result of each modified scenario (null: unmodified, or not run yet). */
  A: SimResult | null;
  B: SimResult | null;
  /** Short preset titles in the chart's language ("Large-firm-led model"). */
  titles: { A: string; B: string };
}

/** Opacity and width (relative to a scenario's line) of a start line. */
export const START_ALPHA = 0.42;
export const START_WIDTH = 0.55;
/** Drawn under the scenario's lines (Chart.js draws higher orders first), over bands. */
const START_ORDER = 1;

/** A preset's title without the Japanese name the English one carries ("Large-firm-led model (大企業牽引モデル)"). */
export function shortTitle(title: string): string {
  return title.replace(/\s*\([^()]*\)$/, '');
}

/** Whether the chart has a start to draw in `mode`. */
export function hasStarts(starts: ChartStarts | null, mode: Mode): starts is ChartStarts {
  if (!starts) return false;
  return mode === 'diff' ? !!(starts.A || starts.B) : !!(starts.A ?? starts.B);
}

/** Which starts a chart draws (owners of the start lines or marks). */
export function startOwners(starts: ChartStarts | null, mode: Mode): ('A' | 'B' | 'diff')[] {
  if (!hasStarts(starts, mode)) return [];
  if (mode === 'diff') return ['diff'];
  return (['A', 'B'] as const).filter((o) => starts[o]);
}

/** The legend's name of a start: "A: Large-firm-led model (start)", or "B − A at start". */
export function startName(
  lang: Lang,
  starts: ChartStarts,
  owner: 'A' | 'B' | 'diff',
  /** The scenario is shown by medians of many runs: say that the start is one run. */
  medians = false,
): string {
  if (owner === 'diff') {
    return translate(lang, medians ? 'compare.baselineDiffSingle' : 'compare.baselineDiff');
  }
  const title = starts.titles[owner];
  return translate(lang, medians ? 'compare.baselineSingle' : 'compare.baseline', {
    id: owner,
    title,
  });
}

function faint(set: LineSet, owner: 'A' | 'B' | 'diff', lang: Lang, tier: string): LineSet {
  const colour = lighten(tierColour(set.tier), START_ALPHA);
  return {
    ...set,
    label:
      owner === 'diff'
        ? translate(lang, 'compare.baselineDiffLine', { tier })
        : translate(lang, 'compare.baselineLine', { id: owner, tier }),
    borderColor: colour,
    backgroundColor: colour,
    borderDash: owner === 'B' ? DASH_B : [],
    borderWidth: 2 * START_WIDTH,
    role: 'start',
    order: START_ORDER,
  };
}

/**
 * The start lines of a line chart: per tier, each modified scenario's start
 * (A and B together), or the B − A of the starts (a scenario not modified
 * counts as it is).
 */
export function startLines(
  a: SimResult | null,
  b: SimResult | null,
  starts: ChartStarts | null,
  view: SeriesView,
  mode: Mode,
  lang: Lang,
): LineSet[] {
  if (!hasStarts(starts, mode)) return [];
  if (mode === 'diff') {
    const x = starts.A ?? a;
    const y = starts.B ?? b;
    const tiers = Math.min(x?.tiers ?? 0, y?.tiers ?? 0);
    return tierLines(x, y, view, 'diff', lang).map((s) =>
      faint(s, 'diff', lang, tierName(lang, s.tier, tiers)),
    );
  }
  return tierLines(starts.A, starts.B, view, 'both', lang).map((s) =>
    faint(
      s,
      s.scenario,
      lang,
      tierName(lang, s.tier, (s.scenario === 'B' ? starts.B : starts.A)!.tiers),
    ),
  );
}
