/**
 * Undo and redo for edits: a capped list of snapshots. Rapid edits of the
 * same control (a slider being dragged, within `coalesceMs` of each other)
 * make one step. Generic: the app keeps snapshots of both scenarios.
 */
export interface HistoryOptions<T> {
  /** Most undo steps kept (older ones are dropped). */
  limit?: number;
  /** Edits of the same control closer than this (ms) merge into one step. */
  coalesceMs?: number;
  /** Skips edits that leave the state as it was. */
  equals?: (a: T, b: T) => boolean;
}

export interface EditInfo {
  /** Which control made the edit (e.g. "A:policy.costDown"); merges need the same key. */
  key?: string;
  /** When (ms, e.g. an event's timeStamp). */
  time?: number;
}

export class UndoHistory<T> {
  #past: T[] = [];
  #present: T;
  #future: T[] = [];
  #lastKey: string | undefined;
  #lastTime = -Infinity;
  #listeners = new Set<() => void>();
  readonly limit: number;
  readonly coalesceMs: number;
  readonly #equals: (a: T, b: T) => boolean;

  constructor(initial: T, opts: HistoryOptions<T> = {}) {
    this.#present = initial;
    this.limit = Math.max(1, opts.limit ?? 100);
    this.coalesceMs = opts.coalesceMs ?? 500;
    this.#equals = opts.equals ?? Object.is;
  }

  get current(): T {
    return this.#present;
  }
  get canUndo(): boolean {
    return this.#past.length > 0;
  }
  get canRedo(): boolean {
    return this.#future.length > 0;
  }
  /** Number of undo and redo steps available. */
  get sizes(): { undo: number; redo: number } {
    return { undo: this.#past.length, redo: this.#future.length };
  }

  /** Calls `fn` after every change; returns the unsubscribe function. */
  subscribe(fn: () => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  #changed(): void {
    for (const fn of this.#listeners) fn();
  }

  /** Records a new state after an edit. */
  push(next: T, info: EditInfo = {}): void {
    if (this.#equals(next, this.#present)) return;
    const time = info.time ?? Date.now();
    const merge =
      info.key !== undefined &&
      info.key === this.#lastKey &&
      time - this.#lastTime <= this.coalesceMs &&
      time >= this.#lastTime &&
      this.#past.length > 0;
    if (!merge) {
      this.#past.push(this.#present);
      if (this.#past.length > this.limit) this.#past.shift();
    }
    this.#present = next;
    this.#future = [];
    this.#lastKey = info.key;
    this.#lastTime = time;
    this.#changed();
  }

  /** Goes one step back; returns the state to show, or undefined if there is none. */
  undo(): T | undefined {
    const prev = this.#past.pop();
    if (prev === undefined) return undefined;
    this.#future.push(this.#present);
    this.#present = prev;
    this.#lastKey = undefined;
    this.#changed();
    return prev;
  }

  redo(): T | undefined {
    const next = this.#future.pop();
    if (next === undefined) return undefined;
    this.#past.push(this.#present);
    this.#present = next;
    this.#lastKey = undefined;
    this.#changed();
    return next;
  }

  /** Forgets every step (e.g. after opening another link). */
  reset(state: T): void {
    this.#past = [];
    this.#future = [];
    this.#present = state;
    this.#lastKey = undefined;
    this.#lastTime = -Infinity;
    this.#changed();
  }
}
