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
  /** Notices about the figures (e.g. another model version), above the caption; empty without. */
  notice: Rect;
  caption: Rect;
  titleFontPx: number;
  captionFontPx: number;
  /** Height of one caption or notice line. */
  lineHeight: number;
}

/** Lines of text under the plot: the caption's (at least 1) and the notices' (0 without). */
export interface ExportLines {
  caption?: number;
  notice?: number;
}

/**
 * Where the title, plot, notices and caption go, in CSS pixels, scaled to
 * the image height; the caption and notices take as many lines as they wrap to.
 */
export function exportLayout(
  size: Size,
  pixelRatio: number,
  hasTitle: boolean,
  lines: ExportLines = {},
): ExportLayout {
  const u = size.height / 1080;
  const margin = Math.round(48 * u);
  const titleFontPx = Math.round(40 * u);
  const captionFontPx = Math.round(24 * u);
  const lineHeight = Math.round(captionFontPx * 1.35);
  const titleH = hasTitle ? Math.round(titleFontPx * 1.6) : 0;
  const captionLines = Math.max(1, lines.caption ?? 1);
  const noticeLines = Math.max(0, lines.notice ?? 0);
  const pad = Math.round(captionFontPx * 0.5);
  const captionH = captionLines * lineHeight + pad;
  const noticeH = noticeLines > 0 ? noticeLines * lineHeight + 2 * pad : 0;
  const inner = size.width - 2 * margin;
  const title = { x: margin, y: margin, width: inner, height: titleH };
  const caption = {
    x: margin,
    y: size.height - margin - captionH + pad,
    width: inner,
    height: captionH,
  };
  const notice = {
    x: margin,
    y: caption.y - noticeH - (noticeH > 0 ? pad : 0),
    width: inner,
    height: noticeH,
  };
  const plotY = margin + titleH;
  const plotEnd = (noticeH > 0 ? notice.y : caption.y) - Math.round(8 * u);
  const plot = { x: margin, y: plotY, width: inner, height: plotEnd - plotY };
  return {
    width: size.width,
    height: size.height,
    pixelRatio,
    canvasWidth: Math.round(size.width * pixelRatio),
    canvasHeight: Math.round(size.height * pixelRatio),
    margin,
    title,
    plot,
    notice,
    caption,
    titleFontPx,
    captionFontPx,
    lineHeight,
  };
}

/**
 * The type size of a chart alone in a frame of `width`×`height` CSS pixels
 * (an embed in a slide): as an exported image of that height would have it
 * (16 px on a 1280×720 slide), never under the screen's 13 px.
 */
export function frameFontPx(width: number, height: number): number {
  const w = Number.isFinite(width) && width > 0 ? width : 800;
  const h = Number.isFinite(height) && height > 0 ? height : 500;
  return Math.max(13, Math.round(Math.min(w / 1280, h / 720) * 17));
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

/** Pieces a line may break between: words with their spaces, or single CJK characters. */
const BREAKS =
  /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef](?:[、。，．）」』・ー]*)|[^\s\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+\s*|\s+/gu;

/**
 * `text` broken into lines no wider than `max` (between words, or between
 * Japanese characters, never before a closing mark); a piece wider than a
 * line alone is broken between characters. Nothing is cut off.
 */
export function wrapText(text: string, max: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim() !== '') lines.push(line.trimEnd());
    line = '';
  };
  for (const piece of text.match(BREAKS) ?? []) {
    if (measure((line + piece).trimEnd()) <= max) {
      line += piece;
      continue;
    }
    push();
    if (measure(piece.trimEnd()) <= max) {
      line = piece.trimStart();
      continue;
    }
    for (const ch of piece) {
      if (line !== '' && measure(line + ch) > max) push();
      line += ch;
    }
  }
  push();
  return lines;
}

export interface WrappedCaption {
  /** Lines of the names, each whole name kept together where it fits. */
  names: string[];
  /** The short link: on the last names line (right) when it fits there, else on a line of its own. */
  link: string;
  /** Whether the link shares the last names line. */
  linkInline: boolean;
  lines: number;
}

/**
 * The caption wrapped into `maxWidth` instead of cut: the names (each kept
 * whole where it fits on a line) then the link, on the same line if there
 * is room. Only a link wider than a whole line is cut (in its middle).
 */
export function wrapCaption(
  input: CaptionInput,
  maxWidth: number,
  measure: Measure,
): WrappedCaption {
  const sep = input.separator ?? ' · ';
  const gap = measure('    ');
  const link = truncateMiddle(shortLink(input.link), maxWidth, measure);
  const names: string[] = [];
  let line = '';
  for (const name of input.names) {
    const joined = line === '' ? name : line + sep + name;
    if (measure(joined) <= maxWidth) line = joined;
    else {
      if (line !== '') names.push(line);
      const parts = wrapText(name, maxWidth, measure);
      line = parts.pop() ?? '';
      names.push(...parts);
    }
  }
  if (line !== '') names.push(line);
  const last = names[names.length - 1] ?? '';
  const linkInline =
    link === '' || names.length === 0 || measure(last) + gap + measure(link) <= maxWidth;
  return { names, link, linkInline, lines: Math.max(1, names.length + (linkInline ? 0 : 1)) };
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
  /** Notices about the figures (e.g. made with another model version), shown above the caption. */
  notices?: readonly string[];
  fontFamily?: string;
  /** Makes the canvas; default OffscreenCanvas where it exists, else a <canvas>. */
  createCanvas?: (width: number, height: number) => AnyCanvas;
}

/** The images' type: the system's, then the Japanese web font (see fonts.ts) for machines without one. */
export const EXPORT_FONT =
  'system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans JP", sans-serif';

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

export interface ExportPlan {
  layout: ExportLayout;
  caption: WrappedCaption;
  /** The notices' lines, wrapped. */
  notices: string[];
}

/**
 * The image's layout with its caption and notices wrapped (measured with
 * `measure` at the caption's type size): what to draw where. Pure.
 */
export function planExport(
  opts: Pick<RenderOptions, 'size' | 'pixelRatio' | 'caption' | 'title' | 'notices'>,
  measure: Measure,
): ExportPlan {
  const first = exportLayout(opts.size, opts.pixelRatio, !!opts.title);
  const width = first.caption.width;
  const caption = wrapCaption(opts.caption, width, measure);
  const noticeWidth = width - 2 * Math.round(first.captionFontPx * 0.6);
  const notices = (opts.notices ?? []).flatMap((n) => wrapText(n, noticeWidth, measure));
  const layout = exportLayout(opts.size, opts.pixelRatio, !!opts.title, {
    caption: caption.lines,
    notice: notices.length,
  });
  return { layout, caption, notices };
}

/** A text measure at the caption's type size of `size` (for planExport before drawing). */
export function captionMeasure(size: Size, fontFamily = EXPORT_FONT): Measure {
  const px = exportLayout(size, 1, false).captionFontPx;
  const canvas = defaultCanvas(1, 1);
  const ctx = canvas.getContext('2d') as Ctx | null;
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  ctx.font = `${px}px ${fontFamily}`;
  return (t: string) => ctx.measureText(t).width;
}

/** Draws the export image and returns its canvas. */
export function renderExport(opts: RenderOptions): AnyCanvas {
  const font = opts.fontFamily ?? EXPORT_FONT;
  // The bitmap's size does not depend on how the caption wraps: make it, then measure with it.
  const first = exportLayout(opts.size, opts.pixelRatio, !!opts.title);
  const canvas = (opts.createCanvas ?? defaultCanvas)(first.canvasWidth, first.canvasHeight);
  const ctx = canvas.getContext('2d') as Ctx | null;
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  ctx.font = `${first.captionFontPx}px ${font}`;
  const plan = planExport(opts, (t) => ctx.measureText(t).width);
  const { layout } = plan;
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
  const lh = layout.lineHeight;
  if (plan.notices.length > 0) {
    // The notices in an amber box, as the embed view shows them on the chart.
    const n = layout.notice;
    ctx.fillStyle = '#fff8e1';
    ctx.fillRect(n.x, n.y, n.width, n.height);
    ctx.strokeStyle = '#e0c36a';
    ctx.lineWidth = 1;
    ctx.strokeRect(n.x + 0.5, n.y + 0.5, n.width - 1, n.height - 1);
    ctx.fillStyle = '#4a3b00';
    ctx.textAlign = 'left';
    const pad = Math.round(layout.captionFontPx * 0.6);
    plan.notices.forEach((t, i) =>
      ctx.fillText(t, n.x + pad, n.y + (n.height - plan.notices.length * lh) / 2 + lh * (i + 0.5)),
    );
  }
  const c = layout.caption;
  ctx.strokeStyle = '#cccccc';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(c.x, c.y);
  ctx.lineTo(c.x + c.width, c.y);
  ctx.stroke();
  const top = c.y + Math.round(layout.captionFontPx * 0.5);
  ctx.fillStyle = '#333333';
  ctx.textAlign = 'left';
  plan.caption.names.forEach((t, i) => ctx.fillText(t, c.x, top + lh * (i + 0.5)));
  ctx.fillStyle = '#555555';
  ctx.textAlign = 'right';
  const linkLine = plan.caption.linkInline
    ? Math.max(0, plan.caption.names.length - 1)
    : plan.caption.names.length;
  ctx.fillText(plan.caption.link, c.x + c.width, top + lh * (linkLine + 0.5));
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
