/**
 * Chart.js set-up (only the parts used) and an attachment that creates a
 * chart on its canvas once, then redraws it without animation whenever the
 * data its `update` reads change.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
} from 'chart.js';
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  CategoryScale,
  BarController,
  BarElement,
  Tooltip,
);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.font.size = 11;
Chart.defaults.color = '#333';

export function chartAttachment<T extends ChartType>(
  config: () => ChartConfiguration<T>,
  update: (chart: Chart<T>, canvas: HTMLCanvasElement) => void,
): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    const chart = untrack(() => new Chart(canvas, config()));
    $effect(() => {
      update(chart, canvas);
      chart.update('none');
    });
    return () => chart.destroy();
  };
}

/** Options shared by the line charts: no animation, pre-parsed data, no points. */
export function lineOptions(): ChartConfiguration<'line'>['options'] {
  return {
    animation: false,
    parsing: false,
    normalized: true,
    responsive: true,
    maintainAspectRatio: false,
    spanGaps: false,
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    elements: { point: { radius: 0, hitRadius: 4, hoverRadius: 3 }, line: { tension: 0 } },
    scales: {
      x: {
        type: 'linear',
        title: { display: true, text: 'Year' },
        ticks: { precision: 0, maxTicksLimit: 8, callback: (v) => String(v) },
      },
      y: { type: 'linear', title: { display: true, text: '' }, ticks: { maxTicksLimit: 6 } },
    },
    plugins: {
      // One legend in HTML serves all charts (see ChartGrid).
      legend: { display: false },
      tooltip: {
        callbacks: {
          title: (items) => {
            const x = items[0]?.parsed.x ?? 0;
            return `${Math.floor(x)}Q${Math.round((x - Math.floor(x)) * 4) + 1}`;
          },
          label: (item) => `${item.dataset.label}: ${(item.parsed.y ?? NaN).toFixed(2)}`,
        },
      },
    },
  };
}
