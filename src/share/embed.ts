/**
 * Links for sharing and embedding: the page URL with the state in its query,
 * and the iframe snippet of an embed, whose state is pinned (full scenarios
 * and the model version) so that a later default change does not alter it.
 */
import { encodePinned, encodeState, pinnedState, type AppState, type ChartId } from './urlState.ts';

/** `base` without its query and hash (e.g. location.href). */
export function pageBase(href: string): string {
  const cut = href.search(/[?#]/);
  return cut >= 0 ? href.slice(0, cut) : href;
}

/** The link that reproduces `state` (what "Copy link" copies and replaceState writes). */
export function shareUrl(href: string, state: AppState): string {
  return `${pageBase(href)}?${encodeState(state)}`;
}

/** The URL of the embed view of one chart, with the full state pinned. */
export function embedUrl(href: string, state: AppState, chart: ChartId): string {
  return `${pageBase(href)}?${encodePinned(pinnedState({ ...state, embed: chart }))}`;
}

function escapeAttr(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export interface IframeOptions {
  title: string;
  width?: number;
  height?: number;
}

/** The HTML to paste into a page or slide tool: a responsive-width iframe of the embed view. */
export function iframeSnippet(src: string, opts: IframeOptions): string {
  const { title, width = 800, height = 500 } = opts;
  return (
    `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="${width}" height="${height}"` +
    ` style="border:0;max-width:100%" loading="lazy"></iframe>`
  );
}
