/**
 * Chart images for slides: a white canvas at a presentation size (1920×1080
 * or 1280×720, times a pixel ratio for sharpness), the chart drawn into the
 * plot area and a caption line at the bottom with the scenario names and a
 * short link, so that a slide carries its provenance. No Chart.js here: the
 * caller passes a source canvas or a drawing callback.
 *
 * The layout and caption fitting are pure (measured with an injected text
 * measure) and tested in Node; the drawing uses the DOM canvas API.
 */

export const PRESENTATION_SIZES = {
  '1080p': { width: 1920, height: 1080 },
  '720p': { width: 1280, height: 720 },
} as const;
export type SizeName = keyof typeof PRESENTATION_SIZES;

export interface Size {
  width: number;
  height: number;
}

/** The size for a name ('1080p' if unknown). */
export function selectSize(name: string): Size & { name: SizeName } {
  const key: SizeName = name in PRESENTATION_SIZES ? (name as SizeName) : '1080p';
  return { name: key, ...PRESENTATION_SIZES[key] };
}

/** The pixel ratio of the image: at least 2 (sharp when a slide is scaled up), at most 4. */
export function exportPixelRatio(devicePixelRatio: number | undefined): number {
  const d = Number.isFinite(devicePixelRatio) ? (devicePixelRatio as number) : 1;
  return Math.min(4, Math.max(2, d));
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ExportLayout {
  /** Size in CSS pixels (the presentation size). */
  width: number;
  height: number;
  pixelRatio: number;
  /** Bitmap size: width and height times the pixel ratio. */
  canvasWidth: number;
  canvasHeight: number;
  margin: number;
  /** Title line at the top (empty height when there is no title). */
  title: Rect;
  plot: Rect;
  caption: Rect;
  titleFontPx: number;
  captionFontPx: number;
}

/** Where the title, plot and caption go, in CSS pixels, scaled to the image height. */
export function exportLayout(size: Size, pixelRatio: number, hasTitle: boolean): ExportLayout {
  const u = size.height / 1080;
  const margin = Math.round(48 * u);
  const titleFontPx = Math.round(40 * u);
  const captionFontPx = Math.round(22 * u);
  const titleH = hasTitle ? Math.round(titleFontPx * 1.6) : 0;
  const captionH = Math.round(captionFontPx * 2);
  const inner = size.width - 2 * margin;
  const title = { x: margin, y: margin, width: inner, height: titleH };
  const caption = {
    x: margin,
    y: size.height - margin - captionH + Math.round(captionFontPx * 0.5),
    width: inner,
    height: captionH,
  };
  const plotY = margin + titleH;
  const plot = { x: margin, y: plotY, width: inner, height: caption.y - plotY - Math.round(8 * u) };
  return {
    width: size.width,
    height: size.height,
    pixelRatio,
    canvasWidth: Math.round(size.width * pixelRatio),
    canvasHeight: Math.round(size.height * pixelRatio),
    margin,
    title,
    plot,
    caption,
    titleFontPx,
    captionFontPx,
  };
}

/** Width of a text in CSS pixels (ctx.measureText in the browser). */
export type Measure = (text: string) => number;

const ELLIPSIS = '…';

/** `text` cut at the end with "…" to fit `max` (whole code points). */
export function truncateEnd(text: string, max: number, measure: Measure): string {
  if (measure(text) <= max) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(chars.slice(0, mid).join('').trimEnd() + ELLIPSIS) <= max) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0
    ? measure(ELLIPSIS) <= max
      ? ELLIPSIS
      : ''
    : chars.slice(0, lo).join('').trimEnd() + ELLIPSIS;
}

/** `text` with its middle replaced by "…" to fit `max` (keeps the start and end of a link). */
export function truncateMiddle(text: string, max: number, measure: Measure): string {
  if (measure(text) <= max) return text;
  const chars = [...text];
  const cut = (keep: number) => {
    const head = Math.ceil(keep * 0.6);
    return (
      chars.slice(0, head).join('') + ELLIPSIS + chars.slice(chars.length - (keep - head)).join('')
    );
  };
  // The most characters kept (around one "…") that still fit.
  let lo = 0;
  let hi = chars.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(cut(mid)) <= max) lo = mid;
    else hi = mid - 1;
  }
  if (lo > 0) return cut(lo);
  return measure(ELLIPSIS) <= max ? ELLIPSIS : '';
}

/** The link as shown in a caption: without "https://" and "www.". */
export function shortLink(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/^www\./, '');
}

export interface CaptionInput {
  /** E.g. ["A: Large-firm-led model", "B: Layered value chain"]. */
  names: readonly string[];
  link: string;
  /** Between the names and before the link. */
  separator?: string;
}

export interface CaptionLine {
  /** Left part: the names, joined and cut to fit. */
  names: string;
  /** Right part: the short link, cut in the middle if it must be. */
  link: string;
  /** The whole line, as one text (e.g. for alt text). */
  text: string;
}

/**
 * Fits the caption into `maxWidth`: the link keeps at least 45% of the line
 * (cut in the middle when longer, so both its host and its end show); the
 * names take the rest and are cut at the end.
 */
export function fitCaption(input: CaptionInput, maxWidth: number, measure: Measure): CaptionLine {
  const sep = input.separator ?? ' · ';
  const gap = measure('    ');
  const fullNames = input.names.join(sep);
  const link = shortLink(input.link);
  const namesW = measure(fullNames);
  const linkMax = Math.max(maxWidth * 0.45, maxWidth - gap - namesW);
  const fittedLink = truncateMiddle(link, Math.min(linkMax, maxWidth), measure);
  const namesMax = maxWidth - gap - measure(fittedLink);
  const fittedNames = truncateEnd(fullNames, Math.max(0, namesMax), measure);
  if (fittedNames === '') {
    // No room for the names: the link alone, on the whole line.
    const alone = truncateMiddle(link, maxWidth, measure);
    return { names: '', link: alone, text: alone };
  }
  return {
    names: fittedNames,
    link: fittedLink,
    text: [fittedNames, fittedLink].filter(Boolean).join(sep),
  };
}

/** File name of an image or CSV: "wage-1920x1080.png". */
export function exportFileName(chartId: string, ext: 'png' | 'csv', size?: Size): string {
  const safe = chartId.replace(/[^\w-]+/g, '-') || 'chart';
  return size ? `${safe}-${size.width}x${size.height}.${ext}` : `${safe}.${ext}`;
}

/* ------------------------------------------------------------ drawing (DOM) */

type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
type AnyCanvas = HTMLCanvasElement | OffscreenCanvas;

export interface RenderOptions {
  size: Size;
  pixelRatio: number;
  /** Drawn into the plot area: a canvas (scaled to fit, aspect kept) or a callback drawing in CSS pixels. */
  source: CanvasImageSource | ((ctx: Ctx, plot: Rect) => void);
  caption: CaptionInput;
  title?: string;
  fontFamily?: string;
  /** Makes the canvas; default OffscreenCanvas where it exists, else a <canvas>. */
  createCanvas?: (width: number, height: number) => AnyCanvas;
}

function defaultCanvas(width: number, height: number): AnyCanvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  return c;
}

function sourceSize(src: CanvasImageSource): Size {
  const s = src as { width?: number | { baseVal?: { value: number } }; height?: unknown };
  const w = typeof s.width === 'number' ? s.width : 0;
  const h = typeof s.height === 'number' ? s.height : 0;
  return { width: w, height: h };
}

/** Draws the export image and returns its canvas. */
export function renderExport(opts: RenderOptions): AnyCanvas {
  const layout = exportLayout(opts.size, opts.pixelRatio, !!opts.title);
  const canvas = (opts.createCanvas ?? defaultCanvas)(layout.canvasWidth, layout.canvasHeight);
  const ctx = canvas.getContext('2d') as Ctx | null;
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  const font =
    opts.fontFamily ??
    'system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans JP", sans-serif';
  ctx.setTransform(layout.pixelRatio, 0, 0, layout.pixelRatio, 0, 0);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);

  if (opts.title) {
    ctx.fillStyle = '#111111';
    ctx.font = `600 ${layout.titleFontPx}px ${font}`;
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    const measure = (t: string) => ctx.measureText(t).width;
    ctx.fillText(
      truncateEnd(opts.title, layout.title.width, measure),
      layout.title.x,
      layout.title.y,
    );
  }

  const p = layout.plot;
  if (typeof opts.source === 'function') {
    ctx.save();
    ctx.beginPath();
    ctx.rect(p.x, p.y, p.width, p.height);
    ctx.clip();
    opts.source(ctx, p);
    ctx.restore();
  } else {
    const s = sourceSize(opts.source);
    const k = s.width > 0 && s.height > 0 ? Math.min(p.width / s.width, p.height / s.height) : 1;
    const w = s.width * k;
    const h = s.height * k;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(opts.source, p.x + (p.width - w) / 2, p.y + (p.height - h) / 2, w, h);
  }

  ctx.font = `${layout.captionFontPx}px ${font}`;
  ctx.textBaseline = 'middle';
  const measure = (t: string) => ctx.measureText(t).width;
  const line = fitCaption(opts.caption, layout.caption.width, measure);
  const cy = layout.caption.y + layout.caption.height / 2;
  ctx.strokeStyle = '#cccccc';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(layout.caption.x, layout.caption.y);
  ctx.lineTo(layout.caption.x + layout.caption.width, layout.caption.y);
  ctx.stroke();
  ctx.fillStyle = '#333333';
  ctx.textAlign = 'left';
  ctx.fillText(line.names, layout.caption.x, cy);
  ctx.fillStyle = '#555555';
  ctx.textAlign = 'right';
  ctx.fillText(line.link, layout.caption.x + layout.caption.width, cy);
  return canvas;
}

/** The canvas as a PNG blob. */
export async function canvasToPng(canvas: AnyCanvas): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: 'image/png' });
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('the image could not be made'))),
      'image/png',
    ),
  );
}

/** Saves a blob as a file through a temporary link (the browser's download). */
export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export type ClipboardResult =
  { ok: true } | { ok: false; reason: 'unsupported' | 'denied' | 'failed'; message: string };

interface ClipboardEnv {
  navigator?: { clipboard?: { write?: (items: ClipboardItem[]) => Promise<void> } };
  ClipboardItem?: typeof ClipboardItem;
}

/**
 * Copies a PNG to the clipboard where the browser allows it. Pass the blob's
 * promise directly from the click handler (Safari needs the ClipboardItem made
 * during the user's gesture). Never throws; the result says what happened
 * (i18n keys `export.clipboard.<reason>`).
 */
export async function copyImageToClipboard(
  blob: Blob | Promise<Blob>,
  env: ClipboardEnv = globalThis as unknown as ClipboardEnv,
): Promise<ClipboardResult> {
  const write = env.navigator?.clipboard?.write;
  const Item = env.ClipboardItem;
  if (typeof write !== 'function' || typeof Item !== 'function') {
    return {
      ok: false,
      reason: 'unsupported',
      message: 'This browser cannot copy images; download the PNG instead.',
    };
  }
  if (typeof Item.supports === 'function' && !Item.supports('image/png')) {
    return {
      ok: false,
      reason: 'unsupported',
      message: 'This browser cannot copy PNG images; download the PNG instead.',
    };
  }
  try {
    await write.call(env.navigator!.clipboard, [new Item({ 'image/png': blob })]);
    return { ok: true };
  } catch (e) {
    const name = (e as { name?: string })?.name;
    if (name === 'NotAllowedError' || name === 'SecurityError') {
      return {
        ok: false,
        reason: 'denied',
        message: 'The browser did not allow copying to the clipboard; download the PNG instead.',
      };
    }
    return { ok: false, reason: 'failed', message: `Copying failed (${String(e)}).` };
  }
}
