/**
 * Runs saved scenarios for the scenario table in a simulation worker of its
 * own (the main thread never runs the model), one after another, and keeps
 * each summary for as long as the saved entry is unchanged. The worker comes
 * from the worker layer: a lost worker is replaced and the entry runs again,
 * up to MAX_FAILURES times in a row; then the row says so (its `failure`,
 * which the page says in its own language) and is not kept, so that the
 * table's next look, or its Retry, runs it again.
 */
import type { Summary } from '../../engine/index.ts';
import type { SavedScenario } from '../../share/storage.ts';
import type { Runner } from '../bridge.svelte.ts';
import { failureOf, type Failure } from '../workers/failure.ts';
import { MAX_FAILURES, isWorkerLost, simRunner, type SimRunner } from '../workers/index.ts';

export type RowOutcome =
  | { ok: true; summary: Summary }
  /** `failure`: the table's worker was lost repeatedly (the row was not computed). */
  | { ok: false; errors: string[]; failure?: Failure };

/** A saved entry's identity for the cache: a re-save under the same name runs again. */
export function entryKey(e: SavedScenario): string {
  return `${e.name}\u0000${e.savedAt}\u0000${e.modelVersion}`;
}

export class TableRunner {
  readonly #cache = new Map<string, RowOutcome>();
  #runner: Runner | null;
  #owned: SimRunner | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  /** `runner` for tests; by default a worker, started on first use. */
  constructor(runner: Runner | null = null) {
    this.#runner = runner;
  }

  #ensure(): Runner {
    if (!this.#runner) {
      this.#owned = simRunner('simulation table');
      this.#runner = this.#owned;
    }
    return this.#runner;
  }

  cached(e: SavedScenario): RowOutcome | undefined {
    return this.#cache.get(entryKey(e));
  }

  /** The outcome of each entry, running those not yet run (in order, one at a time). */
  run(entries: readonly SavedScenario[]): Promise<RowOutcome[]> {
    const job = this.#queue.then(async () => {
      const out: RowOutcome[] = [];
      for (const e of entries) {
        const key = entryKey(e);
        let r = this.#cache.get(key);
        if (!r) {
          let keep = true;
          for (let lost = 0; !r;) {
            try {
              const outcome = await this.#ensure().run(e.scenario);
              r = outcome.ok
                ? { ok: true, summary: outcome.result.summary }
                : { ok: false, errors: outcome.errors };
            } catch (err) {
              // A lost worker: run the entry again on a fresh one, a few times.
              if (isWorkerLost(err) && ++lost < MAX_FAILURES) continue;
              keep = !isWorkerLost(err);
              r = { ok: false, errors: [err instanceof Error ? err.message : String(err)] };
              if (!keep) r.failure = failureOf(err);
            }
          }
          if (keep) this.#cache.set(key, r);
        }
        out.push(r);
      }
      return out;
    });
    this.#queue = job.catch(() => {});
    return job;
  }

  dispose(): void {
    if (!this.#owned) return;
    this.#owned.dispose();
    this.#owned = null;
    this.#runner = null;
  }
}
