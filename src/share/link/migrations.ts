/**
 * Link formats and model versions: the current format, the migrations of
 * older formats' raw parameters, and what an older model had that this one
 * no longer has.
 */
import { MODEL_VERSION } from '../../engine/index.ts';
import { issue, type ShareIssue } from './issues.ts';

/** A link's raw parameters, key to value. */
export type Params = Map<string, string>;

/** Version of the link format written by encodeState; older ones are migrated on load. */
export const FORMAT_VERSION = 3;

/**
 * Settings of earlier models that the current one no longer has: a link, a
 * saved scenario or a scenario file holding one opens without it, and says so.
 */
export const REMOVED_PATHS: readonly string[] = ['firms.reinvestShare'];

/** The major part of a model version ("2.0.0" -> 2), NaN if it has none. */
export function modelMajor(version: string): number {
  const m = /^(\d+)(?:\.|$)/.exec(version.trim());
  return m ? Number(m[1]) : NaN;
}

/**
 * The notice for a link, saved scenario or file made with model `made`
 * (null when the major version is the same, or `made` cannot be read).
 */
export function modelChange(made: string): 'modelChanged' | 'modelNewer' | null {
  const then = modelMajor(made);
  const now = modelMajor(MODEL_VERSION);
  if (!Number.isFinite(then) || then === now) return null;
  return then < now ? 'modelChanged' : 'modelNewer';
}

/** Migrations of the raw parameters, from version n to n + 1. */
const MIGRATIONS: Record<number, (p: Params, hash: string, issues: ShareIssue[]) => Params> = {
  /**
   * Version 1 (the first app): the page in the hash (#sim, #model), the
   * chart mode 'both' for A and B together, and `policy.passThrough` for
   * what is now `policy.passThroughFloor`.
   */
  1: (p, hash, issues) => {
    const out: Params = new Map();
    for (const [k, val] of p) {
      const renamed = k.replace(/^([ab])\.policy\.passThrough$/, '$1.policy.passThroughFloor');
      // A value the link also gives under the new name wins over the old name's, and is told.
      if (renamed !== k && p.has(renamed)) {
        issues.push(
          issue('renamedBoth', {
            oldName: k,
            oldValue: val,
            newName: renamed,
            newValue: p.get(renamed) ?? '',
          }),
        );
        continue;
      }
      out.set(renamed, k === 'mode' && val === 'both' ? 'ab' : val);
    }
    if (!out.has('view') && (hash === '#model' || hash === '#sim')) {
      out.set('view', hash === '#model' ? 'model' : 'compare');
    }
    return out;
  },
  /**
   * Version 2 (model 1): the same keys. What model 2 no longer has
   * (REMOVED_PATHS) is dropped with its own notice wherever it appears, and
   * the link's model version (1.x, which format 2 did not write) is told.
   */
  2: (p) => p,
};

/**
 * The parameters of a link of format `from` as the current format has them;
 * a conflict a migration resolves is told in `issues`.
 */
export function migrate(params: Params, from: number, hash: string, issues: ShareIssue[]): Params {
  let p = params;
  for (let n = from; n < FORMAT_VERSION; n++) p = MIGRATIONS[n](p, hash, issues);
  return p;
}
