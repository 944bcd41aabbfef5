/**
 * Shared by the browser tests, the UI latency benchmark and the screenshot
 * script: builds the app, serves the built site locally and launches the
 * system's Chromium (CHROMIUM_PATH, else /usr/bin/chromium) with playwright-core.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

/**
 * Builds the app, quietly, into a new temporary folder (so that concurrent
 * runs and the developer's own dist/ never clobber each other); returns it.
 */
export async function buildApp(config = 'vite.config.ts'): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'supply-chain-app-'));
  // A production build even when called from a test runner that set NODE_ENV=test.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: ROOT,
      mode: 'production',
      logLevel: 'warn',
      configFile: resolve(ROOT, config),
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = env;
  }
  return outDir;
}

/** Serves a built site on a free local port; `close` stops it and deletes the folder. */
export async function serveBuilt(
  outDir: string,
): Promise<{ server: PreviewServer; url: string; close: () => Promise<void> }> {
  const server = await preview({
    root: ROOT,
    configFile: resolve(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its URL');
  const close = async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
  return { server, url, close };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
