/** The lessons' progress as Svelte state, saved to localStorage on every change. */
import { browserStorage, type StorageLike } from '../../share/storage.ts';
import { loadProgress, saveProgress, type LessonProgress, type Progress } from './progress.ts';

export class LessonsProgress {
  entries = $state.raw<Progress>({});
  /** Stored progress could not be read (it was kept aside). */
  damaged = $state(false);
  /** The browser does not keep progress (storage blocked or full). */
  notKept = $state(false);
  readonly #storage: StorageLike;

  constructor(storage?: StorageLike) {
    const b = storage ? { storage, persistent: true } : browserStorage();
    this.#storage = b.storage;
    this.notKept = !b.persistent;
    const r = loadProgress(this.#storage);
    this.entries = r.progress;
    this.damaged = r.damaged;
  }

  of(id: string): LessonProgress {
    return this.entries[id] ?? {};
  }

  predict(id: string, prediction: number): void {
    this.#update(id, { ...this.of(id), prediction });
  }

  finish(id: string): void {
    if (!this.of(id).finished) this.#update(id, { ...this.of(id), finished: true });
  }

  /** Starts a lesson afresh (the prediction can be made again). */
  restart(id: string): void {
    const rest = { ...this.entries };
    delete rest[id];
    this.entries = rest;
    this.notKept = !saveProgress(this.#storage, rest) || this.notKept;
  }

  get finishedCount(): number {
    return Object.values(this.entries).filter((e) => e.finished).length;
  }

  #update(id: string, entry: LessonProgress): void {
    this.entries = { ...this.entries, [id]: entry };
    if (!saveProgress(this.#storage, this.entries)) this.notKept = true;
  }
}
