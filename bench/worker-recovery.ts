/**
 * Worker recovery benchmark: builds the app, serves it locally and opens it
 * in headless Chromium with the default comparison. Each round types a new
 * cost-down for A and, while that run is in flight, kills A's simulation
 * worker (it is terminated and the page gets an error event, as when a
 * worker crashes); it reports the time from the kill to the latest inputs
 * drawn by a fresh worker (the worker layer, src/app/workers/, replaces it
 * and reruns them). A worker that dies silently is only found by its time
 * limit (8 s plus the job's share; src/app/workers/limits.ts): a few rounds
 * of that are reported too. Prints figures and the load average; asserts
 * nothing.
 *
 * Usage: npm run bench:recovery [-- --rounds 15 --silent 2]
 */
import { buildApp, launchChromium, serveBuilt } from '../test/browser/harness.ts';
import { faultsScript, made, type Kill } from '../test/browser/faults.ts';
import { updates, waitForUpdate } from '../test/browser/page.ts';
import { loadAverage, median, quantile } from './browser-worker.ts';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const ROUNDS = arg('--rounds', 15);
const SILENT = arg('--silent', 2);
const TARGET_MS = 1000;

const { url, close } = await serveBuilt(await buildApp());
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript(faultsScript());
  await page.goto(url);
  await waitForUpdate(page, 'A', 0);
  await waitForUpdate(page, 'B', 0);

  /** One round: an edit, A's worker killed during its run; ms from the kill to the inputs drawn. */
  async function round(i: number, how: Kill): Promise<{ ms: number; replaced: boolean }> {
    const before = await made(page, 'simulation A');
    const n = await updates(page, 'A');
    // In one task of the page: the edit (its run is sent at once) and the kill.
    const t0 = await page.evaluate(
      ([v, how]) => {
        const field = document.querySelector<HTMLInputElement>(
          'input[data-scenario="A"][data-field="policy.costDown"]',
        )!;
        field.value = String(v);
        field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        const t = performance.now();
        (window as unknown as { __faults: { kill(p: string, h: string): boolean } }).__faults.kill(
          'simulation A',
          how,
        );
        return t;
      },
      [0.02 + (i % 5) * 0.01, how] as const,
    );
    await waitForUpdate(page, 'A', n, 60_000);
    const end = await page.evaluate(() => {
      const m = performance.getEntriesByName('update:A', 'measure').at(-1)!;
      return m.startTime + m.duration;
    });
    const replaced = (await made(page, 'simulation A')) > before;
    // Let the fresh worker warm up, as a user's next edit would find it.
    await page.waitForTimeout(1000);
    return { ms: end - t0, replaced };
  }

  const crash: number[] = [];
  let replaced = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const r = await round(i, 'crash');
    crash.push(r.ms);
    if (r.replaced) replaced++;
  }
  const silent: number[] = [];
  for (let i = 0; i < SILENT; i++) silent.push((await round(ROUNDS + i, 'terminate')).ms);

  const f = (x: number) => `${x.toFixed(0)} ms`;
  console.log(
    `A's simulation worker killed during a run (${ROUNDS} rounds, default scenario): ` +
      `replaced and the latest inputs drawn in median ${f(median(crash))}, ` +
      `p90 ${f(quantile(crash, 0.9))}, max ${f(Math.max(...crash))} ` +
      `(target under ${TARGET_MS} ms; worker replaced in ${replaced} of ${ROUNDS} rounds)`,
  );
  if (SILENT > 0) {
    console.log(
      `a worker that dies silently (${SILENT} rounds) is found by its time limit: ` +
        `the latest inputs drawn after median ${f(median(silent))}, max ${f(Math.max(...silent))}`,
    );
  }
  console.log(`load average at the end ${loadAverage()}`);
} finally {
  await browser.close();
  await close();
}
