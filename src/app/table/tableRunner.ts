/**
 * Runs saved scenarios for the scenario table in a simulation worker of its
 * own (the main thread never runs the model), one after another, and keeps
 * each summary for as long as the saved entry is unchanged.
 */
import { releaseProxy, wrap, type Remote } from 'comlink';
import type { Summary } from '../../engine/index.ts';
import type { SavedScenario } from '../../share/storage.ts';
import type { Runner } from '../bridge.svelte.ts';
import type { SimApi } from '../../worker/sim.worker.ts';
import { createSimWorker } from '../share/simWorker.ts';

export type RowOutcome = { ok: true; summary: Summary } | { ok: false; errors: string[] };

/** A saved entry's identity for the cache: a re-save under the same name runs again. */
export function entryKey(e: SavedScenario): string {
  return `${e.name}\u0000${e.savedAt}\u0000${e.modelVersion}`;
}

export class TableRunner {
  readonly #cache = new Map<string, RowOutcome>();
  #runner: Runner | null;
  #api: Remote<SimApi> | null = null;
  #worker: Worker | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  /** `runner` for tests; by default a worker, started on first use. */
  constructor(runner: Runner | null = null) {
    this.#runner = runner;
  }

  #ensure(): Runner {
    if (!this.#runner) {
      this.#worker = createSimWorker('simulation table');
      this.#api = wrap<SimApi>(this.#worker);
      this.#runner = this.#api;
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
          try {
            const outcome = await this.#ensure().run(e.scenario);
            r = outcome.ok
              ? { ok: true, summary: outcome.result.summary }
              : { ok: false, errors: outcome.errors };
          } catch (err) {
            r = { ok: false, errors: [String(err)] };
          }
          this.#cache.set(key, r);
        }
        out.push(r);
      }
      return out;
    });
    this.#queue = job.catch(() => {});
    return job;
  }

  dispose(): void {
    this.#api?.[releaseProxy]();
    this.#worker?.terminate();
    this.#api = null;
    this.#worker = null;
  }
}
