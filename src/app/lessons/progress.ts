/**
 * The students' progress through the lessons (the prediction picked, whether
 * the lesson was finished), kept in the browser. Reading never throws:
 * stored data that cannot be read is set aside under its own key (nothing is
 * lost) and progress starts from what could be read.
 */
import * as v from 'valibot';
import type { StorageLike } from '../../share/storage.ts';

export const PROGRESS_KEY = 'scs:lessons:progress';
/** Where unreadable stored progress is kept, untouched. */
export const PROGRESS_ASIDE_KEY = 'scs:lessons:damaged';
export const PROGRESS_VERSION = 1;

export interface LessonProgress {
  /** Index of the prediction picked, if one was. */
  prediction?: number;
  /** Whether the student saw the model's answer and the explanation. */
  finished?: boolean;
}

export type Progress = Record<string, LessonProgress>;

const Entry = v.strictObject({
  prediction: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(20))),
  finished: v.optional(v.boolean()),
});

const Stored = v.object({
  version: v.literal(PROGRESS_VERSION),
  lessons: v.record(v.string(), v.unknown()),
});

export interface ReadResult {
  progress: Progress;
  /** Whether something stored could not be read (all of it, or some entries). */
  damaged: boolean;
}

/**
 * Reads stored progress. `known` tells which lesson ids exist: entries of
 * other lessons are kept as they are (a later version may know them).
 */
export function parseProgress(raw: string | null): ReadResult {
  if (raw === null) return { progress: {}, damaged: false };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { progress: {}, damaged: true };
  }
  const stored = v.safeParse(Stored, data);
  if (!stored.success) return { progress: {}, damaged: true };
  const progress: Progress = {};
  let damaged = false;
  for (const [id, entry] of Object.entries(stored.output.lessons)) {
    const e = v.safeParse(Entry, entry);
    if (e.success) progress[id] = e.output;
    else damaged = true;
  }
  return { progress, damaged };
}

export function serializeProgress(progress: Progress): string {
  return JSON.stringify({ version: PROGRESS_VERSION, lessons: progress });
}

/** Loads progress from `storage`; damaged data is copied aside before it is ever overwritten. */
export function loadProgress(storage: StorageLike): ReadResult {
  let raw: string | null;
  try {
    raw = storage.getItem(PROGRESS_KEY);
  } catch {
    return { progress: {}, damaged: false };
  }
  const result = parseProgress(raw);
  if (result.damaged && raw !== null) {
    try {
      storage.setItem(PROGRESS_ASIDE_KEY, raw);
    } catch {
      // Storage full or blocked: the damaged data stays where it is until the next save.
    }
  }
  return result;
}

/** Saves progress; false when the browser refuses (private mode, storage full). */
export function saveProgress(storage: StorageLike, progress: Progress): boolean {
  try {
    storage.setItem(PROGRESS_KEY, serializeProgress(progress));
    return true;
  } catch {
    return false;
  }
}
