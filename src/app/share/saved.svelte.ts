/**
 * The saved scenarios as Svelte state, over the store in src/share/storage.ts
 * (localStorage in the browser). Listing checks every entry: damaged ones are
 * moved aside by the store and listed in `aside` until the user discards them.
 */
import {
  ASIDE_PREFIX,
  SAVED_PREFIX,
  ScenarioStore,
  browserStorage,
  type SavedScenario,
  type SetAside,
  type StorageLike,
} from '../../share/storage.ts';

export class SavedScenarios {
  entries = $state.raw<SavedScenario[]>([]);
  /** Entries set aside as damaged (now and in earlier visits), until discarded. */
  aside = $state.raw<SetAside[]>([]);
  readonly store: ScenarioStore;
  readonly persistent: boolean;

  constructor(storage?: StorageLike) {
    if (storage) {
      this.store = new ScenarioStore(storage);
      this.persistent = true;
    } else {
      const b = browserStorage();
      this.store = new ScenarioStore(b.storage);
      this.persistent = b.persistent;
    }
    this.refresh();
    // Another tab saved or deleted a scenario.
    globalThis.addEventListener?.('storage', (e: StorageEvent) => {
      if (e.key === null || e.key.startsWith(SAVED_PREFIX) || e.key.startsWith(ASIDE_PREFIX)) {
        this.refresh();
      }
    });
  }

  refresh(): void {
    const { entries } = this.store.list();
    this.entries = entries;
    this.aside = this.store.setAside();
  }
}

/** The name a damaged entry had (its key without the prefix). */
export function asideName(s: SetAside): string {
  return s.from.startsWith(SAVED_PREFIX) ? s.from.slice(SAVED_PREFIX.length) : s.from;
}
