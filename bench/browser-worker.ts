/**
 * What the Chromium benchmarks share: a bench entry bundled in memory as one
 * classic worker script, one message answered by a fresh dedicated worker
 * made from it, and the load average as printed.
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { ROOT } from '../test/browser/harness.ts';

/** The q-quantile of `xs` (the value at rank floor(q n)); NaN for none. */
export const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};

/** The median of `xs` (the mean of the middle two for an even count). */
export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const loadAverage = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** `entry` (a path from the repository's root) as one classic script, no imports, built in memory. */
export async function workerBundle(entry: string, minify = false): Promise<string> {
  const out = await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify,
      lib: {
        entry: resolve(ROOT, entry),
        formats: ['iife'],
        name: 'benchWorker',
        fileName: 'bench',
      },
    },
  });
  for (const o of Array.isArray(out) ? out : [out]) {
    if (!('output' in o)) continue;
    for (const chunk of o.output) if (chunk.type === 'chunk' && chunk.isEntry) return chunk.code;
  }
  throw new Error(`the bench worker ${entry} was not built`);
}

/** Posts `message` to a fresh dedicated worker running `code` in the page; its first reply, then it is ended. */
export function askFreshWorker<T>(page: Page, code: string, message: unknown): Promise<T> {
  return page.evaluate(
    ({ code, message }) =>
      new Promise<T>((done, fail) => {
        const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
        const w = new Worker(url);
        w.onmessage = (e) => {
          w.terminate();
          done(e.data as T);
        };
        w.onerror = (e) => fail(new Error(e.message));
        w.postMessage(message);
      }),
    { code, message },
  );
}
