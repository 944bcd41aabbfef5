/**
 * The built site's Content-Security-Policy, as a <meta> tag that both builds
 * write at the top of <head> (the hosted build, vite.config.ts, and the single-file
 * build, vite.single.config.ts, which also opens from file://).
 *
 * What the app needs, and nothing more:
 * - scripts from its own origin only; the single-file build's inlined scripts
 *   are allowed by their SHA-256 hashes (computed from the final HTML), never
 *   by 'unsafe-inline';
 * - workers from its own origin and from blob: URLs (the single-file build
 *   inlines its workers as Blob URLs);
 * - images and fonts from its own origin and data:/blob: URLs (PNG exports,
 *   the inlined favicon, canvases);
 * - styles from its own origin and inline style attributes ('unsafe-inline'
 *   for styles only: Svelte and KaTeX write style attributes);
 * - no plugins, no <base>, no form posts.
 *
 * frame-ancestors cannot be set from a <meta> tag (browsers ignore it there):
 * embeds are meant to be framed by any site, so the app sets no restriction.
 * A host that wants one sends the header itself (README, "Security").
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/** The policy's directives; `scriptHashes` are the 'sha256-…' sources of inline scripts. */
export function cspDirectives(scriptHashes: readonly string[] = []): string {
  const script = ["'self'", ...scriptHashes.map((h) => `'${h}'`)].join(' ');
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' data: blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;

/** SHA-256 sources of every inline <script> of a page, in document order. */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    if (m[1].length === 0) continue;
    out.push(`sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}`);
  }
  return out;
}

/** The page with the policy right after its charset (or first in <head>), before any script. */
export function withCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${cspDirectives(inlineScriptHashes(html))}" />`;
  const charset = /<meta charset=[^>]*>/i;
  if (charset.test(html)) return html.replace(charset, (m) => `${m}\n    ${meta}`);
  return html.replace(/<head>/i, `<head>\n    ${meta}`);
}

/**
 * Writes the policy into every built HTML page once the bundle is complete
 * (after vite-plugin-singlefile inlined the scripts, so that their hashes are
 * those of the final page).
 */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    enforce: 'post',
    // 'post' and listed after viteSingleFile(): runs after its own 'post' inlining.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
          const html =
            typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
          file.source = withCsp(html);
        }
      },
    },
  };
}
