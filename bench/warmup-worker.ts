/**
 * Bundled by bench/worker-warmup.ts into a fresh dedicated worker: the first
 * run of the default scenario (the page's first charts), an idle pause (the
 * user reading them; the warm-up of src/worker/warmup.ts runs here when on),
 * then ten runs as the user's edits, one every `gapMs`. Replies with the
 * engine time of each run, ms.
 */
import { defaultScenario, simulate } from '../src/engine/index.ts';
import { WarmUp } from '../src/worker/warmup.ts';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

self.onmessage = async (e: MessageEvent<{ warm: boolean; idleMs: number; gapMs: number }>) => {
  const { warm, idleMs, gapMs } = e.data;
  const now = () => performance.now();
  const w = new WarmUp({ simulate, later: (fn) => setTimeout(fn, 0), now });
  const sc = defaultScenario();
  const times: number[] = [];
  const run = (seed: number) => {
    const t0 = now();
    simulate({ ...sc, seed, policy: { ...sc.policy, costDown: 0.01 + seed / 1000 } });
    times.push(now() - t0);
    if (warm) w.afterRun(sc);
  };
  run(1);
  await wait(idleMs);
  for (let i = 0; i < 10; i++) {
    run(2 + i);
    await wait(gapMs);
  }
  self.postMessage({ times, warmUp: w.progress });
};
