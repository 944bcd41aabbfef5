/**
 * One supervised worker: the rules that every worker of the page follows,
 * written once. A call goes to the live worker (started on first use, and
 * again after a loss); the worker is *lost*, terminated and forgotten, when
 *
 * - it reports an error (an uncaught exception inside it, or its script
 *   failed to load),
 * - it receives a message it cannot read (`messageerror`), or says that
 *   it did (src/worker/guard.ts: a request it could not read or handle),
 * - it sends a message that is no answer the page can read (not one of
 *   Comlink's replies), or an answer the caller finds malformed (`call`'s
 *   `valid`: e.g. a run's outcome without its result),
 * - a call gets no answer within its time limit (the caller scales the limit
 *   to the job: see limits.ts), or
 * - the caller aborts the call in flight (`abort`: the way to stop a long run
 *   at once, since a worker running the engine cannot be interrupted).
 *
 * Every call in flight on a lost worker rejects with `WorkerLost` (its `kind`
 * says why), so that nothing waits for an answer that will never come; the
 * next call starts a fresh worker. What to run again is the caller's choice
 * (latest inputs win in SimBridge; a pool sends the chunk again). `failures`
 * counts losses in a row (not aborts), for the callers' "after repeated
 * failures, say so and offer a retry".
 *
 * Knows workers only through `Endpoint`, so the unit tests drive it with
 * fake workers.
 */
import { transferHandlers, wrap, type Remote } from 'comlink';
import { WorkerLost } from '../../pool/pool.ts';
import { isWorkerFault } from '../../worker/guard.ts';

export { WorkerLost, isWorkerLost } from '../../pool/pool.ts';

/** What the supervisor needs of a worker (a DOM Worker fits). */
export interface Endpoint {
  postMessage(message: unknown, transfer: Transferable[]): void;
  postMessage(message: unknown, options?: StructuredSerializeOptions): void;
  addEventListener(type: string, listener: (ev: Event) => void): void;
  removeEventListener(type: string, listener: (ev: Event) => void): void;
  terminate(): void;
}

interface Live<Api> {
  endpoint: Endpoint;
  api: Remote<Api>;
  /** The rejecters of the calls in flight on this worker. */
  pending: Set<(e: WorkerLost) => void>;
}

/** Losses in a row after which the callers give up and offer a retry. */
export const MAX_FAILURES = 3;

export class SupervisedWorker<Api> {
  /** Losses in a row (aborts are not losses); a call answered resets it. */
  failures = 0;
  /** Workers started, lost (not counting aborts) and aborted, for tests. */
  readonly stats = { spawned: 0, lost: 0, aborted: 0 };

  readonly #spawn: () => Endpoint;
  #live: Live<Api> | null = null;
  #disposed = false;

  constructor(spawn: () => Endpoint) {
    this.#spawn = spawn;
  }

  /** Whether a call is in flight. */
  get busy(): boolean {
    return (this.#live?.pending.size ?? 0) > 0;
  }

  /** Whether a worker is running (started and not lost). */
  get alive(): boolean {
    return this.#live !== null;
  }

  /**
   * Calls the worker: `fn` gets its Comlink proxy. Rejects with `WorkerLost`
   * if the worker is lost before answering (see above), after `limitMs` at
   * the latest; a job's own error (the worker is fine) rejects as it is. An
   * answer that `valid` rejects loses the worker (kind 'messageerror'), as a
   * message it could not read would.
   */
  call<R>(
    fn: (api: Remote<Api>) => Promise<R>,
    limitMs = Infinity,
    valid?: (answer: unknown) => boolean,
  ): Promise<R> {
    if (this.#disposed) return Promise.reject(new WorkerLost('the worker was disposed', 'aborted'));
    const live = (this.#live ??= this.#start());
    return new Promise<R>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settle = (): boolean => {
        clearTimeout(timer);
        return live.pending.delete(onLost);
      };
      const onLost = (e: WorkerLost) => {
        settle();
        reject(e);
      };
      live.pending.add(onLost);
      if (Number.isFinite(limitMs)) {
        timer = setTimeout(
          () =>
            this.#lose(
              live,
              new WorkerLost(
                `the worker did not answer within ${Math.round(limitMs)} ms`,
                'timeout',
              ),
            ),
          limitMs,
        );
      }
      let answer: Promise<R>;
      try {
        answer = Promise.resolve(fn(live.api));
      } catch (e) {
        answer = Promise.reject(e);
      }
      answer.then(
        (v) => {
          if (!live.pending.has(onLost)) return;
          if (valid && !valid(v)) {
            // Rejects this call (and any other in flight on this worker).
            this.#lose(
              live,
              new WorkerLost('the worker sent an answer that could not be used', 'messageerror'),
            );
            return;
          }
          settle();
          if (this.#live === live) this.failures = 0;
          resolve(v);
        },
        (e: unknown) => {
          if (settle()) reject(e);
        },
      );
    });
  }

  /**
   * Stops the calls in flight at once: the worker is terminated (they reject
   * with a `WorkerLost` of kind 'aborted') and the next call starts a fresh
   * one. Returns whether a call was in flight.
   */
  abort(): boolean {
    const live = this.#live;
    if (!live || live.pending.size === 0) return false;
    this.#lose(live, new WorkerLost('the run was aborted', 'aborted'));
    return true;
  }

  /** Forgets the failures in a row (the user asked to try again). */
  retry(): void {
    this.failures = 0;
  }

  /** Terminates the worker for good; calls in flight reject, later calls too. */
  dispose(): void {
    this.#disposed = true;
    if (this.#live) this.#lose(this.#live, new WorkerLost('the worker was disposed', 'aborted'));
  }

  #start(): Live<Api> {
    this.stats.spawned++;
    const endpoint = this.#spawn();
    const live: Live<Api> = { endpoint, api: null as unknown as Remote<Api>, pending: new Set() };
    // Before Comlink's own listener: every message of a worker is an answer
    // in Comlink's format, or a worker's word that it got a message it could
    // not handle (src/worker/guard.ts); anything else means a worker that
    // can no longer be trusted to answer.
    endpoint.addEventListener('message', (ev) => {
      const data = (ev as MessageEvent).data as unknown;
      if (isWorkerFault(data)) this.#lose(live, new WorkerLost(data.detail, 'messageerror'));
      else if (!isReply(data))
        this.#lose(
          live,
          new WorkerLost('the worker sent a message that could not be read', 'messageerror'),
        );
    });
    live.api = wrap<Api>(endpoint as unknown as Worker);
    endpoint.addEventListener('error', (ev) => {
      // Handled here: the page's console need not report it as uncaught too.
      ev.preventDefault();
      const message = (ev as ErrorEvent).message;
      this.#lose(
        live,
        new WorkerLost(
          message ? `the worker failed: ${message}` : 'the worker failed to load or crashed',
          'error',
        ),
      );
    });
    endpoint.addEventListener('messageerror', () =>
      this.#lose(
        live,
        new WorkerLost('the worker sent a message that could not be read', 'messageerror'),
      ),
    );
    return live;
  }

  #lose(live: Live<Api>, why: WorkerLost): void {
    if (this.#live !== live) return;
    this.#live = null;
    if (why.kind === 'aborted') this.stats.aborted++;
    else {
      this.stats.lost++;
      this.failures++;
    }
    live.endpoint.terminate();
    for (const reject of [...live.pending]) reject(why);
    live.pending.clear();
  }
}

/** Whether `data` is an answer in Comlink's format that Comlink can read. */
function isReply(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as { id?: unknown; type?: unknown; name?: unknown };
  if (typeof m.id !== 'string' || m.id === '') return false;
  if (m.type === 'RAW') return true;
  return m.type === 'HANDLER' && typeof m.name === 'string' && transferHandlers.has(m.name);
}
