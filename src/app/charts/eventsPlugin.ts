/**
 * Policy events on time axes (e.g. the 2023 labour-cost guideline and the
 * 2026 act of the Japan preset): a dashed vertical line through the plot at
 * each event, and its label in a band of its own between the legend and the
 * plot, so that labels never cover the lines. Labels that would overlap go
 * to another row. A Chart.js plugin with a layout box (as Chart.js's own
 * title); what it draws is set per chart by `setEvents`.
 */
import { layouts, type Chart, type Plugin } from 'chart.js';
import { EVENT_COLOUR } from '../theme.ts';
import type { AxisEvent } from './content.ts';

/** The events a chart marks, and the type size and line width of its style. */
export interface EventMarks {
  events: AxisEvent[];
  font: number;
  line: number;
}

type WithMarks = Chart & { $eventMarks?: EventMarks; $eventBox?: EventBox };

/** Sets the events `chart` marks (drawn at its next update). */
export function setEvents(chart: Chart, marks: EventMarks): void {
  (chart as WithMarks).$eventMarks = marks;
}

/** Where each label goes: its row (0 = top) and the left end of its text. */
interface Placed {
  x: number;
  row: number;
  textX: number;
  label: string;
}

const GAP = 6;

/**
 * Places the labels of the events within [left, right]: each starts just
 * right of its line (or ends just left of it near the right edge), in the
 * first row where it does not overlap the label before it.
 */
export function placeLabels(
  events: readonly AxisEvent[],
  toPixel: (x: number) => number,
  left: number,
  right: number,
  textWidth: (s: string) => number,
  pad: number,
): Placed[] {
  const rowsEnd: number[] = [];
  const out: Placed[] = [];
  for (const e of events) {
    const x = toPixel(e.x);
    if (!Number.isFinite(x) || x < left - 0.5 || x > right + 0.5) continue;
    const w = textWidth(e.label);
    let textX = x + pad;
    if (textX + w > right) textX = Math.max(left, x - pad - w);
    let row = rowsEnd.findIndex((end) => end + GAP <= textX);
    if (row < 0) {
      row = rowsEnd.length;
      rowsEnd.push(-Infinity);
    }
    rowsEnd[row] = textX + w;
    out.push({ x, row, textX, label: e.label });
  }
  return out;
}

/** The labels' type size, row height and gap to their line, for a style's type size. */
function sizes(styleFont: number): { font: number; lineHeight: number; pad: number } {
  const font = Math.max(9, Math.round(styleFont * 0.92));
  return { font, lineHeight: Math.round(font * 1.35), pad: Math.round(font * 0.35) };
}

const fontOf = (size: number) =>
  `${size}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;

/** The band above the plot that holds the labels. */
class EventBox {
  readonly position = 'top';
  readonly weight = 0;
  readonly fullSize = false;
  readonly options = {};
  left = 0;
  top = 0;
  right = 0;
  bottom = 0;
  width = 0;
  height = 0;
  placed: Placed[] = [];

  constructor(private readonly chart: WithMarks) {}

  isHorizontal(): boolean {
    return true;
  }

  #size(): { font: number; lineHeight: number; pad: number } {
    return sizes(this.chart.$eventMarks?.font ?? 11);
  }

  #place(left: number, right: number, toPixel: (x: number) => number): Placed[] {
    const marks = this.chart.$eventMarks;
    if (!marks || marks.events.length === 0) return [];
    const { font, pad } = this.#size();
    const ctx = this.chart.ctx;
    ctx.save();
    ctx.font = fontOf(font);
    const placed = placeLabels(
      marks.events,
      toPixel,
      left,
      right,
      (s) => ctx.measureText(s).width,
      pad,
    );
    ctx.restore();
    return placed;
  }

  update(maxWidth: number): void {
    // The x scale is not laid out yet: its range over the box's width stands in for it.
    const x = this.chart.options.scales?.x as { min?: number; max?: number } | undefined;
    const min = x?.min;
    const max = x?.max;
    let rows = 0;
    if (min !== undefined && max !== undefined && max > min) {
      const placed = this.#place(0, maxWidth, (v) => ((v - min) / (max - min)) * maxWidth);
      rows = placed.reduce((n, p) => Math.max(n, p.row + 1), 0);
    }
    const { lineHeight } = this.#size();
    this.width = maxWidth;
    this.height = rows > 0 ? rows * lineHeight + 4 : 0;
  }

  draw(): void {
    const scale = this.chart.scales.x;
    if (!scale || this.height === 0) {
      this.placed = [];
      return;
    }
    const area = this.chart.chartArea;
    this.placed = this.#place(area.left, area.right, (v) => scale.getPixelForValue(v));
    const { font, lineHeight } = this.#size();
    const ctx = this.chart.ctx;
    ctx.save();
    ctx.font = fontOf(font);
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    for (const p of this.placed) {
      const y = this.top + p.row * lineHeight + lineHeight / 2;
      // A white ground, so that a line of another event passing behind stays readable.
      const w = ctx.measureText(p.label).width;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(p.textX - 2, y - lineHeight / 2, w + 4, lineHeight);
      ctx.fillStyle = EVENT_COLOUR;
      ctx.fillText(p.label, p.textX, y);
    }
    ctx.restore();
  }
}

export const eventsPlugin: Plugin<'line'> = {
  id: 'policyEvents',
  start(chart) {
    const c = chart as unknown as WithMarks;
    const box = new EventBox(c);
    c.$eventBox = box;
    layouts.addBox(chart, box as never);
  },
  stop(chart) {
    const c = chart as unknown as WithMarks;
    if (c.$eventBox) layouts.removeBox(chart, c.$eventBox as never);
    delete c.$eventBox;
  },
  afterDatasetsDraw(chart) {
    const c = chart as unknown as WithMarks;
    const box = c.$eventBox;
    const marks = c.$eventMarks;
    if (!box || !marks || box.placed.length === 0) return;
    const { ctx, chartArea } = chart;
    const { lineHeight } = sizes(marks.font);
    const width = Math.max(1, marks.line / 2);
    ctx.save();
    ctx.strokeStyle = EVENT_COLOUR;
    ctx.lineWidth = width;
    ctx.setLineDash([4 * width, 3 * width]);
    for (const p of box.placed) {
      // From the label's row down through the plot.
      const top = box.top + p.row * lineHeight + lineHeight / 2;
      const x = Math.round(p.x) + (width % 2 ? 0.5 : 0);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
    }
    ctx.restore();
  },
};
