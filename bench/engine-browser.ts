/**
 * Engine benchmark in headless Chromium: the cases of bench/engine.ts run in
 * a dedicated Web Worker, where the app runs the engine (a newer V8 than
 * Node 20's). The page is not cross-origin isolated, so its clock ticks in
 * 0.1 ms steps. Prints figures; asserts nothing.
 *   npm run bench:engine-browser     (npx tsx bench/engine-browser.ts [--quick])
 */
import { launchChromium } from '../test/browser/harness.ts';
import { askFreshWorker, loadAverage as load, workerBundle } from './browser-worker.ts';
import { engineCases, formatRow, type EngineRow } from './engine-core.ts';

const quick = process.argv.includes('--quick');

const code = await workerBundle('bench/engine-browser-worker.ts');
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  console.log(
    `engine benchmark in Chromium ${browser.version()} (a dedicated worker, one core; ` +
      `load average ${load()})`,
  );
  const cases = engineCases(quick);
  for (let index = 0; index < cases.length; index++) {
    const row = await askFreshWorker<EngineRow>(page, code, { quick, index });
    console.log(formatRow(row));
  }
  console.log(`load average at the end ${load()}`);
} finally {
  await browser.close();
}
