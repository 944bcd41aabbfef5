/**
 * Engine benchmark in headless Chromium: the cases of bench/engine.ts run in
 * a dedicated Web Worker, where the app runs the engine (a newer V8 than
 * Node 20's). The page is not cross-origin isolated, so its clock ticks in
 * 0.1 ms steps. Prints figures; asserts nothing.
 *   npm run bench:engine-browser     (npx tsx bench/engine-browser.ts [--quick])
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { build } from 'vite';
import { ROOT, launchChromium } from '../test/browser/harness.ts';
import { engineCases, formatRow, type EngineRow } from './engine-core.ts';

const quick = process.argv.includes('--quick');
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** The worker script as one classic script (no imports), built in memory. */
async function workerSource(): Promise<string> {
  const out = await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: resolve(ROOT, 'bench/engine-browser-worker.ts'),
        formats: ['iife'],
        name: 'engineBench',
        fileName: 'engine-bench',
      },
    },
  });
  const outputs = Array.isArray(out) ? out : [out];
  for (const o of outputs) {
    if (!('output' in o)) continue;
    for (const chunk of o.output) if (chunk.type === 'chunk' && chunk.isEntry) return chunk.code;
  }
  throw new Error('the engine bundle for the worker was not built');
}

const code = await workerSource();
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  console.log(
    `engine benchmark in Chromium ${browser.version()} (a dedicated worker, one core; ` +
      `load average ${load()})`,
  );
  const cases = engineCases(quick);
  for (let index = 0; index < cases.length; index++) {
    const row = await page.evaluate(
      ({ code, quick, index }) =>
        new Promise<EngineRow>((done, fail) => {
          const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
          const w = new Worker(url);
          w.onmessage = (e) => {
            w.terminate();
            done(e.data as EngineRow);
          };
          w.onerror = (e) => fail(new Error(e.message));
          w.postMessage({ quick, index });
        }),
      { code, quick, index },
    );
    console.log(formatRow(row));
  }
  console.log(`load average at the end ${load()}`);
} finally {
  await browser.close();
}
