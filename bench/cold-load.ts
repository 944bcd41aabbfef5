/**
 * Cold-load benchmark: builds the app, serves dist from a local server and,
 * in headless Chromium at 1280x720, measures the time from navigation to the
 * first charts drawn with both scenarios' results: N cold loads, each in a
 * fresh browser context (no cache, no service worker), then in the same
 * context a reload once the service worker controls the page. Prints the
 * median and p90 of each, the load average (os.loadavg) and the first
 * download: the entry's JavaScript gzipped (the entry script and the chunks
 * it imports statically, i.e. what runs before the app starts) and all the
 * JavaScript fetched before the first charts were drawn (gzipped, workers
 * included). Prints figures; asserts nothing.
 *
 * "First charts drawn": the end of the first frame that draws charts
 * (User Timing measure `charts:draw`) after both `update:A` and `update:B`;
 * a build without that measure (before charts were drawn once per frame)
 * drew inside `update:*`, so the later of the two ends counts.
 *
 * Usage: npm run bench:cold [-- --runs 9] [-- --dist DIR (an existing build, not rebuilt)]
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { buildApp, launchChromium, serveBuilt } from '../test/browser/harness.ts';
import { loadAverage, median, quantile } from './browser-worker.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(arg('--runs') ?? 7);
const DIST = arg('--dist');

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Gzipped size of a built file (by its path under dist), cached. */
function gzSizer(dist: string): (path: string) => number {
  const cache = new Map<string, number>();
  return (path) => {
    let n = cache.get(path);
    if (n === undefined) {
      const file = join(dist, path);
      n = statSync(file, { throwIfNoEntry: false })?.isFile()
        ? gzipSync(readFileSync(file), { level: 9 }).length
        : 0;
      cache.set(path, n);
    }
    return n;
  };
}

/** The entry script of index.html and every chunk it imports statically (modulepreload). */
function entryScripts(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const out: string[] = [];
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="\.\/([^"]+)"/g)) out.push(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\.\/([^"]+)"/g))
    out.push(m[1]);
  return out;
}

interface Load {
  /** ms from navigation start to the first charts drawn with A's and B's results. */
  firstCharts: number;
  /** Paths (under dist) of the JavaScript fetched by then. */
  scripts: string[];
}

/**
 * Waits for both first results and the charts drawn with them; reads the time and the scripts.
 * `worker`: the workers' own results (`update:*`); otherwise the first results shown, which
 * may be the build's (the mark `first:*`, src/app/firstResults.ts).
 */
async function firstCharts(page: Page, origin: string, worker = false): Promise<Load> {
  return page.evaluate(
    `new Promise((resolve, reject) => {
      const end = (e) => e.startTime + e.duration;
      const shown = (id) => {
        const u = performance.getEntriesByName('update:' + id, 'measure')[0];
        const f = ${worker} ? undefined : performance.getEntriesByName('first:' + id, 'mark')[0];
        const ts = [u && end(u), f && f.startTime].filter((t) => t !== undefined);
        return ts.length ? Math.min(...ts) : null;
      };
      const check = () => {
        const a = shown('A');
        const b = shown('B');
        if (a === null || b === null) return null;
        const both = Math.max(a, b);
        const draws = performance.getEntriesByName('charts:draw', 'measure');
        const oncePerFrame = draws.length > 0 || !!document.querySelector('canvas[data-stale], canvas[data-drawn]');
        if (!oncePerFrame) return both;
        const d = draws.find((m) => end(m) >= both);
        return d ? end(d) : null;
      };
      const done = (t) => {
        const scripts = performance
          .getEntriesByType('resource')
          .filter((r) => r.name.startsWith(${JSON.stringify(origin)}) && /\\.js($|\\?)/.test(r.name) && r.responseEnd <= t)
          .map((r) => new URL(r.name).pathname.slice(1));
        resolve({ firstCharts: t, scripts });
      };
      const t0 = check();
      if (t0 !== null) return done(t0);
      const observer = new PerformanceObserver(() => {
        const t = check();
        if (t !== null) { observer.disconnect(); done(t); }
      });
      observer.observe({ entryTypes: ['measure', 'mark'] });
      setTimeout(() => reject(new Error('no charts drawn within 60 s')), 60000);
    })`,
  );
}

const dist = DIST ?? (await buildApp());
const { server, url, close } = await serveBuilt(dist);
const origin = new URL(url).origin;
const gz = gzSizer(dist);
const browser = await launchChromium();
const cold: number[] = [];
const coldWorker: number[] = [];
const warm: number[] = [];
let scriptsBefore = new Set<string>();
try {
  console.log(`load average before: ${loadAverage()}`);
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(url);
    const load = await firstCharts(page, origin);
    cold.push(load.firstCharts);
    coldWorker.push((await firstCharts(page, origin, true)).firstCharts);
    if (i === 0) scriptsBefore = new Set(load.scripts);
    // The service worker has precached the app and controls the page: a reload comes from it.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((r) =>
          navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }),
        );
    });
    await page.reload();
    warm.push((await firstCharts(page, origin)).firstCharts);
    await context.close();
  }
  const entry = entryScripts(dist);
  const entryGz = entry.reduce((s, p) => s + gz(p), 0);
  const beforeGz = [...scriptsBefore].reduce((s, p) => s + gz(p), 0);
  const row = (name: string, xs: number[]) =>
    `${name.padEnd(44)} n=${String(xs.length).padStart(2)}  median ${median(xs).toFixed(0).padStart(5)} ms  p90 ${quantile(xs, 0.9).toFixed(0).padStart(5)} ms`;
  console.log(
    `Cold load, navigation to first charts drawn (headless Chromium, 1280x720, local server)`,
  );
  console.log(row('cold load (fresh context, no cache)', cold));
  console.log(row("cold load, the workers' own results drawn", coldWorker));
  console.log(row('reload with the service worker', warm));
  console.log(
    `first download: entry JavaScript ${kib(entryGz)} gzipped (${entry.length} files: ${entry.join(', ')})`,
  );
  console.log(
    `JavaScript fetched before the first charts: ${kib(beforeGz)} gzipped (${scriptsBefore.size} files, workers included)`,
  );
  console.log(`load average after: ${loadAverage()}`);
} finally {
  await browser.close();
  // An existing build is left as it was (close() would delete the folder).
  if (DIST) await server.close();
  else await close();
}
