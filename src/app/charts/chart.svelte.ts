/**
 * Chart.js set-up (only the parts used), the options every chart shares, the
 * styles for the screen, the projector and exported images, and an
 * attachment that creates a chart on its canvas once, then redraws it
 * without animation whenever the data its `update` reads change (only when
 * on screen, once per frame: drawQueue.ts).
 */
import { frameFontPx } from '../../export/png.ts';
import { translate } from '../../i18n/index.ts';
import { locale } from '../../i18n/locale.svelte.ts';
import { renderDetached } from './detached.ts';
import { drawnPlugin, track } from './drawQueue.ts';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
  type LegendItem,
  type Plugin,
  type TooltipItem,
} from 'chart.js';
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { DASH_B } from '../theme.ts';
import { tooltipLabel, tooltipOmits, type TipLine } from './bandData.ts';
import { START_WIDTH } from './starts.ts';
import { eventsPlugin, setEvents } from './eventsPlugin.ts';
import type { ChartContent } from './content.ts';
import type { LegendEntry } from './legend.ts';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  CategoryScale,
  BarController,
  BarElement,
  Tooltip,
  Legend,
  Filler,
);

/** A line chart's dataset as the tooltip reads it (a LineSet: see bandData.ts). */
const tipLine = (item: TooltipItem<'line' | 'bar'>) => item.dataset as unknown as TipLine;

/**
 * Bars of many runs: a thin vertical line from p10 to p90 over each bar (the
 * dataset's `whiskers`), with short caps, in the bar's outline colour.
 */
const whiskerPlugin: Plugin<'bar'> = {
  id: 'whiskers',
  afterDatasetsDraw(chart) {
    const y = chart.scales.y;
    const ctx = chart.ctx;
    chart.data.datasets.forEach((d, i) => {
      const whiskers = (d as { whiskers?: [number, number][] }).whiskers;
      const meta = chart.getDatasetMeta(i);
      if (!whiskers || meta.hidden) return;
      ctx.save();
      ctx.strokeStyle = '#222222';
      ctx.lineWidth = Math.max(1.5, Number(d.borderWidth ?? 0) || 1.5);
      meta.data.forEach((bar, j) => {
        const w = whiskers[j];
        if (!w || !Number.isFinite(w[0]) || !Number.isFinite(w[1])) return;
        const x = bar.x;
        const cap = Math.max(3, ((bar as unknown as { width: number }).width ?? 12) * 0.18);
        const lo = y.getPixelForValue(w[0]);
        const hi = y.getPixelForValue(w[1]);
        ctx.beginPath();
        ctx.moveTo(x, lo);
        ctx.lineTo(x, hi);
        ctx.moveTo(x - cap, lo);
        ctx.lineTo(x + cap, lo);
        ctx.moveTo(x - cap, hi);
        ctx.lineTo(x + cap, hi);
        ctx.stroke();
      });
      ctx.restore();
    });
  },
};
/**
 * Bars of a modified scenario: a dashed line across each bar at its value at
 * the start (the dataset's `starts`), so that the change shows on the bar.
 */
const startMarksPlugin: Plugin<'bar', { width?: number }> = {
  id: 'startMarks',
  afterDatasetsDraw(chart, _args, options) {
    const y = chart.scales.y;
    const ctx = chart.ctx;
    chart.data.datasets.forEach((d, i) => {
      const starts = (d as { starts?: number[] }).starts;
      const meta = chart.getDatasetMeta(i);
      if (!starts || meta.hidden) return;
      ctx.save();
      ctx.strokeStyle = '#1a1a1a';
      const width = Math.max(1.5, options.width ?? 1.5);
      ctx.lineWidth = width;
      ctx.setLineDash([width * 2.5, width * 1.5]);
      meta.data.forEach((bar, j) => {
        const v = starts[j];
        if (!Number.isFinite(v)) return;
        const half = ((bar as unknown as { width: number }).width ?? 12) / 2 + 2;
        const py = y.getPixelForValue(v);
        ctx.beginPath();
        ctx.moveTo(bar.x - half, py);
        ctx.lineTo(bar.x + half, py);
        ctx.stroke();
      });
      ctx.restore();
    });
  },
};

// The Japanese web font (src/export/fonts.ts) after the system's, for machines without a Japanese font.
Chart.defaults.font.family =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Hiragino Sans", "Noto Sans JP", sans-serif';

/** Draws every chart again (after a font has loaded: a canvas does not redraw by itself). */
export function refreshCharts(): void {
  for (const chart of Object.values(Chart.instances)) chart.update('none');
}
Chart.defaults.font.size = 11;
Chart.defaults.color = '#333';

/** How a chart is drawn: font size and line width (CSS px), and whether the legend is in the chart. */
export interface ChartStyle {
  font: number;
  line: number;
  legend: boolean;
}

/** In the grid: small type, one HTML legend for all charts. */
export const SCREEN_STYLE: ChartStyle = { font: 11, line: 2, legend: false };
/** For a projector: large type and thick lines. */
export const PRESENTER_STYLE: ChartStyle = { font: 20, line: 4.5, legend: true };
/**
 * One chart alone on a page (the embed view) in a frame of `frame`'s size (CSS px): type as on a
 * slide of that size (16+ px at 1280×720). Reactive: reads the frame.
 */
export function embedStyle(frame: { readonly width: number; readonly height: number }): ChartStyle {
  const font = frameFontPx(frame.width, frame.height);
  return { font, line: Math.max(2.5, Math.round(font * 0.4) / 2), legend: true };
}

/** For an image `height` CSS pixels high (1080 or 720): type and lines that read on a slide. */
export function imageStyle(height: number): ChartStyle {
  const u = height / 1080;
  return { font: Math.round(24 * u), line: Math.round(4.5 * u * 2) / 2, legend: true };
}

function legendItems(entries: LegendEntry[], style: ChartStyle): LegendItem[] {
  return entries.map((e) => ({
    text: e.text,
    fillStyle: e.shape === 'outlined' ? '#ffffff' : e.colour,
    strokeStyle: e.colour,
    lineWidth:
      e.shape === 'filled'
        ? 0
        : e.shape === 'outlined'
          ? 2
          : e.thin
            ? Math.max(1, style.line * START_WIDTH)
            : style.line,
    lineDash: e.shape === 'dashed' ? DASH_B.map((d) => (d * style.line) / 2) : [],
    pointStyle: e.shape === 'line' || e.shape === 'dashed' ? 'line' : 'rect',
    hidden: false,
    datasetIndex: undefined,
  }));
}

/** A new chart's configuration for `content`'s kind; `configure` fills it in. */
export function baseConfig(
  content: ChartContent,
  extra: { responsive?: boolean; devicePixelRatio?: number } = {},
): ChartConfiguration<'line' | 'bar'> {
  const responsive = extra.responsive ?? true;
  const common = {
    animation: false as const,
    responsive,
    maintainAspectRatio: false,
    ...(extra.devicePixelRatio ? { devicePixelRatio: extra.devicePixelRatio } : {}),
  };
  if (content.kind === 'stacked') {
    return {
      type: 'bar',
      data: { labels: [], datasets: [] },
      plugins: [startMarksPlugin],
      options: {
        ...common,
        scales: {
          x: {
            type: 'category',
            stacked: true,
            title: { display: true, text: '' },
            ticks: { autoSkip: false, maxRotation: 0 },
          },
          y: { type: 'linear', stacked: true, title: { display: true, text: '' } },
        },
        plugins: {
          legend: { display: false, onClick: () => {} },
          tooltip: {
            callbacks: {
              title: (items) => {
                const l = items[0]?.label;
                return Array.isArray(l) ? l.join(' ') : (l ?? '');
              },
              label: (i) => `${i.dataset.label}: ${(i.parsed.y ?? NaN).toFixed(1)}`,
            },
          },
        },
      },
    } as ChartConfiguration<'bar'>;
  }
  if (content.kind === 'bar') {
    return {
      type: 'bar',
      data: { labels: [], datasets: [] },
      plugins: [whiskerPlugin, startMarksPlugin],
      options: {
        ...common,
        scales: {
          x: {
            type: 'category',
            title: { display: true, text: '' },
            ticks: { autoSkip: false, maxRotation: 0 },
          },
          y: { type: 'linear', title: { display: true, text: '' } },
        },
        plugins: {
          legend: { display: false, onClick: () => {} },
          tooltip: {
            callbacks: {
              label: (i) => {
                const w = (i.dataset as { whiskers?: [number, number][] }).whiskers?.[i.dataIndex];
                const range = w ? ` (p10–p90 ${w[0].toFixed(1)} – ${w[1].toFixed(1)})` : '';
                // In the page's money unit (¥bn, or 億円 in Japanese), as the axis.
                return translate(locale.lang, 'charts.bnTooltip', {
                  label: i.dataset.label ?? '',
                  value: `${(i.parsed.y ?? NaN).toFixed(1)}${range}`,
                });
              },
            },
          },
        },
      },
    } as ChartConfiguration<'bar'>;
  }
  return {
    type: 'line',
    data: { datasets: [] },
    plugins: [eventsPlugin],
    options: {
      ...common,
      parsing: false,
      normalized: true,
      spanGaps: false,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      elements: { point: { radius: 0, hitRadius: 4, hoverRadius: 3 }, line: { tension: 0 } },
      scales: {
        x: {
          type: 'linear',
          title: { display: true, text: '' },
          ticks: { precision: 0, maxTicksLimit: 8, callback: (v) => String(v) },
          // Whole years at both ends, but no end label crowding its neighbour (2045 next to 2046).
          afterBuildTicks: (scale) => {
            const t = scale.ticks;
            if (t.length < 4) return;
            const step = t[2].value - t[1].value;
            if (t[1].value - t[0].value < step / 2) t.splice(1, 1);
            if (t[t.length - 1].value - t[t.length - 2].value < step / 2) t.splice(t.length - 2, 1);
          },
        },
        y: { type: 'linear', title: { display: true, text: '' }, ticks: { maxTicksLimit: 6 } },
      },
      plugins: {
        legend: { display: false, onClick: () => {} },
        tooltip: {
          // A band is told once: with its median ("…: y (p10–p90 low – high)"),
          // or alone by its upper edge ("…, p10–p90: low – high").
          filter: (item, _i, items) => !tooltipOmits(tipLine(item), items.map(tipLine)),
          callbacks: {
            title: (items) => {
              const x = items[0]?.parsed.x ?? 0;
              return `${Math.floor(x)}Q${Math.round((x - Math.floor(x)) * 4) + 1}`;
            },
            label: (item) =>
              tooltipLabel(
                tipLine(item),
                item.dataIndex,
                item.parsed.y,
                item.chart.data.datasets as unknown as TipLine[],
              ),
          },
        },
      },
    },
  } as ChartConfiguration<'line'>;
}

/** Puts `content` into `chart`, drawn in `style` (call chart.update after). */
export function configure(chart: Chart, content: ChartContent, style: ChartStyle): void {
  const o = chart.options;
  const font = { size: style.font };
  const titleFont = { size: Math.round(style.font * 1.05), weight: 'bold' as const };
  if (content.kind === 'stacked') {
    chart.data.labels = content.labels;
    chart.data.datasets = content.datasets.map((d) => ({
      ...d,
      borderWidth: d.borderWidth ? Math.max(1, style.line / 2) : 0,
      barPercentage: 0.92,
      categoryPercentage: content.stacked ? 0.86 : 0.8,
    })) as never;
    const { x, y } = o.scales ?? {};
    if (x && y) {
      (x as { stacked?: boolean }).stacked = content.stacked;
      (y as { stacked?: boolean }).stacked = content.stacked;
      // Shares of 100%: the axis ends there; differences find their own range.
      y.min = content.stacked ? 0 : undefined;
      y.max = content.stacked ? 100 : undefined;
    }
  } else if (content.kind === 'bar') {
    chart.data.labels = content.labels;
    chart.data.datasets = content.datasets.map((d) =>
      d.scenario === 'B' ? { ...d, borderWidth: Math.max(2, style.line * 0.75) } : { ...d },
    ) as never;
  } else {
    // The same objects when the line width is the screen's, so that Chart.js keeps unchanged lines.
    chart.data.datasets = (
      style.line === 2
        ? content.datasets
        : content.datasets.map((d) => ({
            ...d,
            // A band's edges stay unstroked: only the fill between them shows; starts stay thin.
            borderWidth:
              d.role === 'p10' || d.role === 'p90'
                ? 0
                : d.role === 'start'
                  ? Math.max(1, style.line * START_WIDTH)
                  : style.line,
            borderDash: d.borderDash.map((x) => (x * style.line) / 2),
          }))
    ) as never;
    const x = o.scales?.x;
    if (x) {
      x.min = content.xMin;
      x.max = content.xMax;
    }
    setEvents(chart, { events: content.events, font: style.font, line: style.line });
  }
  for (const [axis, text] of [
    ['x', content.xTitle],
    ['y', content.yTitle],
  ] as const) {
    const s = o.scales?.[axis];
    if (!s) continue;
    s.ticks = { ...s.ticks, font };
    if ('title' in s && s.title) {
      s.title.text = text;
      s.title.font = titleFont;
    }
  }
  const legend = o.plugins?.legend;
  if (legend) {
    // The grid's one legend names tiers and draws A and B as lines; the settled chart's outcomes
    // and the cost-ups chart's bars (A filled, B outlined) have their own key, shown in every view.
    legend.display = (style.legend || content.kind !== 'line') && content.legend.length > 0;
    legend.position = 'top';
    legend.align = 'start';
    legend.labels = {
      ...legend.labels,
      font,
      usePointStyle: true,
      boxWidth: Math.round(style.font * 2.2),
      boxHeight: Math.round(style.font * 0.7),
      pointStyleWidth: Math.round(style.font * 2.2),
      padding: Math.round(style.font * 0.9),
      generateLabels: () => legendItems(content.legend, style),
    };
  }
  if (o.plugins) {
    (o.plugins as Record<string, unknown>).startMarks = { width: style.line * 0.6 };
  }
  const tooltip = o.plugins?.tooltip;
  if (tooltip) {
    tooltip.bodyFont = font;
    tooltip.titleFont = font;
  }
}

/** A short checksum (FNV-1a over the bits) per scenario, so that a test can tell whether a chart changed. */
export function digests(content: ChartContent, digest: (v: Iterable<number>) => string) {
  const out: Record<'A' | 'B' | 'diff', string> = { A: '', B: '', diff: '' };
  for (const s of ['A', 'B', 'diff'] as const) {
    if (content.kind === 'stacked') {
      const ys = content.datasets.flatMap((d) => d.data.filter((_, i) => content.owners[i] === s));
      out[s] = ys.length ? digest(ys) : '';
    } else if (content.kind === 'bar') {
      const d = content.datasets.find((x) => x.scenario === s);
      out[s] = d ? digest(d.data) : '';
    } else {
      const mine = content.datasets.filter((d) => d.scenario === s && d.role !== 'start');
      const ys: number[] = [];
      for (const d of mine) for (const p of d.data) ys.push(p.y);
      out[s] = mine.length ? digest(ys) : '';
    }
  }
  return out;
}

/**
 * Creates a chart on the canvas once; whenever the data `update` reads change,
 * `update` puts them into the chart at once and the chart is drawn in the
 * next animation frame if it is on screen, else when it scrolls into view
 * (drawQueue.ts); not when `update` returns false (nothing worth drawing yet,
 * e.g. before the first results: the canvas stays blank rather than drawing
 * empty axes while the first runs need the cores). `drawn` runs after each draw.
 */
export function chartAttachment<T extends ChartType>(
  config: () => ChartConfiguration<T>,
  update: (chart: Chart<T>, canvas: HTMLCanvasElement) => boolean | void,
  drawn: (chart: Chart<T>, canvas: HTMLCanvasElement) => void = () => {},
): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    const chart = untrack(() => {
      const c = config();
      c.plugins = [...(c.plugins ?? []), drawnPlugin as unknown as Plugin<T>];
      return new Chart(canvas, c);
    });
    // The instance, for the browser tests (to compare exports with what is drawn).
    Object.defineProperty(canvas, 'chart', { value: chart, configurable: true });
    const queue = track(chart as unknown as Chart, canvas, () => drawn(chart, canvas));
    $effect(() => {
      const worthDrawing = update(chart, canvas) !== false;
      // As chart.update() would: the next `update` reads options resolved afresh, not a
      // resolver over the objects this one wrote (which Chart.js cannot resolve twice).
      const c = chart.config as unknown as {
        update(): void;
        createResolver(scopes: unknown, context: unknown): unknown;
        chartOptionScopes(): unknown;
      };
      c.update();
      (chart as unknown as { _options: unknown })._options = c.createResolver(
        c.chartOptionScopes(),
        chart.getContext(),
      );
      if (worthDrawing) queue.changed();
    });
    return () => {
      queue.stop();
      chart.destroy();
      delete (canvas as { chart?: unknown }).chart;
    };
  };
}

/**
 * Draws `content` on a new, detached canvas of `width`×`height` CSS pixels
 * at `pixelRatio` (not responsive, not animated), and returns that canvas.
 * The chart is destroyed afterwards; the canvas keeps the picture.
 */
export function drawDetached(
  content: ChartContent,
  width: number,
  height: number,
  pixelRatio: number,
  style: ChartStyle,
): HTMLCanvasElement {
  return renderDetached(width, height, (canvas) => {
    const chart = new Chart(
      canvas,
      baseConfig(content, {
        responsive: false,
        devicePixelRatio: pixelRatio,
      }) as ChartConfiguration,
    );
    configure(chart as Chart, content, style);
    return chart as Chart;
  });
}
