/**
 * A worker's guard against messages it cannot handle. Comlink (which the
 * workers use to answer the page) drops such a message without a word: a
 * request that could not be read (`messageerror`: it failed to deserialize)
 * or one that is no request Comlink knows, so that the call that sent it
 * would wait for its time limit. The guard tells the page instead, at once,
 * with a `WorkerFault`; the page's worker layer (src/app/workers/) then
 * replaces the worker and runs the latest inputs again.
 *
 * Installed before `Comlink.expose`, so that a message it reports never
 * reaches Comlink.
 */

/** A worker's word that it received a message it could not handle. */
export interface WorkerFault {
  workerFault: 'messageerror';
  /** What happened, in English (for a details line). */
  detail: string;
}

/** Whether `data` (a message from a worker) is a WorkerFault. */
export function isWorkerFault(data: unknown): data is WorkerFault {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { workerFault?: unknown }).workerFault === 'messageerror' &&
    typeof (data as { detail?: unknown }).detail === 'string'
  );
}

/** The kinds of request Comlink's `expose` handles. */
const REQUESTS = new Set(['GET', 'SET', 'APPLY', 'CONSTRUCT', 'ENDPOINT', 'RELEASE']);

/** Whether `data` is a request in Comlink's format (an id and a known type). */
export function isRequest(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as { id?: unknown; type?: unknown; path?: unknown };
  return (
    typeof m.id === 'string' &&
    m.id !== '' &&
    typeof m.type === 'string' &&
    REQUESTS.has(m.type) &&
    (m.path === undefined || Array.isArray(m.path))
  );
}

/** What the guard needs of a worker's global scope (a DedicatedWorkerGlobalScope fits). */
export interface GuardScope {
  addEventListener(type: string, listener: (ev: Event) => void): void;
  postMessage(message: unknown): void;
}

/** Reports to the page every message this worker cannot handle (see above). */
export function guardMessages(scope: GuardScope): void {
  const report = (detail: string) =>
    scope.postMessage({ workerFault: 'messageerror', detail } satisfies WorkerFault);
  scope.addEventListener('messageerror', () =>
    report('the worker received a message it could not read'),
  );
  scope.addEventListener('message', (ev) => {
    if (isRequest((ev as MessageEvent).data)) return;
    ev.stopImmediatePropagation();
    report('the worker received a message it could not handle');
  });
}
