/**
 * The bridge between the UI and the simulation worker. It owns the worker,
 * coalesces rapid input changes ("latest wins": at most one run in flight, and
 * only the newest inputs run next) and never publishes a stale result, i.e.
 * one whose inputs were superseded while it ran. Components read `result`
 * and `errors`; they never see Comlink.
 */
import { flushSync } from 'svelte';
import { wrap, releaseProxy } from 'comlink';
import type { Scenario, SimResult } from '../engine/index.ts';
import type { RunOutcome, SimApi } from '../worker/sim.worker.ts';
import { createSimWorker } from './share/simWorker.ts';

/** What the bridge needs from a worker; tests pass a fake. */
export interface Runner {
  run(input: Scenario): Promise<RunOutcome>;
}

interface Job {
  seq: number;
  scenario: Scenario;
}

/** A run at low priority (a preset's result, for the baseline): after every user run. */
interface BackgroundJob {
  scenario: Scenario;
  resolve: (outcome: RunOutcome) => void;
}

export class SimBridge {
  /** The result on screen: the latest inputs that ran without error. */
  result = $state.raw<SimResult | null>(null);
  /** Why the latest inputs could not run (empty when they did); `result` stays. */
  errors = $state.raw<string[]>([]);
  /** True while a run is in flight. */
  busy = $state(false);
  /** Engine time of the result on screen, ms. */
  engineMs = $state(0);

  /** Counters, for tests and the benchmark. */
  readonly stats = { requested: 0, ran: 0, drawn: 0, discarded: 0 };

  readonly #runner: Runner;
  readonly #dispose: () => void;
  #seq = 0;
  #pending: Job | null = null;
  #background: BackgroundJob[] = [];
  #inFlight = false;
  /** Time of the oldest input not yet on screen (for the input-to-drawn measure). */
  #inputSince: number | null = null;

  constructor(
    readonly id: string,
    runner: Runner,
    dispose: () => void = () => {},
  ) {
    this.#runner = runner;
    this.#dispose = dispose;
  }

  /**
   * Asks for a run of `scenario` (a plain object, not a proxy). `inputTime`
   * is when the user acted (an event's timeStamp), the start of the measure.
   */
  request(scenario: Scenario, inputTime: number = performance.now()): void {
    this.stats.requested++;
    performance.mark(`input:${this.id}`, { startTime: inputTime });
    this.#inputSince ??= inputTime;
    this.#pending = { seq: ++this.#seq, scenario };
    if (!this.#inFlight) void this.#pump();
  }

  /**
   * Runs `scenario` at low priority: after the user's pending and in-flight
   * runs, never delaying one that is already waiting (a user run asked for
   * while this one runs goes next). Publishes nothing: the outcome is
   * returned, and the `update` measures and `stats` count the user's runs only.
   */
  background(scenario: Scenario): Promise<RunOutcome> {
    return new Promise((resolve) => {
      this.#background.push({ scenario, resolve });
      if (!this.#inFlight) void this.#pump();
    });
  }

  /** Resolves once no run is in flight or pending. */
  async idle(): Promise<void> {
    while (this.#inFlight || this.#pending || this.#background.length)
      await new Promise((r) => setTimeout(r, 1));
  }

  async #attempt(scenario: Scenario): Promise<RunOutcome> {
    try {
      return await this.#runner.run(scenario);
    } catch (e) {
      return { ok: false, errors: [`the simulation failed: ${String(e)}`] };
    }
  }

  async #pump(): Promise<void> {
    this.#inFlight = true;
    this.busy = true;
    while (this.#pending || this.#background.length) {
      if (!this.#pending) {
        // Nothing of the user's waits: one background run, then look again.
        this.busy = false;
        const bg = this.#background.shift()!;
        bg.resolve(await this.#attempt(bg.scenario));
        continue;
      }
      const job = this.#pending;
      this.#pending = null;
      this.busy = true;
      const sent = performance.now();
      const outcome = await this.#attempt(job.scenario);
      this.stats.ran++;
      if (job.seq !== this.#seq) {
        // Newer inputs arrived while this ran: drop it, run the newest.
        this.stats.discarded++;
        continue;
      }
      this.#publish(outcome, performance.now() - sent);
    }
    this.#inFlight = false;
    this.busy = false;
  }

  /** `roundTripMs`: from sending the inputs to the worker to having the result back. */
  #publish(outcome: RunOutcome, roundTripMs: number): void {
    const received = performance.now();
    if (outcome.ok) {
      this.result = outcome.result;
      this.engineMs = outcome.ms;
      this.errors = [];
    } else {
      this.errors = outcome.errors;
    }
    // Apply the change now so that the charts are drawn before we measure.
    flushSync();
    this.stats.drawn++;
    const start = this.#inputSince;
    this.#inputSince = null;
    if (outcome.ok && start !== null) {
      const end = performance.mark(`drawn:${this.id}`).startTime;
      performance.measure(`update:${this.id}`, {
        start,
        end,
        detail: { engineMs: outcome.ms, roundTripMs, drawMs: end - received },
      });
      forgetOldEntries(this.id);
    }
  }

  dispose(): void {
    this.#dispose();
  }
}

/**
 * Measures kept per scenario: a long workshop session must not accumulate
 * performance entries. Past this many, the scenario's measures start again
 * from none (benchmarks and tests read far fewer).
 */
export const MAX_MEASURES = 1000;

/**
 * After a measure: the marks it was made from are no longer needed (every
 * request leaves an input mark, dragged sliders many), and the measures are
 * bounded by MAX_MEASURES.
 */
function forgetOldEntries(id: string): void {
  performance.clearMarks(`input:${id}`);
  performance.clearMarks(`drawn:${id}`);
  if (performance.getEntriesByName(`update:${id}`, 'measure').length > MAX_MEASURES)
    performance.clearMeasures(`update:${id}`);
}

/** A bridge that owns a new simulation worker. */
export function createWorkerBridge(id: string): SimBridge {
  const worker = createSimWorker(`simulation ${id}`);
  const api = wrap<SimApi>(worker);
  return new SimBridge(id, api, () => {
    api[releaseProxy]();
    worker.terminate();
  });
}
