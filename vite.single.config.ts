/**
 * `npm run build:single`: the whole app in one HTML file (dist-single/index.html)
 * that opens from a USB stick with no server. Scripts, styles and the
 * simulation worker are inlined (the worker as a classic worker from a Blob
 * URL, since a file:// page can load a worker neither from a file nor as a
 * module from a Blob); no service worker.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { contentSecurityPolicy } from './scripts/csp.ts';
import { firstResults } from './scripts/firstResults.ts';

const root = import.meta.dirname;

/** Swaps the worker layer's factory (src/app/workers/spawn.ts) for the one whose workers are inlined. */
function inlineWorkers(): Plugin {
  const inline = resolve(root, 'src/app/workers/spawn.inline.ts');
  return {
    name: 'inline-workers',
    enforce: 'pre',
    resolveId(id, importer) {
      if (/(^|\/)spawn\.ts$/.test(id) && importer?.includes('/src/app/workers/')) return inline;
      return null;
    },
  };
}

/** No service worker in the single-file build: its registration is a no-op. */
function noServiceWorker(): Plugin {
  const id = '\0virtual:pwa-register';
  return {
    name: 'no-service-worker',
    enforce: 'pre',
    resolveId: (source) => (source === 'virtual:pwa-register' ? id : null),
    load: (source) =>
      source === id ? 'export function registerSW() { return async () => {}; }' : null,
  };
}

/** The favicon as a data URL (no file beside the page). */
function inlineFavicon(): Plugin {
  return {
    name: 'inline-favicon',
    transformIndexHtml(html) {
      const svg = readFileSync(resolve(root, 'public/favicon.svg'));
      const href = `data:image/svg+xml;base64,${svg.toString('base64')}`;
      return html.replace(/href="\.\/favicon\.svg"/, `href="${href}"`);
    },
  };
}

export default defineConfig({
  base: './',
  publicDir: false,
  plugins: [
    svelte(),
    inlineWorkers(),
    noServiceWorker(),
    firstResults({ none: true }),
    inlineFavicon(),
    viteSingleFile(),
    contentSecurityPolicy(),
  ],
  // A classic worker: Chromium does not start a module worker from a Blob URL in a file:// page.
  worker: { format: 'iife' },
  build: { target: 'es2022', outDir: 'dist-single', emptyOutDir: true },
});
