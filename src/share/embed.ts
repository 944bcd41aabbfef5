/**
 * Links for sharing and embedding: the page URL with the state in its query,
 * and the iframe snippet of an embed, whose state is pinned (the model
 * version, both presets with every setting changed from them, and a
 * fingerprint of the full scenarios) so that a later change of the model or
 * of a preset is said on the chart instead of altering it silently.
 */
import {
  encodePinned,
  encodeState,
  pinnedState,
  scenarioOf,
  type AppState,
  type ChartId,
} from './urlState.ts';

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

/* ------------------------------------------------------------ compact embeds */

/** The query parameter of a compact embed link: the whole embed query, deflated. */
export const COMPACT_PARAM = 'e';
/** Inside the compact query: the fingerprint of both full scenarios when the embed was made. */
export const FINGERPRINT_PARAM = 'fp';

function stable(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(stable).join(',')}]`;
  if (x !== null && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(x) ?? 'null';
}

/**
 * A short checksum (FNV-1a, base 36) of both full scenarios of `state`:
 * equal exactly when every setting of A and B is equal.
 */
export function scenarioFingerprint(state: Pick<AppState, 'a' | 'b'>): string {
  const text = stable([scenarioOf(state.a), scenarioOf(state.b)]);
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[\w-]*$/.test(text)) throw new Error('it has characters a compact link never has');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: GenericTransformStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/**
 * The compact URL of the embed view of one chart: the share query of the
 * state (model version, presets, settings changed from them, check code)
 * with the scenarios' fingerprint, deflated into one parameter. Short enough
 * for a snippet even when both scenarios are heavily edited.
 */
export async function compactEmbedUrl(
  href: string,
  state: AppState,
  chart: ChartId,
): Promise<string> {
  const embedded = { ...state, embed: chart, present: null };
  const query = `${encodeState(embedded)}&${FINGERPRINT_PARAM}=${scenarioFingerprint(embedded)}`;
  return packEmbedQuery(href, query);
}

/** The compact URL whose embed query is `query` (deflated into one parameter). */
export async function packEmbedQuery(href: string, query: string): Promise<string> {
  const packed = await pipe(new TextEncoder().encode(query), new CompressionStream('deflate-raw'));
  return `${pageBase(href)}?${COMPACT_PARAM}=${toBase64Url(packed)}`;
}

export type ExpandedEmbed =
  { ok: true; href: string; fingerprint: string | null } | { ok: false; error: string };

/**
 * Reads a compact embed link: null when `href` is not one; else the page
 * URL with the embed's own query (to decode as any link) and the
 * fingerprint it carried, or why it cannot be read (cut short or damaged).
 */
export async function expandEmbedUrl(href: string): Promise<ExpandedEmbed | null> {
  const cut = href.search(/[?#]/);
  const query = cut >= 0 && href[cut] === '?' ? href.slice(cut + 1).split('#')[0] : '';
  const params = new URLSearchParams(query);
  const packed = params.get(COMPACT_PARAM);
  if (packed === null) return null;
  let inner: string;
  try {
    const bytes = await pipe(fromBase64Url(packed), new DecompressionStream('deflate-raw'));
    inner = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  const pairs = new URLSearchParams(inner);
  const fingerprint = pairs.get(FINGERPRINT_PARAM);
  pairs.delete(FINGERPRINT_PARAM);
  return { ok: true, href: `${pageBase(href)}?${pairs.toString()}`, fingerprint };
}
