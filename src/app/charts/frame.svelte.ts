/**
 * The embed view's frame (CSS px), which the view keeps up to date: its
 * chart's type and lines scale with it (embedStyle in chart.svelte.ts). Apart
 * from the charts' code, so that the app's state does not load Chart.js.
 */
export class EmbedFrame {
  width = $state(800);
  height = $state(500);
}
