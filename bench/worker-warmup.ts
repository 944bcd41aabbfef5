/**
 * The first runs of a fresh simulation worker, with and without the warm-up
 * of src/worker/warmup.ts, in headless Chromium: the page's first run, an idle
 * second (the user reading the charts), then ten edits 150 ms apart. Prints
 * the engine time of the first run, the first edit and the median of edits
 * 6-10 (the steady state), medians over fresh workers. Prints figures; asserts
 * nothing.
 *   npx tsx bench/worker-warmup.ts [--workers N]
 */
import { launchChromium } from '../test/browser/harness.ts';
import { askFreshWorker, loadAverage as load, workerBundle } from './browser-worker.ts';
import { median } from './engine-core.ts';

const i = process.argv.indexOf('--workers');
const WORKERS = i > 0 ? Number(process.argv[i + 1]) : 7;

interface Reply {
  times: number[];
  warmUp: { runs: number; ms: number };
}

const code = await workerBundle('bench/warmup-worker.ts', true);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  console.log(
    `worker warm-up in Chromium ${browser.version()} (default scenario; ${WORKERS} fresh workers each; load average ${load()})`,
  );
  for (const warm of [false, true, false, true]) {
    const rows: Reply[] = [];
    for (let k = 0; k < WORKERS; k++) {
      rows.push(await askFreshWorker<Reply>(page, code, { warm, idleMs: 1000, gapMs: 150 }));
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
