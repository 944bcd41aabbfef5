/**
 * Chart.js configurations of the tornado (horizontal floating bars from the
 * base value, a line at the base, the lever's value written at each bar's
 * end) and of the heat map (chartjs-chart-matrix cells, values written in
 * the cells, a colour legend at the right), for the screen and for images;
 * and drawing either on a detached canvas for the PNG export.
 */
import { renderDetached } from '../charts/detached.ts';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';
import type { HeatView, TornadoView } from './views.ts';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
  MatrixController,
  MatrixElement,
);

/** Okabe-Ito sky blue and vermillion: low and high stay apart with any colour vision. */
export const LOW_COLOUR = '#56B4E9';
export const HIGH_COLOUR = '#D55E00';
const INK = '#333333';
const FONT = 'system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans JP", sans-serif';

export interface SensStyle {
  /** Font size in CSS px. */
  font: number;
  responsive: boolean;
  devicePixelRatio?: number;
}

export const SCREEN: SensStyle = { font: 11, responsive: true };

/** For an image `height` CSS px high (1080 or 720): type that reads on a slide. */
export function imageSensStyle(height: number, ratio: number): SensStyle {
  return { font: Math.round(20 * (height / 1080)), responsive: false, devicePixelRatio: ratio };
}

const font = (size: number, weight?: 'bold') => ({ size, family: FONT, weight });

/** A vertical dashed line at the base value, with its value written above the plot. */
function baseLine(view: TornadoView, style: SensStyle): Plugin<'bar'> {
  return {
    id: 'sensBaseLine',
    afterDatasetsDraw(chart) {
      const x = chart.scales.x?.getPixelForValue(view.base);
      const area = chart.chartArea;
      if (x === undefined || !Number.isFinite(x)) return;
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = INK;
      ctx.lineWidth = Math.max(1.5, style.font / 7);
      ctx.setLineDash([style.font * 0.5, style.font * 0.35]);
      ctx.beginPath();
      ctx.moveTo(x, area.top - style.font * 0.3);
      ctx.lineTo(x, area.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = INK;
      ctx.font = `600 ${style.font}px ${FONT}`;
      ctx.textBaseline = 'bottom';
      const w = ctx.measureText(view.baseText).width;
      // Centred on the line, kept inside the canvas.
      const left = Math.min(Math.max(x - w / 2, 2), chart.width - w - 2);
      ctx.textAlign = 'left';
      ctx.fillText(view.baseText, left, area.top - style.font * 0.4);
      ctx.restore();
    },
  };
}

/** The lever's value at each bar's far end ("0%/year"), so that low and high read as text too. */
function endLabels(view: TornadoView, style: SensStyle): Plugin<'bar'> {
  return {
    id: 'sensEndLabels',
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = `${Math.round(style.font * 0.9)}px ${FONT}`;
      ctx.fillStyle = INK;
      ctx.textBaseline = 'middle';
      chart.data.datasets.forEach((_, d) => {
        const meta = chart.getDatasetMeta(d);
        if (meta.hidden) return;
        const texts = d === 0 ? view.lowShort : view.highShort;
        const pairs = d === 0 ? view.low : view.high;
        meta.data.forEach((el, i) => {
          const [b, v] = pairs[i] ?? [NaN, NaN];
          if (!Number.isFinite(v)) return;
          const { x, base, y } = el.getProps(['x', 'base', 'y'], true) as {
            x: number;
            base: number;
            y: number;
          };
          const right = v >= b;
          const end = right ? Math.max(x, base) : Math.min(x, base);
          ctx.textAlign = right ? 'left' : 'right';
          ctx.fillText(texts[i], end + (right ? 4 : -4), y);
        });
      });
      ctx.restore();
    },
  };
}

export function tornadoConfig(view: TornadoView, style: SensStyle): ChartConfiguration<'bar'> {
  const f = style.font;
  return {
    type: 'bar',
    data: {
      labels: view.axisLabels,
      datasets: [
        {
          label: view.legendLow,
          data: view.low,
          backgroundColor: LOW_COLOUR,
          borderColor: '#1f6f9f',
          borderWidth: 1,
        },
        {
          label: view.legendHigh,
          data: view.high,
          backgroundColor: HIGH_COLOUR,
          borderColor: '#8a3d00',
          borderWidth: 1,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: style.responsive,
      maintainAspectRatio: false,
      ...(style.devicePixelRatio ? { devicePixelRatio: style.devicePixelRatio } : {}),
      layout: { padding: { top: Math.round(f * 1.6), right: 8 } },
      datasets: { bar: { categoryPercentage: 0.84, barPercentage: 0.92 } },
      scales: {
        x: {
          type: 'linear',
          // Room at both ends for the lever values written there.
          grace: '22%',
          title: { display: true, text: view.axisTitle, font: font(f, 'bold'), color: INK },
          ticks: { font: font(f), color: INK, maxTicksLimit: 7 },
          grid: { color: '#e6e6e6' },
        },
        y: {
          type: 'category',
          ticks: { font: font(f), color: INK, autoSkip: false },
          grid: { display: false },
        },
      },
      plugins: {
        legend: {
          display: true,
          position: 'bottom',
          onClick: () => {},
          labels: { font: font(f), color: INK, boxWidth: Math.round(f * 1.8) },
        },
        tooltip: {
          bodyFont: font(f),
          titleFont: font(f, 'bold'),
          callbacks: {
            title: (items) => view.labels[items[0]?.dataIndex ?? 0] ?? '',
            label: (item) =>
              (item.datasetIndex === 0 ? view.lowTip : view.highTip)[item.dataIndex] ?? '',
          },
        },
      },
    },
    plugins: [baseLine(view, style), endLabels(view, style)],
  };
}

/** Values written in the cells when they are big enough to hold them. */
function cellTexts(view: HeatView, style: SensStyle): Plugin<'matrix'> {
  return {
    id: 'sensCellTexts',
    afterDatasetsDraw(chart) {
      const meta = chart.getDatasetMeta(0);
      const ctx = chart.ctx;
      const size = Math.round(style.font * 0.95);
      ctx.save();
      ctx.font = `${size}px ${FONT}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      meta.data.forEach((el, i) => {
        const cell = view.cells[i];
        const e = el as unknown as {
          width: number;
          height: number;
          getCenterPoint(): { x: number; y: number };
        };
        if (!cell || e.height < size * 1.3) return;
        if (ctx.measureText(cell.text).width > e.width - 4) return;
        const c = e.getCenterPoint();
        ctx.fillStyle = cell.textColour;
        ctx.fillText(cell.text, c.x, c.y);
      });
      ctx.restore();
    },
  };
}

/** The colour scale at the right of the plot: a gradient from the lowest value (bottom) to the highest. */
function colourLegend(view: HeatView, style: SensStyle): Plugin<'matrix'> {
  return {
    id: 'sensColourLegend',
    afterDraw(chart) {
      const area = chart.chartArea;
      const ctx = chart.ctx;
      const f = style.font;
      const barW = Math.round(f * 1.3);
      const x = area.right + Math.round(f * 1.2);
      const top = area.top + f * 0.6;
      const bottom = area.bottom;
      const g = ctx.createLinearGradient(0, bottom, 0, top);
      for (let k = 0; k <= 8; k++)
        g.addColorStop(
          k / 8,
          view.scale.colour(view.scale.min + ((view.scale.max - view.scale.min) * k) / 8),
        );
      ctx.save();
      ctx.fillStyle = g;
      ctx.fillRect(x, top, barW, bottom - top);
      ctx.strokeStyle = '#999999';
      ctx.lineWidth = 1;
      ctx.strokeRect(x, top, barW, bottom - top);
      ctx.fillStyle = INK;
      ctx.font = `${f}px ${FONT}`;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      const ticks = view.scale.max > view.scale.min ? 5 : 1;
      for (let k = 0; k < ticks; k++) {
        const p = ticks === 1 ? 0.5 : k / (ticks - 1);
        const v = view.scale.min + (view.scale.max - view.scale.min) * (ticks === 1 ? 0 : p);
        const y = bottom - (bottom - top) * p;
        ctx.fillText(fmt(v, view.digits), x + barW + f * 0.4, y);
      }
      ctx.textBaseline = 'bottom';
      ctx.font = `600 ${f}px ${FONT}`;
      const title = view.legendTitle;
      const w = ctx.measureText(title).width;
      ctx.textAlign = 'left';
      ctx.fillText(title, Math.max(2, Math.min(x, chart.width - w - 2)), top - f * 0.9);
      ctx.restore();
    },
  };
}

const fmt = (v: number, digits: number) => (Number.isFinite(v) ? v.toFixed(digits) : '–');

export function heatConfig(view: HeatView, style: SensStyle): ChartConfiguration<'matrix'> {
  const f = style.font;
  const cols = view.xLabels.length;
  const rows = view.yLabels.length;
  // Room at the right for the colour legend and its numbers.
  const legendRoom = Math.round(f * 7.5);
  return {
    type: 'matrix',
    data: {
      datasets: [
        {
          label: view.legendTitle,
          data: view.cells.map((c) => ({ x: c.x, y: c.y, v: c.v })),
          backgroundColor: view.cells.map((c) => c.colour),
          borderColor: '#ffffff',
          borderWidth: 1,
          width: ({ chart }) => (chart.chartArea?.width ?? 0) / cols,
          height: ({ chart }) => (chart.chartArea?.height ?? 0) / rows,
        },
      ],
    },
    options: {
      animation: false,
      responsive: style.responsive,
      maintainAspectRatio: false,
      ...(style.devicePixelRatio ? { devicePixelRatio: style.devicePixelRatio } : {}),
      layout: { padding: { top: Math.round(f * 2.2), right: legendRoom } },
      scales: {
        x: {
          type: 'linear',
          offset: false,
          min: -0.5,
          max: cols - 0.5,
          afterBuildTicks: (axis) => {
            axis.ticks = view.xLabels.map((_, i) => ({ value: i }));
          },
          title: { display: true, text: view.xTitle, font: font(f, 'bold'), color: INK },
          ticks: {
            font: font(f),
            color: INK,
            stepSize: 1,
            maxRotation: 0,
            callback: (v) => view.xLabels[Number(v)] ?? '',
          },
          grid: { display: false },
        },
        y: {
          type: 'linear',
          offset: false,
          min: -0.5,
          max: rows - 0.5,
          // The matrix chart turns y upside down by default: the lowest value goes at the bottom here.
          reverse: false,
          afterBuildTicks: (axis) => {
            axis.ticks = view.yLabels.map((_, i) => ({ value: i }));
          },
          title: { display: true, text: view.yTitle, font: font(f, 'bold'), color: INK },
          ticks: {
            font: font(f),
            color: INK,
            stepSize: 1,
            callback: (v) => view.yLabels[Number(v)] ?? '',
          },
          grid: { display: false },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          bodyFont: font(f),
          titleFont: font(f, 'bold'),
          callbacks: {
            title: () => '',
            label: (item) => view.cellTips[item.dataIndex] ?? '',
          },
        },
      },
    },
    plugins: [cellTexts(view, style), colourLegend(view, style)],
  };
}

/** Draws a configuration on a new detached canvas of `width`×`height` CSS px; returns a copy of the picture. */
export function drawDetached(
  config: ChartConfiguration<'bar'> | ChartConfiguration<'matrix'>,
  width: number,
  height: number,
  ratio: number,
): HTMLCanvasElement {
  const options = { ...config.options, responsive: false, devicePixelRatio: ratio };
  return renderDetached(
    width,
    height,
    (canvas) => new Chart(canvas, { ...config, options } as ChartConfiguration),
  );
}
