/**
 * How the comparison charts are shown, shared by the grid, the presenter's
 * shortcuts and the URL state: A and B together or B − A, which charts, and
 * which one the presenter view shows.
 */
import { CHART_IDS, type ChartId, type ChartMode } from '../../share/urlState.ts';
import type { Mode } from './data.ts';

export class ChartView {
  /** 'both': A and B drawn together; 'diff': B − A. */
  mode = $state<Mode>('both');
  /** The charts shown, in CHART_IDS order. */
  charts = $state<ChartId[]>([...CHART_IDS]);
  /** Index (into `charts`) of the chart the presenter view shows. */
  current = $state(0);

  /** The chart the presenter view shows. */
  get currentChart(): ChartId | undefined {
    const n = this.charts.length;
    return n ? this.charts[((this.current % n) + n) % n] : undefined;
  }

  /** Shows the chart `step` places on (wraps around). */
  step(step: number): void {
    const n = this.charts.length;
    if (n) this.current = (((this.current + step) % n) + n) % n;
  }

  /** Shows the n-th chart (0-based) if there is one. */
  show(n: number): void {
    if (n >= 0 && n < this.charts.length) this.current = n;
  }

  toggleMode(): void {
    this.mode = this.mode === 'both' ? 'diff' : 'both';
  }
}

/** The URL state's name of a chart mode, and back. */
export const toChartMode = (m: Mode): ChartMode => (m === 'both' ? 'ab' : 'diff');
export const fromChartMode = (m: ChartMode): Mode => (m === 'ab' ? 'both' : 'diff');
