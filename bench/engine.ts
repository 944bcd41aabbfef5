/**
 * Engine benchmark in Node: set-up (network, initial state and burn-in) and
 * run (the reported quarters) timed separately, medians over several seeds,
 * for the default scenario (about 470 firms, 20 years) and for 100,000 firms.
 * Prints figures; asserts nothing. bench/engine-browser.ts runs the same in
 * headless Chromium, where the app runs the engine.
 *   npm run bench:engine     (npx tsx bench/engine.ts [--quick])
 */
import { loadavg } from 'node:os';
import { defaultScenario } from '../src/engine/index.ts';
import { engineCases, formatRow, measure } from './engine-core.ts';

const quick = process.argv.includes('--quick');
// The machine may be shared: the load average says how far to trust the figures.
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
console.log(
  `engine benchmark (node ${process.version}, one core; setup includes the ` +
    `${defaultScenario().simulation.burnInYears}-year burn-in; load average ${load()})`,
);
for (const c of engineCases(quick)) console.log(formatRow(measure(c, () => performance.now())));
console.log(`load average at the end ${load()}`);
