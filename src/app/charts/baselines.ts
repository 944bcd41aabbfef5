/**
 * The presets as they start (each made once), and their results at a seed
 * ("preset|seed"): the baseline a modified scenario is drawn against. A
 * preset's result does not change while the user edits levers, so it runs
 * once per preset and seed, whichever scenario needs it first.
 */
import { presetScenario, type Scenario, type SimResult } from '../../engine/index.ts';
import type { RunOutcome } from '../../worker/sim.worker.ts';
import { deepEqual } from '../../share/urlState.ts';

const presetStarts = new Map<string, Scenario>();
const baselines = new Map<string, Promise<SimResult | null>>();
/** Results kept (a few presets at a few seeds). */
const BASELINES_KEPT = 8;

function presetStart(name: string): Scenario | null {
  let s = presetStarts.get(name);
  if (!s) {
    try {
      s = presetScenario(name);
    } catch {
      return null;
    }
    presetStarts.set(name, s);
  }
  return s;
}

/** The scenario a baseline runs: the preset, on the scenario's own seed. */
export function baselineScenario(preset: string, seed: number): Scenario | null {
  const start = presetStart(preset);
  return start ? { ...start, seed } : null;
}

/** Whether `scenario` differs from `preset` as it starts, in any input (lever, shock, event, network, seed). */
export function isModified(preset: string, scenario: Scenario): boolean {
  const start = presetStart(preset);
  return !start || !deepEqual(start, scenario);
}

/** The key a baseline is kept under. */
export const baselineKey = (preset: string, seed: number) => `${preset}|${seed}`;

/**
 * The result of `preset` at `seed`: the one kept, or a new run through `run`
 * (kept; a failure is not, so that the next edit tries again). Null if the
 * preset is unknown or its run failed.
 */
export function baselineRun(
  preset: string,
  seed: number,
  run: (s: Scenario) => Promise<RunOutcome>,
): Promise<SimResult | null> {
  const key = baselineKey(preset, seed);
  let pending = baselines.get(key);
  if (pending) return pending;
  const input = baselineScenario(preset, seed);
  if (!input) return Promise.resolve(null);
  pending = run(input).then((o) => {
    if (!o.ok) baselines.delete(key);
    return o.ok ? o.result : null;
  });
  baselines.set(key, pending);
  while (baselines.size > BASELINES_KEPT) baselines.delete(baselines.keys().next().value!);
  return pending;
}

/** Forgets the kept baselines (tests). */
export function clearBaselines(): void {
  baselines.clear();
}
