/**
 * The simulation worker: a thin Comlink adapter around the engine. The main
 * thread imports only `SimApi` (a type) and never runs the model itself.
 * Results come back with their typed arrays transferred, not copied.
 */
import * as Comlink from 'comlink';
import { simulate, validateScenario, type SimResult } from '../engine/index.ts';
import { guardMessages, type GuardScope } from './guard.ts';
import { resultBuffers } from './transfer.ts';
import { WarmUp } from './warmup.ts';

export type RunOutcome =
  | { ok: true; result: SimResult; /** Time spent in the engine, ms. */ ms: number }
  | { ok: false; errors: string[] };

// After the first run, short runs in idle time compile the engine's hot code (warmup.ts).
const warmUp = new WarmUp({
  simulate,
  later: (fn) => setTimeout(fn, 0),
  now: () => performance.now(),
});

const api = {
  /** Validates and runs one scenario. */
  run(input: unknown): RunOutcome {
    const parsed = validateScenario(input);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    const t0 = performance.now();
    const result = simulate(parsed.scenario);
    const outcome: RunOutcome = { ok: true, result, ms: performance.now() - t0 };
    warmUp.afterRun(parsed.scenario);
    return Comlink.transfer(outcome, resultBuffers(result));
  },
};

export type SimApi = typeof api;

// A message it cannot handle is reported to the page, which replaces the worker (guard.ts).
guardMessages(self as unknown as GuardScope);
Comlink.expose(api);
