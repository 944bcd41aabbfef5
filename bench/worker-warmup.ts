/**
 * The first runs of a fresh simulation worker, with and without the warm-up
 * of src/worker/warmup.ts, in headless Chromium: the page's first run, an idle
 * second (the user reading the charts), then ten edits 150 ms apart. Prints
 * the engine time of the first run, the first edit and the median of edits
 * 6-10 (the steady state), medians over fresh workers. Prints figures; asserts
 * nothing.
 *   npx tsx bench/worker-warmup.ts [--workers N]
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { build } from 'vite';
import { ROOT, launchChromium } from '../test/browser/harness.ts';

const i = process.argv.indexOf('--workers');
const WORKERS = i > 0 ? Number(process.argv[i + 1]) : 7;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function workerSource(): Promise<string> {
  const out = await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: true,
      lib: {
        entry: resolve(ROOT, 'bench/warmup-worker.ts'),
        formats: ['iife'],
        name: 'warmupBench',
        fileName: 'warmup-bench',
      },
    },
  });
  for (const o of Array.isArray(out) ? out : [out]) {
    if (!('output' in o)) continue;
    for (const chunk of o.output) if (chunk.type === 'chunk' && chunk.isEntry) return chunk.code;
  }
  throw new Error('the warm-up bench worker was not built');
}

interface Reply {
  times: number[];
  warmUp: { runs: number; ms: number };
}

const code = await workerSource();
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  console.log(
    `worker warm-up in Chromium ${browser.version()} (default scenario; ${WORKERS} fresh workers each; load average ${load()})`,
  );
  for (const warm of [false, true, false, true]) {
    const rows: Reply[] = [];
    for (let k = 0; k < WORKERS; k++) {
      rows.push(
        await page.evaluate(
          ({ code, warm }) =>
            new Promise<Reply>((done, fail) => {
              const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
              const w = new Worker(url);
              w.onmessage = (e) => {
                w.terminate();
                done(e.data as Reply);
              };
              w.onerror = (e) => fail(new Error(e.message));
              w.postMessage({ warm, idleMs: 1000, gapMs: 150 });
            }),
          { code, warm },
        ),
      );
    }
    const first = median(rows.map((r) => r.times[0]));
    const edit1 = median(rows.map((r) => r.times[1]));
    const edit2 = median(rows.map((r) => r.times[2]));
    const steady = median(rows.flatMap((r) => r.times.slice(6)));
    const wu = median(rows.map((r) => r.warmUp.ms));
    console.log(
      `${warm ? 'warm-up on ' : 'warm-up off'}  first run ${first.toFixed(1).padStart(6)} ms  ` +
        `1st edit ${edit1.toFixed(1).padStart(6)} ms  2nd edit ${edit2.toFixed(1).padStart(6)} ms  ` +
        `edits 6-10 ${steady.toFixed(1).padStart(6)} ms  ` +
        `(1st edit / steady ${(edit1 / steady).toFixed(2)}; warm-up ${wu.toFixed(0)} ms in idle time)`,
    );
  }
  console.log(`load average at the end ${load()}`);
} finally {
  await browser.close();
}
