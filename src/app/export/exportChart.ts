/**
 * A chart's exports: the PNG at a presentation size (the chart drawn again on
 * a detached canvas of the plot's size, with the caption line under it), and
 * its data as CSV. Runs in the page (DOM canvas); the pieces are tested in Node.
 */
import {
  captionMeasure,
  exportFileName,
  exportPixelRatio,
  planExport,
  renderExport,
  shortLink,
  selectSize,
  type CaptionInput,
  type SizeName,
} from '../../export/png.ts';
import type { Lang } from '../../i18n/index.ts';
import { shareUrl } from '../../share/embed.ts';
import type { AppState } from '../../share/urlState.ts';
import { drawDetached, imageStyle } from '../charts/chart.svelte.ts';
import { contentCsv, type ChartContent } from '../charts/content.ts';
import { captionNames } from './state.ts';

/** The caption of an image: the scenario names and the short link that reproduces the view. */
export function captionOf(state: AppState, lang: Lang, href: string): CaptionInput {
  return {
    names: captionNames(state, lang),
    link: shortLink(shareUrl(href, { ...state, embed: null })),
  };
}

export interface PngRequest {
  content: ChartContent;
  size: SizeName;
  state: AppState;
  lang: Lang;
  href: string;
  /** Default: the screen's, at least 2. */
  pixelRatio?: number;
  /** Notices about the figures (an embed's: another model version, values not used), drawn above the caption. */
  notices?: readonly string[];
}

/** The image's canvas (white, the chart titled, the caption at the bottom) and its file name. */
export function chartImage(req: PngRequest): {
  canvas: HTMLCanvasElement | OffscreenCanvas;
  fileName: string;
} {
  const size = selectSize(req.size);
  const ratio = req.pixelRatio ?? exportPixelRatio(globalThis.devicePixelRatio);
  const caption = captionOf(req.state, req.lang, req.href);
  const notices = req.notices ?? [];
  // The plot's size once the caption and notices are wrapped (they take what lines they need).
  const { layout } = planExport(
    { size, pixelRatio: ratio, caption, title: req.content.title, notices },
    captionMeasure(size),
  );
  const source = drawDetached(
    req.content,
    layout.plot.width,
    layout.plot.height,
    ratio,
    imageStyle(size.height),
  );
  const canvas = renderExport({
    size,
    pixelRatio: ratio,
    source,
    caption,
    title: req.content.title,
    notices,
  });
  return { canvas, fileName: exportFileName(req.content.id, 'png', size) };
}

/** The chart's data as a CSV file. */
export function chartCsvFile(content: ChartContent, lang: Lang): { blob: Blob; fileName: string } {
  return {
    blob: new Blob([contentCsv(content, lang)], { type: 'text/csv;charset=utf-8' }),
    fileName: exportFileName(content.id, 'csv'),
  };
}
