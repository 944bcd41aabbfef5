/**
 * UI latency benchmark: builds the app, serves it locally, opens it in
 * headless Chromium at 1280x720 with the default comparison and moves the
 * cost-down slider of A, then of B, one step at a time with the keyboard.
 * Reports the app's own User Timing measures ("update:A", "update:B": from
 * the input event to the charts drawn) as median and 90th percentile, plus a
 * mouse drag during which inputs are coalesced.
 *
 * Usage: npm run bench:ui [-- --steps 40]
 */
import { buildApp, launchChromium, serveBuilt } from '../test/browser/harness.ts';
import { updates, waitForUpdate } from '../test/browser/page.ts';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const STEPS = arg('--steps', 40);
const WARMUP = 10;
const TARGET_MS = 50;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const { url, close } = await serveBuilt(await buildApp());
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(url);
  await waitForUpdate(page, 'A', 0);
  await waitForUpdate(page, 'B', 0);

  const durations = (id: string) =>
    page.evaluate(
      (id) =>
        performance.getEntriesByName(`update:${id}`, 'measure').map((m) => ({
          ms: m.duration,
          engineMs: (m as PerformanceMeasure).detail?.engineMs as number,
          roundTripMs: (m as PerformanceMeasure).detail?.roundTripMs as number,
          drawMs: (m as PerformanceMeasure).detail?.drawMs as number,
        })),
      id,
    );

  const results: Record<
    string,
    { ms: number[]; engineMs: number[]; roundTripMs: number[]; drawMs: number[] }
  > = {};
  for (const id of ['A', 'B'] as const) {
    const slider = page.locator(
      `input[type="range"][data-scenario="${id}"][data-path="policy.costDown"]`,
    );
    await slider.focus();
    const before = (await durations(id)).length;
    for (let i = 0; i < WARMUP + STEPS; i++) {
      const n = await updates(page, id);
      await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
      await waitForUpdate(page, id, n);
      await page.waitForTimeout(30);
    }
    const all = (await durations(id)).slice(before + WARMUP);
    results[id] = {
      ms: all.map((d) => d.ms),
      engineMs: all.map((d) => d.engineMs),
      roundTripMs: all.map((d) => d.roundTripMs),
      drawMs: all.map((d) => d.drawMs),
    };
  }

  // A mouse drag across A's slider: inputs arrive faster than runs, so they coalesce.
  const box = (await page
    .locator('input[type="range"][data-scenario="A"][data-path="policy.costDown"]')
    .boundingBox())!;
  const y = box.y + box.height / 2;
  const before = (await durations('A')).length;
  await page.mouse.move(box.x + 4, y);
  await page.mouse.down();
  for (let i = 0; i <= 60; i++) {
    await page.mouse.move(box.x + 4 + ((box.width - 8) * (i % 30)) / 30, y);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  await page.waitForTimeout(300);
  const drag = (await durations('A')).slice(before).map((d) => d.ms);

  const row = (name: string, xs: number[]) =>
    `${name.padEnd(34)} n=${String(xs.length).padStart(3)}  median ${median(xs).toFixed(1).padStart(6)} ms  p90 ${quantile(xs, 0.9).toFixed(1).padStart(6)} ms`;
  const both = [...results.A.ms, ...results.B.ms];
  console.log(`UI latency, input to charts drawn (headless Chromium, 1280x720, default A/B)`);
  console.log(row('cost-down step, scenario A', results.A.ms));
  console.log(row('cost-down step, scenario B', results.B.ms));
  console.log(row('both scenarios', both));
  console.log(row('  engine run in the worker', [...results.A.engineMs, ...results.B.engineMs]));
  console.log(
    row('  round trip to the worker', [...results.A.roundTripMs, ...results.B.roundTripMs]),
  );
  console.log(row('  drawing (Svelte + Chart.js)', [...results.A.drawMs, ...results.B.drawMs]));
  console.log(row('mouse drag on A (coalesced)', drag));
  const m = median(both);
  console.log(
    `median input-to-drawn: ${m.toFixed(1)} ms (target < ${TARGET_MS} ms: ${m < TARGET_MS ? 'met' : 'NOT met'})`,
  );
} finally {
  await browser.close();
  await close();
}
