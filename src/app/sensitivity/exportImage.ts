/**
 * The sensitivity charts' exports, as the other charts': a PNG at a
 * presentation size (white, the chart drawn again at the plot's size, type
 * for slides, a caption naming the scenario and a short link) and the data
 * as a CSV file. Runs in the page.
 */
import type { ChartConfiguration } from 'chart.js';
import {
  exportFileName,
  exportLayout,
  exportPixelRatio,
  renderExport,
  selectSize,
  shortLink,
  type SizeName,
} from '../../export/png.ts';
import type { Lang } from '../../i18n/index.ts';
import { translate } from '../../i18n/index.ts';
import { shareUrl } from '../../share/embed.ts';
import type { AppState } from '../../share/urlState.ts';
import { captionNames } from '../export/state.ts';
import { drawDetached, imageSensStyle, type SensStyle } from './charts.ts';
import type { ScenarioId } from './settings.ts';

export interface SensImageRequest {
  /** File name stem, e.g. "sensitivity-tornado". */
  name: string;
  title: string;
  config: (style: SensStyle) => ChartConfiguration<'bar'> | ChartConfiguration<'matrix'>;
  size: SizeName;
  state: AppState;
  scenario: ScenarioId;
  runs: number;
  lang: Lang;
  href: string;
  pixelRatio?: number;
}

/** The caption's parts: the scenario (its preset, "modified" if edited) and the runs per point. */
export function sensCaptionNames(
  state: AppState,
  scenario: ScenarioId,
  runs: number,
  lang: Lang,
): string[] {
  const names = captionNames(state, lang);
  return [
    names[scenario === 'A' ? 0 : 1],
    translate(lang, runs === 1 ? 'sens.captionOne' : 'sens.caption', { runs }),
  ];
}

export function sensImage(req: SensImageRequest): {
  canvas: HTMLCanvasElement | OffscreenCanvas;
  fileName: string;
} {
  const size = selectSize(req.size);
  const ratio = req.pixelRatio ?? exportPixelRatio(globalThis.devicePixelRatio);
  const layout = exportLayout(size, ratio, true);
  const source = drawDetached(
    req.config(imageSensStyle(size.height, ratio)),
    layout.plot.width,
    layout.plot.height,
    ratio,
  );
  const canvas = renderExport({
    size,
    pixelRatio: ratio,
    source,
    caption: {
      names: sensCaptionNames(req.state, req.scenario, req.runs, req.lang),
      link: shortLink(shareUrl(req.href, { ...req.state, embed: null })),
    },
    title: req.title,
  });
  return { canvas, fileName: exportFileName(req.name, 'png', size) };
}

export function csvFile(name: string, csv: string): { blob: Blob; fileName: string } {
  return {
    blob: new Blob([csv], { type: 'text/csv;charset=utf-8' }),
    fileName: exportFileName(name, 'csv'),
  };
}
