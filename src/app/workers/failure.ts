/**
 * Work of the worker layer that failed for good (a batch of runs, the
 * sensitivity charts, rows of the scenario table), as the page says it: a
 * sentence in the page's language, with the error's own words (English,
 * technical) kept apart as its detail, for a title. When workers were lost
 * repeatedly (a WorkerLost, or an error caused by one: the pool's "lost 3
 * times in a row"), the sentence says how they were lost and that the rest
 * of the page still works; any other error (a job's own) says only that
 * the work failed.
 */
import { translate, type Lang } from '../../i18n/index.ts';
import { MAX_LOST_IN_A_ROW } from '../../pool/pool.ts';
import { MAX_FAILURES, isWorkerLost, type WorkerLost } from './supervisor.ts';

export interface Failure {
  /** How the last worker was lost, when repeated losses are why; null for a job's own error. */
  lost: WorkerLost['kind'] | null;
  /** The error's own words, in English (the technical detail). */
  detail: string;
}

/** The failure that `e` (a rejection of the worker layer or of a pool) stands for. */
export function failureOf(e: unknown): Failure {
  const detail = e instanceof Error ? e.message : String(e);
  const cause = e instanceof Error ? e.cause : undefined;
  const lost = isWorkerLost(e) ? e : isWorkerLost(cause) ? cause : null;
  return { lost: lost?.kind ?? null, detail };
}

/** What failed: the runs of A and B, the sensitivity page's charts, the table's rows. */
export type FailedWork = 'runs' | 'sens' | 'table';

/** The sentence the page shows for `f`, in `lang`. */
export function failureText(lang: Lang, what: FailedWork, f: Failure): string {
  if (f.lost) {
    return translate(lang, `errors.lost.${what}`, {
      n: what === 'table' ? MAX_FAILURES : MAX_LOST_IN_A_ROW,
      why: translate(lang, `errors.workerWhy.${f.lost}`),
    });
  }
  return translate(lang, what === 'runs' ? 'runs.failed' : 'sens.status.failed');
}
