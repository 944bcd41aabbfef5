/**
 * Draws only what is on screen, at most once per animation frame.
 *
 * A chart's data are put into its Chart.js instance as soon as they change
 * (cheap: so that exports, tooltips and tests always see the current data),
 * but the expensive part, `chart.update()` (layout and drawing), waits for
 * the next animation frame and runs only for charts near the viewport (an
 * IntersectionObserver: the grid's visible charts, the presenter's one chart,
 * a chart in full screen). A chart that changed while off screen is drawn
 * when it comes into view, or before the page is printed. Several changes within one frame (A's and B's
 * results, a dragged slider) give one draw.
 *
 * Each frame that draws leaves a User Timing measure `charts:draw` (from the
 * first change waiting for the frame to the end of drawing; detail: `drawMs`,
 * the drawing alone, and `charts`, how many were drawn) for the benchmarks.
 */
import type { Chart } from 'chart.js';

interface Entry {
  chart: Chart;
  canvas: HTMLCanvasElement;
  /** Near or in the viewport. */
  visible: boolean;
  /** Holds data not drawn yet. */
  stale: boolean;
  /** Called after the chart has been drawn with its current data. */
  drawn: () => void;
}

/** Charts drawn ahead of scrolling into view: this far beyond the viewport's edges. */
const MARGIN = '150px 0px';
/** Draw measures kept: past this many, they start again from none (like the bridge's). */
const MAX_MEASURES = 1000;
export const DRAW_MEASURE = 'charts:draw';

/** By canvas, and by the element observed (the chart's figure). */
const entries = new Map<Element, Entry>();
const byTarget = new Map<Element, Entry>();
const waiting = new Set<Entry>();
let frame = 0;
/** When the oldest change waiting for the frame was made. */
let since: number | null = null;
let observer: IntersectionObserver | null | undefined;

function watch(): IntersectionObserver | null {
  if (observer !== undefined) return observer;
  // A printed page shows every chart: those waiting are drawn before it is laid out.
  globalThis.addEventListener?.('beforeprint', () => {
    for (const e of entries.values()) if (e.stale && e.canvas.isConnected) draw(e);
  });
  observer =
    typeof IntersectionObserver === 'undefined'
      ? null
      : new IntersectionObserver(
          (changes) => {
            for (const c of changes) {
              const e = byTarget.get(c.target);
              if (!e) continue;
              e.visible = c.isIntersecting;
              if (e.visible && e.stale) enqueue(e);
              else if (!e.visible) waiting.delete(e);
            }
          },
          // scrollMargin: the same margin inside a scrolling column (Chromium 120+; else ignored).
          { rootMargin: MARGIN, scrollMargin: MARGIN } as IntersectionObserverInit,
        );
  return observer;
}

function enqueue(e: Entry): void {
  waiting.add(e);
  since ??= performance.now();
  if (!frame) frame = requestAnimationFrame(flush);
}

function flush(): void {
  frame = 0;
  const start = since ?? performance.now();
  since = null;
  const t0 = performance.now();
  let n = 0;
  for (const e of [...waiting]) {
    waiting.delete(e);
    if (!e.visible || !e.stale || !e.canvas.isConnected) continue;
    draw(e);
    n++;
  }
  if (!n) return;
  const end = performance.now();
  performance.measure(DRAW_MEASURE, { start, end, detail: { drawMs: end - t0, charts: n } });
  if (performance.getEntriesByName(DRAW_MEASURE, 'measure').length > MAX_MEASURES)
    performance.clearMeasures(DRAW_MEASURE);
}

function draw(e: Entry): void {
  e.chart.update('none');
  // chart.update() marks the chart drawn (the plugin below), whoever calls it.
}

/**
 * A Chart.js plugin for a chart handed to `track`: after every update (ours,
 * a resize's, a font's), its data are on the canvas.
 */
export const drawnPlugin = {
  id: 'drawnMarker',
  afterUpdate(chart: Chart) {
    const e = entries.get(chart.canvas);
    if (!e) return;
    e.stale = false;
    waiting.delete(e);
    e.drawn();
  },
};

/**
 * Tracks `chart` on `canvas`: `changed()` after putting new data into the
 * chart asks for a draw (in the next frame if the chart is on screen, else
 * once it scrolls into view); `drawn` is called after each draw. `stop()`
 * forgets the chart (before it is destroyed).
 */
export function track(
  chart: Chart,
  canvas: HTMLCanvasElement,
  drawn: () => void,
): { changed: () => void; stop: () => void } {
  const io = watch();
  // Without an IntersectionObserver every chart counts as visible.
  const e: Entry = { chart, canvas, visible: !io, stale: false, drawn };
  entries.set(canvas, e);
  // The whole figure: a chart whose title shows is drawn, even if its plot is just below.
  const seen = canvas.closest('figure') ?? canvas;
  byTarget.set(seen, e);
  io?.observe(seen);
  return {
    changed() {
      e.stale = true;
      if (e.visible) enqueue(e);
    },
    stop() {
      io?.unobserve(seen);
      entries.delete(canvas);
      byTarget.delete(seen);
      waiting.delete(e);
    },
  };
}
