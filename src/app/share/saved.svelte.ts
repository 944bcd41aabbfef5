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
import {
  decodeTable,
  mergeTable,
  tableOfLink,
  type WorkshopMessage,
} from '../../share/workshop.ts';

/** Where the scenario table's order and the rows left out of it are kept. */
export const TABLE_KEY = 'scs:table';

/** The scenario table's arrangement: rows in this order (others after, oldest first), some left out. */
export interface TableLayout {
  order: string[];
  hidden: string[];
}

/** What opening a workshop table (link or file) did, for the table page to tell. */
export interface TableOpened {
  source: { kind: 'link' } | { kind: 'file'; file: string };
  ok: boolean;
  messages: WorkshopMessage[];
  /** Saved scenarios left out of the opened table. */
  others: number;
}

export class SavedScenarios {
  entries = $state.raw<SavedScenario[]>([]);
  /** Entries set aside as damaged (now and in earlier visits), until discarded. */
  aside = $state.raw<SetAside[]>([]);
  readonly store: ScenarioStore;
  readonly persistent: boolean;
  /** The browser's store is full: saved scenarios are read, saves are refused (and said). */
  full = $state(false);
  layout = $state.raw<TableLayout>({ order: [], hidden: [] });
  /** The last workshop table opened (from the link or a file), until dismissed. */
  opened = $state.raw<TableOpened | null>(null);

  /** Every saved scenario in the table's order: the saved order, then newer ones by time saved. */
  readonly rows = $derived.by(() => {
    const { order } = this.layout;
    const rank = (name: string) => {
      const i = order.indexOf(name);
      return i < 0 ? order.length : i;
    };
    return [...this.entries].sort(
      (a, b) => rank(a.name) - rank(b.name) || a.savedAt.localeCompare(b.savedAt),
    );
  });
  /** The rows the table shows. */
  readonly shown = $derived(this.rows.filter((e) => !this.layout.hidden.includes(e.name)));

  /** `storage` for tests; `href` is the address the app opened with (a workshop link holds a table). */
  constructor(storage?: StorageLike, href: string | undefined = globalThis.location?.href) {
    if (storage) {
      this.store = new ScenarioStore(storage);
      this.persistent = true;
    } else {
      const b = browserStorage();
      this.store = new ScenarioStore(b.storage);
      this.persistent = b.persistent;
      this.full = b.full;
    }
    this.refresh();
    this.layout = this.#readLayout();
    const table = href ? tableOfLink(href) : null;
    if (table !== null) this.openTable(table, { kind: 'link' });
    // Another tab saved or deleted a scenario.
    globalThis.addEventListener?.('storage', (e: StorageEvent) => {
      if (e.key === null || e.key.startsWith(SAVED_PREFIX) || e.key.startsWith(ASIDE_PREFIX)) {
        this.refresh();
      }
      if (e.key === null || e.key === TABLE_KEY) this.layout = this.#readLayout();
    });
  }

  refresh(): void {
    const { entries } = this.store.list();
    this.entries = entries;
    this.aside = this.store.setAside();
  }

  #readLayout(): TableLayout {
    try {
      const raw = JSON.parse(this.store.storage.getItem(TABLE_KEY) ?? 'null') as unknown;
      const names = (x: unknown) =>
        Array.isArray(x) ? x.filter((n): n is string => typeof n === 'string') : [];
      if (raw && typeof raw === 'object') {
        const r = raw as Record<string, unknown>;
        return { order: names(r.order), hidden: names(r.hidden) };
      }
    } catch {
      // A damaged layout only loses the order: the saved scenarios are elsewhere.
    }
    return { order: [], hidden: [] };
  }

  #setLayout(layout: TableLayout): void {
    this.layout = layout;
    try {
      this.store.storage.setItem(TABLE_KEY, JSON.stringify(layout));
    } catch {
      // Storage full: the layout holds for this visit.
    }
  }

  /** Shows or leaves out a saved scenario in the table. */
  setShown(name: string, on: boolean): void {
    const hidden = this.layout.hidden.filter((n) => n !== name);
    this.#setLayout({ ...this.layout, hidden: on ? hidden : [...hidden, name] });
  }

  /** Moves a row up (-1) or down (+1) in the table. */
  move(name: string, step: number): void {
    const order = this.rows.map((e) => e.name);
    const i = order.indexOf(name);
    const j = i + step;
    if (i < 0 || j < 0 || j >= order.length) return;
    [order[i], order[j]] = [order[j], order[i]];
    this.#setLayout({ ...this.layout, order });
  }

  /** A saved scenario was renamed: it keeps its place in the table. */
  renamed(from: string, to: string): void {
    const swap = (xs: string[]) => xs.map((n) => (n === from ? to : n));
    this.#setLayout({ order: swap(this.layout.order), hidden: swap(this.layout.hidden) });
  }

  /** The table shows exactly `names`, in this order; other saved scenarios are left out (kept). */
  #showOnly(names: string[]): number {
    this.refresh();
    const others = this.entries.map((e) => e.name).filter((n) => !names.includes(n));
    this.#setLayout({ order: [...names, ...others], hidden: others });
    return others.length;
  }

  /**
   * Opens a workshop table (a link's `table` value, or a table file's
   * text read with `read`): saves its scenarios without overwriting any,
   * and shows them in the table in their order.
   */
  openTable(
    text: string,
    source: TableOpened['source'],
    read: (text: string) => ReturnType<typeof decodeTable> = decodeTable,
  ): TableOpened {
    const r = read(text);
    let opened: TableOpened;
    if (!r.ok) {
      opened = { source, ok: false, messages: r.errors, others: 0 };
    } else {
      const merged = mergeTable(this.store, r.scenarios);
      const others = this.#showOnly(merged.names);
      opened = { source, ok: true, messages: [...merged.messages, ...r.notes], others };
    }
    this.opened = opened;
    return opened;
  }
}

/** The name a damaged entry had (its key without the prefix). */
export function asideName(s: SetAside): string {
  return s.from.startsWith(SAVED_PREFIX) ? s.from.slice(SAVED_PREFIX.length) : s.from;
}
