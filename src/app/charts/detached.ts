import type { Chart } from 'chart.js';

/**
 * Draws a chart on a new, detached canvas of `width`×`height` CSS pixels and
 * returns a copy of the picture. `create` makes the chart (not responsive, not
 * animated) on the canvas it is given; the chart is destroyed afterwards.
 */
export function renderDetached(
  width: number,
  height: number,
  create: (canvas: HTMLCanvasElement) => Chart,
): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width);
  canvas.height = Math.round(height);
  canvas.style.width = `${Math.round(width)}px`;
  canvas.style.height = `${Math.round(height)}px`;
  const chart = create(canvas);
  chart.update('none');
  // Keep the picture: destroy() clears the canvas, so copy it first.
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  copy.getContext('2d')!.drawImage(canvas, 0, 0);
  chart.destroy();
  return copy;
}
