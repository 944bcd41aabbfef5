/**
 * Fault injection for the worker-fault browser tests (and the recovery
 * benchmark), entirely on the test's side: an init script wraps the page's
 * Worker constructor before the app loads, so that the app's own code has no
 * hook at all. It records every worker by name and can, for the newest live
 * worker of a name:
 *
 * - 'terminate': end it silently (as a crash the page is not told of; only
 *   the time limit finds it),
 * - 'throw': send it a message that throws inside it (an uncaught exception
 *   in its message handler: the page gets an error event),
 * - 'hang': make it never answer (its messages, both ways, are dropped),
 * - 'messageerror': fire a messageerror at it (a message it could not read),
 * - 'badreply': make its next reply one the page cannot use (in Comlink's
 *   format, but its value is no answer: as a reply garbled on its way),
 * - 'badrequest': send it a message it cannot handle (no request Comlink
 *   knows: the worker's guard, src/worker/guard.ts, tells the page),
 * - 'crash': end it and fire an error at it (as a crash the page is told of).
 *
 * `spawnFaults[name]` lists faults for the next workers made with that name,
 * one per worker: 'load' (its script fails to load), 'hang', 'terminate',
 * 'throw', 'badreply' or 'badrequest' (as above, at once), 'messageerror'
 * (as above, once the page has sent it its first message), 'ok'. A name
 * ending in '*' stands for every name that starts with what precedes it
 * (e.g. 'batch *': every batch worker; an exact name is looked up first).
 * The init script also sets the worker layer's test-only base time limit
 * (limits.ts), so that a hung worker is found in seconds.
 */
import type { Page } from 'playwright-core';

export type Kill =
  'terminate' | 'throw' | 'hang' | 'messageerror' | 'badreply' | 'badrequest' | 'crash';
export type SpawnFault =
  'load' | 'hang' | 'terminate' | 'throw' | 'messageerror' | 'badreply' | 'badrequest' | 'ok';

/** The base time limit the tests give the worker layer, ms (production: 8 s). */
export const TEST_BASE_LIMIT_MS = 3000;

/** The init script; `baseLimitMs` undefined keeps the app's own time limits (the benchmark). */
export function faultsScript(baseLimitMs?: number): string {
  return `(() => {
  ${baseLimitMs === undefined ? '' : `window.__workerTestBaseLimitMs = ${baseLimitMs};`}
  const Base = window.Worker;
  const post = Base.prototype.postMessage;
  const stop = Base.prototype.terminate;
  const made = [];
  const spawnFaults = {};
  const badMessage = { id: 'fault', type: 'APPLY', path: ['run'], argumentList: 5 };
  const badRequest = { id: 'fault', type: 'NO_SUCH_REQUEST' };
  function apply(rec, how) {
    const w = rec.worker;
    if (how === 'terminate') { rec.alive = false; stop.call(w); }
    else if (how === 'throw') post.call(w, badMessage);
    else if (how === 'hang') rec.hung = true;
    else if (how === 'messageerror') w.dispatchEvent(new MessageEvent('messageerror'));
    else if (how === 'badreply') rec.badReply = true;
    else if (how === 'badrequest') post.call(w, badRequest);
    else if (how === 'crash') {
      rec.alive = false;
      stop.call(w);
      w.dispatchEvent(new ErrorEvent('error', { message: 'injected crash', cancelable: true }));
    }
  }
  window.__faults = {
    made,
    spawnFaults,
    /** Workers made whose name starts with prefix (alive ones only if alive). */
    count(prefix, alive) {
      return made.filter((r) => r.name.startsWith(prefix) && (!alive || r.alive)).length;
    },
    kill(prefix, how) {
      const rec = made.filter((r) => r.name.startsWith(prefix) && r.alive).pop();
      if (!rec) return false;
      apply(rec, how);
      return true;
    },
  };
  function faultsFor(name) {
    if (spawnFaults[name]) return spawnFaults[name];
    const key = Object.keys(spawnFaults).find(
      (k) => k.endsWith('*') && name.startsWith(k.slice(0, -1)),
    );
    return key ? spawnFaults[key] : undefined;
  }
  // Each message event as the page's listeners see it (the same for all of them).
  const seen = new WeakMap();
  function received(rec, ev) {
    if (seen.has(ev)) return seen.get(ev);
    let out = ev;
    const d = ev.data;
    if (rec.badReply && d && typeof d === 'object' && typeof d.id === 'string') {
      rec.badReply = false;
      out = new MessageEvent('message', { data: { id: d.id, type: 'RAW', value: { garbled: true } } });
    }
    seen.set(ev, out);
    return out;
  }
  window.Worker = class extends Base {
    constructor(src, opts) {
      const name = (opts && opts.name) || '';
      const list = faultsFor(name);
      const fault = list && list.length ? list.shift() : 'ok';
      super(fault === 'load' ? new URL('/__no_such_worker__.js', location.href) : src, opts);
      const rec = { name, worker: this, alive: true, hung: false, badReply: false, fault };
      made.push(rec);
      let firstPost = fault === 'messageerror';
      this.terminate = () => { rec.alive = false; stop.call(this); };
      this.postMessage = (...args) => {
        if (rec.hung) return;
        post.apply(this, args);
        if (firstPost) {
          firstPost = false;
          setTimeout(() => apply(rec, 'messageerror'), 0);
        }
      };
      const add = this.addEventListener.bind(this);
      this.addEventListener = (type, fn, o) =>
        add(type, type === 'message' ? (ev) => { if (!rec.hung) fn(received(rec, ev)); } : fn, o);
      if (fault !== 'ok' && fault !== 'load' && fault !== 'messageerror') apply(rec, fault);
    }
  };
})()`;
}

/** The init script of the tests: faults, and a base time limit of TEST_BASE_LIMIT_MS. */
export const FAULTS = faultsScript(TEST_BASE_LIMIT_MS);

/** Applies `how` to the newest live worker whose name starts with `prefix`; false if none. */
export function kill(page: Page, prefix: string, how: Kill): Promise<boolean> {
  return page.evaluate(
    ([p, h]) =>
      (window as unknown as { __faults: { kill(p: string, h: string): boolean } }).__faults.kill(
        p,
        h,
      ),
    [prefix, how] as const,
  );
}

/** Workers made so far whose name starts with `prefix` (alive ones only if `alive`). */
export function made(page: Page, prefix: string, alive = false): Promise<number> {
  return page.evaluate(
    ([p, a]) =>
      (window as unknown as { __faults: { count(p: string, a: boolean): number } }).__faults.count(
        p,
        a,
      ),
    [prefix, alive] as const,
  );
}

/** Faults for the next workers made with exactly this name (one per worker). */
export function spawnFaults(page: Page, name: string, faults: SpawnFault[]): Promise<void> {
  return page.evaluate(
    ([n, f]) => {
      (
        window as unknown as { __faults: { spawnFaults: Record<string, string[]> } }
      ).__faults.spawnFaults[n] = f;
    },
    [name, faults] as const,
  );
}

/** An init script that sets spawn faults before the app makes its first workers. */
export function spawnFaultsAtLoad(faults: Record<string, SpawnFault[]>): string {
  return `Object.assign(window.__faults.spawnFaults, ${JSON.stringify(faults)})`;
}
