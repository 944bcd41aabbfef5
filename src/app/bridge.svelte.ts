/**
 * The bridge between the UI and the simulation worker. It owns the worker,
 * coalesces rapid input changes ("latest wins": at most one run in flight, and
 * only the newest inputs run next) and never publishes a stale result, i.e.
 * one whose inputs were superseded while it ran. Components read `result`
 * and `errors`; they never see Comlink.
 *
 * Supervision (the worker layer, src/app/workers/, does the detecting): a
 * run whose worker is lost (crashed, failed to load, hung past its time
 * limit, or got a message it could not read) runs again on a fresh worker,
 * with the latest inputs. After MAX_FAILURES losses in a row the bridge
 * stops and sets `failure`; the page says so with a Retry (`retry`), and the
 * other scenario and pages go on. A long run is aborted when newer inputs
 * arrive (its worker terminated and replaced), so that an edit at 100,000
 * firms does not wait out a run of inputs that are already old.
 *
 * Results are kept for the last few inputs (CACHE_SIZE): inputs met again (a
 * step back, undo) are shown at once, without a run. When the user steps a
 * slider with the keyboard, the slider asks for its next values ahead
 * (`prefetch`): the worker runs them while it has nothing else to do, so that
 * the next step's charts are drawn in the next frame. A speculative run never
 * goes before the user's own; inputs asked for while they run as a prefetch
 * take that run's result instead of running again.
 */
import { flushSync } from 'svelte';
import type { Scenario, SimResult } from '../engine/index.ts';
import type { RunOutcome } from '../worker/sim.worker.ts';
import { MAX_FAILURES, isWorkerLost, simRunner, type WorkerLost } from './workers/index.ts';

/** What the bridge needs from a worker; tests pass a fake. */
export interface Runner {
  /** Rejects with WorkerLost when the worker is lost (any other rejection is the run's own failure). */
  run(input: Scenario): Promise<RunOutcome>;
  /** Stops the run in flight at once (it rejects with WorkerLost 'aborted'); false if none. */
  abort?(): boolean;
}

/**
 * A run in flight that has taken this long (ms), or a scenario whose last run
 * took this long, is aborted for newer inputs rather than waited for. Shorter
 * runs finish sooner than a fresh worker would start.
 */
export const ABORT_AFTER_MS = 400;

/** Results kept per scenario, by their inputs: the latest runs and the prefetched ones. */
export const CACHE_SIZE = 8;

/**
 * No running ahead for scenarios bigger than this (firms x quarters; the
 * default scenario has about 38,000): their runs are too costly to guess.
 */
export const PREFETCH_MAX_FIRM_QUARTERS = 200_000;

const firmQuarters = (s: Scenario): number =>
  s.network.firmsPerTier.reduce((a, b) => a + b, 0) * s.years * 4;

type Success = Extract<RunOutcome, { ok: true }>;

/** The cache's key: the inputs themselves (a scenario is plain data). */
const keyOf = (scenario: Scenario): string => JSON.stringify(scenario);

interface Job {
  seq: number;
  scenario: Scenario;
}

/** A run at low priority (a preset's result, for the baseline): after every user run. */
interface BackgroundJob {
  scenario: Scenario;
  resolve: (outcome: RunOutcome) => void;
  /** Workers lost while running it. */
  lost: number;
}

/** Why the bridge stopped: its worker was lost MAX_FAILURES times in a row. */
export interface BridgeFailure {
  kind: WorkerLost['kind'];
  /** The last loss, in English (the page shows its own words). */
  detail: string;
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

  /** Set when the worker was lost MAX_FAILURES times in a row: nothing runs until `retry`. */
  failure = $state.raw<BridgeFailure | null>(null);

  /** Counters, for tests and the benchmark. */
  readonly stats = {
    requested: 0,
    ran: 0,
    drawn: 0,
    discarded: 0,
    lost: 0,
    aborted: 0,
    /** Results shown by `seed` (computed at build time), not run here. */
    seeded: 0,
    /** Results drawn from the cache (inputs met before, or prefetched), without a run. */
    cached: 0,
    /** Speculative runs made (`prefetch`). */
    prefetched: 0,
  };

  readonly #runner: Runner;
  readonly #dispose: () => void;
  #seq = 0;
  #pending: Job | null = null;
  /** The latest inputs asked for. */
  #latest: Scenario | null = null;
  #background: BackgroundJob[] = [];
  #inFlight = false;
  /**
   * The run in flight: whose it is, when it was sent, its inputs' key and, for
   * a prefetch the user then asked for, the request's number (its result is shown).
   */
  #flight: {
    user: boolean;
    sent: number;
    key: string;
    ahead: boolean;
    adopted: number | null;
  } | null = null;
  /** Results by inputs, oldest first (at most CACHE_SIZE); private, so not reactive. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #cache = new Map<string, Success>();
  /** Inputs to run ahead, when nothing else waits. */
  #prefetch: Scenario[] = [];
  /** Round trip of the last user run, ms (a long one is aborted for newer inputs). */
  #lastRunMs = 0;
  /** Workers lost in a row while running the user's inputs. */
  #failures = 0;
  /** The inputs to run again on `retry`. */
  #failedJob: Job | null = null;
  #disposed = false;
  /** Time of the oldest input not yet on screen (for the input-to-drawn measure). */
  #inputSince: number | null = null;

  /** Runs wait until this settles (see the constructor's `holdUntil`). */
  #held = false;

  /**
   * `holdUntil`: the runs (not the requests) wait until it settles, so that
   * a page showing results it already has (the build's, `seed`) gives the
   * processor to its first charts before the worker starts; the latest
   * inputs run then.
   */
  constructor(
    readonly id: string,
    runner: Runner,
    dispose: () => void = () => {},
    holdUntil?: Promise<unknown>,
  ) {
    this.#runner = runner;
    this.#dispose = dispose;
    if (holdUntil) {
      this.#held = true;
      void holdUntil.finally(() => {
        this.#held = false;
        if (!this.#inFlight && !this.failure) void this.#pump();
      });
    }
  }

  /**
   * Asks for a run of `scenario` (a plain object, not a proxy). `inputTime`
   * is when the user acted (an event's timeStamp), the start of the measure.
   */
  request(scenario: Scenario, inputTime: number = performance.now()): void {
    this.stats.requested++;
    performance.mark(`input:${this.id}`, { startTime: inputTime });
    this.#inputSince ??= inputTime;
    const seq = ++this.#seq;
    this.#pending = { seq, scenario };
    this.#latest = scenario;
    if (this.failure || this.#disposed) return; // kept for `retry`
    const key = keyOf(scenario);
    const hit = this.#cache.get(key);
    if (hit) {
      // Met before or run ahead: shown at once (a run in flight for older inputs is dropped),
      // after the caller's own work (it may be inside a component's update).
      this.#pending = null;
      this.#remember(key, hit);
      queueMicrotask(() => {
        if (this.#seq !== seq || this.#disposed) return;
        this.stats.cached++;
        this.#publish(hit, 0, true);
      });
      return;
    }
    if (this.#flight?.ahead && this.#flight.key === key) {
      // Being run ahead right now: its result will be shown.
      this.#pending = null;
      this.#flight.adopted = seq;
      return;
    }
    if (this.#held) return;
    if (!this.#inFlight) void this.#pump();
    else if (this.#shouldAbort()) this.#runner.abort?.();
  }

  /**
   * Runs `scenarios` ahead, in this order, when the worker has nothing else
   * to do, and keeps their results for when they are asked for; replaces the
   * inputs asked ahead before. Nothing for a big scenario
   * (PREFETCH_MAX_FIRM_QUARTERS) or while the bridge is stopped.
   */
  prefetch(scenarios: Scenario[]): void {
    this.#prefetch = this.#disposed
      ? []
      : scenarios.filter(
          (s) => firmQuarters(s) <= PREFETCH_MAX_FIRM_QUARTERS && !this.#cache.has(keyOf(s)),
        );
    if (!this.#inFlight && !this.failure && !this.#held) void this.#pump();
  }

  /** Keeps `outcome` for its inputs, as the newest entry (the oldest goes past CACHE_SIZE). */
  #remember(key: string, outcome: Success): void {
    this.#cache.delete(key);
    this.#cache.set(key, outcome);
    while (this.#cache.size > CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value!);
  }

  /**
   * Shows `result`, computed elsewhere for exactly `scenario` (the build's
   * results for the default page, src/app/firstResults.ts), while the
   * worker's run of the same inputs is on its way; the worker's result
   * replaces it when it comes. Only when nothing is on screen yet and
   * `scenario` equals the latest inputs; returns whether it was shown.
   * Marked `first:<id>`: the `update:` measures and `stats.drawn` stay the
   * worker's results.
   */
  seed(scenario: Scenario, result: SimResult): boolean {
    if (this.result !== null || this.#disposed || this.#latest === null) return false;
    if (JSON.stringify(this.#latest) !== JSON.stringify(scenario)) return false;
    this.result = result;
    this.errors = [];
    flushSync();
    this.stats.seeded++;
    performance.mark(`first:${this.id}`);
    return true;
  }

  /** Whether the run in flight is long enough to abort for newer inputs. */
  #shouldAbort(): boolean {
    const f = this.#flight;
    if (!f || !this.#runner.abort) return false;
    return this.#lastRunMs >= ABORT_AFTER_MS || performance.now() - f.sent >= ABORT_AFTER_MS;
  }

  /** After `failure`: forgets the losses and runs the latest inputs again. */
  retry(): void {
    if (!this.failure) return;
    this.failure = null;
    this.#failures = 0;
    this.#pending ??= this.#failedJob;
    this.#failedJob = null;
    if (!this.#inFlight && !this.#held) void this.#pump();
  }

  /**
   * Runs `scenario` at low priority: after the user's pending and in-flight
   * runs, never delaying one that is already waiting (a user run asked for
   * while this one runs goes next). Publishes nothing: the outcome is
   * returned, and the `update` measures and `stats` count the user's runs only.
   */
  background(scenario: Scenario): Promise<RunOutcome> {
    return new Promise((resolve) => {
      if (this.#disposed) return resolve({ ok: false, errors: ['the simulation was closed'] });
      this.#background.push({ scenario, resolve, lost: 0 });
      if (!this.#inFlight && !this.failure && !this.#held) void this.#pump();
    });
  }

  /** Resolves once no run is in flight or pending (or the bridge stopped: `failure`, disposed). */
  async idle(): Promise<void> {
    while (
      this.#inFlight ||
      ((this.#pending || this.#background.length) && !this.failure && !this.#disposed)
    )
      await new Promise((r) => setTimeout(r, 1));
  }

  /**
   * One run in the worker. Measured as `run:<id>` (from sending the inputs to
   * having the answer; `detail.user`: the user's inputs or a background run;
   * `detail.ahead`: a run ahead),
   * so that benchmarks and tests can see which runs were in flight together.
   */
  async #attempt(
    scenario: Scenario,
    user: boolean,
    key: string = keyOf(scenario),
  ): Promise<RunOutcome | WorkerLost> {
    const sent = performance.now();
    this.#flight = { user, sent, key, ahead: false, adopted: null };
    try {
      return await this.#runner.run(scenario);
    } catch (e) {
      if (isWorkerLost(e)) return e;
      return { ok: false, errors: [`the simulation failed: ${String(e)}`] };
    } finally {
      const ahead = this.#flight?.ahead ?? false;
      this.#flight = null;
      performance.measure(`run:${this.id}`, { start: sent, detail: { user, ahead } });
    }
  }

  async #pump(): Promise<void> {
    this.#inFlight = true;
    this.busy = true;
    while (
      (this.#pending || this.#background.length || this.#prefetch.length) &&
      !this.failure &&
      !this.#disposed
    ) {
      if (!this.#pending && !this.#background.length) {
        await this.#runAhead(this.#prefetch.shift()!);
        continue;
      }
      if (!this.#pending) {
        // Nothing of the user's waits: one background run, then look again.
        this.busy = false;
        const bg = this.#background.shift()!;
        const outcome = await this.#attempt(bg.scenario, false);
        if (!isWorkerLost(outcome) && outcome.ok) this.#remember(keyOf(bg.scenario), outcome);
        if (!isWorkerLost(outcome)) bg.resolve(outcome);
        else if (!this.#disposed && (outcome.kind === 'aborted' || ++bg.lost < MAX_FAILURES))
          this.#background.unshift(bg); // again, after the user's run if one waits
        else bg.resolve({ ok: false, errors: [`the simulation failed: ${outcome.message}`] });
        continue;
      }
      const job = this.#pending;
      this.#pending = null;
      this.busy = true;
      const sent = performance.now();
      const outcome = await this.#attempt(job.scenario, true);
      if (isWorkerLost(outcome)) {
        // Run the latest inputs again on a fresh worker (newer ones if they came).
        if (!this.#disposed) this.#pending ??= job;
        if (outcome.kind === 'aborted') {
          this.stats.aborted++;
          continue;
        }
        this.stats.lost++;
        if (++this.#failures >= MAX_FAILURES) this.#fail(outcome);
        continue;
      }
      this.#failures = 0;
      this.#lastRunMs = performance.now() - sent;
      this.stats.ran++;
      if (outcome.ok) this.#remember(keyOf(job.scenario), outcome);
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

  /** One speculative run (see `prefetch`); shown if the user asked for its inputs meanwhile. */
  async #runAhead(scenario: Scenario): Promise<void> {
    const key = keyOf(scenario);
    if (this.#cache.has(key)) return;
    this.busy = false;
    this.stats.prefetched++;
    const sent = performance.now();
    const running = this.#attempt(scenario, false, key);
    const flight = this.#flight!; // set by #attempt before it waits
    flight.ahead = true;
    const outcome = await running;
    if (isWorkerLost(outcome)) {
      // A guess is not worth a second worker: the guesses end here; the user's inputs run again.
      this.#prefetch = [];
      if (flight.adopted !== null && flight.adopted === this.#seq)
        this.#pending ??= { seq: this.#seq, scenario };
      return;
    }
    this.#lastRunMs = performance.now() - sent;
    if (outcome.ok) this.#remember(key, outcome);
    if (flight.adopted === null || flight.adopted !== this.#seq) return;
    // The user asked for these inputs while they ran, and for nothing newer since.
    this.busy = true;
    this.stats.ran++;
    this.#publish(outcome, performance.now() - sent);
  }

  /** Stops after repeated losses: the latest inputs wait for `retry`, background runs end. */
  #fail(lost: WorkerLost): void {
    this.failure = { kind: lost.kind, detail: lost.message };
    this.#failedJob = this.#pending;
    this.#pending = null;
    for (const bg of this.#background.splice(0))
      bg.resolve({ ok: false, errors: [`the simulation failed: ${lost.message}`] });
  }

  /** `roundTripMs`: from sending the inputs to the worker to having the result back. */
  #publish(outcome: RunOutcome, roundTripMs: number, cached = false): void {
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
        detail: {
          engineMs: cached ? 0 : outcome.ms,
          roundTripMs,
          drawMs: end - received,
          cached,
        },
      });
      forgetOldEntries(this.id);
    }
  }

  /** Ends the worker; nothing runs afterwards (background runs waiting resolve with an error). */
  dispose(): void {
    this.#disposed = true;
    this.#pending = null;
    this.#prefetch = [];
    this.#cache.clear();
    for (const bg of this.#background.splice(0))
      bg.resolve({ ok: false, errors: ['the simulation was closed'] });
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
  for (const name of [`update:${id}`, `run:${id}`])
    if (performance.getEntriesByName(name, 'measure').length > MAX_MEASURES)
      performance.clearMeasures(name);
}

/**
 * A bridge that owns a new simulation worker (supervised by the worker
 * layer), started with the first run (after `holdUntil`, if given).
 */
export function createWorkerBridge(id: string, holdUntil?: Promise<unknown>): SimBridge {
  const runner = simRunner(`simulation ${id}`);
  return new SimBridge(id, runner, () => runner.dispose(), holdUntil);
}
