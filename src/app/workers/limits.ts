/**
 * Time limits of worker calls, scaled to the job: a call that gets no answer
 * within its limit means a hung or silently dead worker (see supervisor.ts).
 * The limits are generous (several times the slowest run measured on a busy
 * machine), since a false alarm costs a rerun; they double with each loss in
 * a row, so that a job that is merely slow on this machine gets its time.
 */
import type { Scenario } from '../../engine/index.ts';

/** The fixed part: a worker's start (load and compile) plus a cold first run, ms. */
export const BASE_LIMIT_MS = 8000;
/** Per firm-quarter: about 15 times the engine's steady pace (about 0.3 µs), ms. */
export const PER_FIRM_QUARTER_MS = 0.005;

/**
 * A test-only override of the fixed part, read from a global that only the
 * fault-injection browser tests set before the page loads (absent in use).
 */
function baseMs(): number {
  const t = (globalThis as { __workerTestBaseLimitMs?: unknown }).__workerTestBaseLimitMs;
  return typeof t === 'number' && t > 0 ? t : BASE_LIMIT_MS;
}

/** Firms times quarters of a scenario (0 for inputs that are not a scenario: the worker rejects those at once). */
export function firmQuarters(sc: Scenario): number {
  const firms = (sc as Partial<Scenario> | undefined)?.network?.firmsPerTier;
  const years = (sc as Partial<Scenario> | undefined)?.years;
  if (!Array.isArray(firms) || typeof years !== 'number' || !Number.isFinite(years)) return 0;
  const n = firms.reduce((s: number, x) => s + (Number.isFinite(x) ? Math.max(0, x) : 0), 0);
  return n * Math.max(0, years) * 4;
}

/** The time limit of a job of `fq` firm-quarters after `failures` losses in a row, ms. */
export function limitMs(fq: number, failures = 0): number {
  return (baseMs() + fq * PER_FIRM_QUARTER_MS) * 2 ** Math.min(failures, 4);
}
