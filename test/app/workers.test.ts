/**
 * The worker layer's supervision with fake workers (src/app/workers/): a
 * worker that errors, fails to load, gets a message it cannot read or does
 * not answer in time is lost (terminated, its calls rejected with
 * WorkerLost) and the next call starts a fresh one; and what the layer's
 * users do with a loss: the bridge reruns the latest inputs and, after
 * repeated losses, stops with a failure and a retry; the pool resends a lost
 * chunk (a batch never stalls); the table retries an entry; the bands'
 * controller reruns a batch whose bands' worker was lost. Messages that
 * cannot be handled, both ways (a reply that is no answer, a request the
 * worker reports: src/worker/guard.ts), lose the worker too; what failed
 * for good is said in the page's language.
 */
import { describe, expect, it } from 'vitest';
import { ABORT_AFTER_MS, SimBridge, type Runner } from '../../src/app/bridge.svelte.ts';
import { BandsController } from '../../src/app/runs/bands.svelte.ts';
import { TableRunner } from '../../src/app/table/tableRunner.ts';
import { failureOf, failureText } from '../../src/app/workers/failure.ts';
import { validBandSet, validOutcome, validOutputs } from '../../src/app/workers/index.ts';
import { BASE_LIMIT_MS, firmQuarters, limitMs } from '../../src/app/workers/limits.ts';
import {
  MAX_FAILURES,
  SupervisedWorker,
  WorkerLost,
  isWorkerLost,
  type Endpoint,
} from '../../src/app/workers/supervisor.ts';
import type { Job, RunOutput } from '../../src/engine/batch.ts';
import {
  defaultScenario,
  presetScenario,
  type Scenario,
  type SimResult,
  type Summary,
} from '../../src/engine/index.ts';
import { MAX_LOST_IN_A_ROW, WorkerPool, type JobRunner } from '../../src/pool/pool.ts';
import { bandSet } from '../../src/worker/bandSet.ts';
import { guardMessages, isRequest } from '../../src/worker/guard.ts';
import type { RunOutcome } from '../../src/worker/sim.worker.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fake worker that speaks Comlink's wire format: the test answers each message. */
class FakeWorker extends EventTarget implements Endpoint {
  sent: { id: string; path: string[] }[] = [];
  terminated = false;
  postMessage(message: unknown): void {
    const m = message as { id?: string; type?: string; path?: string[] };
    if (m.type === 'APPLY' && m.id) this.sent.push({ id: m.id, path: m.path ?? [] });
  }
  /** Answers the oldest unanswered call with `value`. */
  answer(value: unknown): void {
    const m = this.sent.shift()!;
    this.dispatchEvent(new MessageEvent('message', { data: { id: m.id, type: 'RAW', value } }));
  }
  /** Sends the page a message as it is (not necessarily an answer). */
  send(data: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  fail(type: 'error' | 'messageerror', message = ''): void {
    const ev = new Event(type, { cancelable: true });
    Object.assign(ev, { message });
    this.dispatchEvent(ev);
  }
  terminate(): void {
    this.terminated = true;
  }
}

interface Api {
  add(a: number, b: number): number;
}

function supervised() {
  const made: FakeWorker[] = [];
  const sup = new SupervisedWorker<Api>(() => {
    const w = new FakeWorker();
    made.push(w);
    return w;
  });
  return { sup, made, last: () => made[made.length - 1] };
}

async function rejection(p: Promise<unknown>): Promise<WorkerLost> {
  try {
    await p;
  } catch (e) {
    expect(isWorkerLost(e)).toBe(true);
    return e as WorkerLost;
  }
  throw new Error('expected a rejection');
}

describe('SupervisedWorker', () => {
  it('starts a worker on the first call and answers through it', async () => {
    const { sup, made, last } = supervised();
    expect(made).toHaveLength(0);
    const p = sup.call((api) => api.add(1, 2));
    await sleep(0);
    expect(made).toHaveLength(1);
    expect(sup.busy).toBe(true);
    last().answer(3);
    expect(await p).toBe(3);
    expect(sup.busy).toBe(false);
  });

  for (const [how, fault] of [
    [
      'reports an error (a throw inside, or a failed load)',
      (w: FakeWorker) => w.fail('error', 'boom'),
    ],
    ['receives a message it cannot read', (w: FakeWorker) => w.fail('messageerror')],
  ] as const) {
    it(`loses a worker that ${how}: its calls reject, it is terminated, the next call starts a fresh one`, async () => {
      const { sup, made, last } = supervised();
      const p = sup.call((api) => api.add(1, 2));
      await sleep(0);
      const first = last();
      fault(first);
      const lost = await rejection(p);
      expect(lost.kind).toBe(how.startsWith('reports') ? 'error' : 'messageerror');
      expect(first.terminated).toBe(true);
      expect(sup.failures).toBe(1);
      const q = sup.call((api) => api.add(2, 2));
      await sleep(0);
      expect(made).toHaveLength(2);
      last().answer(4);
      expect(await q).toBe(4);
      expect(sup.failures).toBe(0); // an answer resets the losses in a row
    });
  }

  it('loses a worker that does not answer within the time limit', async () => {
    const { sup, last } = supervised();
    const p = sup.call((api) => api.add(1, 2), 20);
    await sleep(0);
    const w = last();
    const lost = await rejection(p);
    expect(lost.kind).toBe('timeout');
    expect(w.terminated).toBe(true);
    // A late answer of the lost worker changes nothing.
    w.answer(3);
    expect(sup.alive).toBe(false);
  });

  it('a loss while idle (e.g. during warm-up) is counted; the next call starts a fresh worker', async () => {
    const { sup, made, last } = supervised();
    const p = sup.call((api) => api.add(1, 1));
    await sleep(0);
    last().answer(2);
    await p;
    last().fail('error');
    expect(sup.alive).toBe(false);
    expect(sup.failures).toBe(1);
    void sup.call((api) => api.add(1, 1));
    await sleep(0);
    expect(made).toHaveLength(2);
  });

  it('abort stops the call in flight at once (not counted as a failure); false when idle', async () => {
    const { sup, last } = supervised();
    expect(sup.abort()).toBe(false);
    const p = sup.call((api) => api.add(1, 2));
    await sleep(0);
    const w = last();
    expect(sup.abort()).toBe(true);
    expect((await rejection(p)).kind).toBe('aborted');
    expect(w.terminated).toBe(true);
    expect(sup.failures).toBe(0);
    expect(sup.stats.aborted).toBe(1);
  });

  it('counts losses in a row; retry forgets them; dispose rejects the calls in flight and later ones', async () => {
    const { sup, last } = supervised();
    for (let i = 0; i < 3; i++) {
      const p = sup.call((api) => api.add(1, 2));
      await sleep(0);
      last().fail('error');
      await rejection(p);
    }
    expect(sup.failures).toBe(3);
    sup.retry();
    expect(sup.failures).toBe(0);
    const p = sup.call((api) => api.add(1, 2));
    await sleep(0);
    const w = last();
    sup.dispose();
    expect((await rejection(p)).kind).toBe('aborted');
    expect(w.terminated).toBe(true);
    expect((await rejection(sup.call((api) => api.add(1, 2)))).kind).toBe('aborted');
  });

  it("a job's own error rejects as it is and loses nothing", async () => {
    const { sup, last } = supervised();
    const p = sup.call(() => Promise.reject(new Error('bad input')));
    await expect(p).rejects.toThrow('bad input');
    expect(isWorkerLost(await p.catch((e) => e))).toBe(false);
    expect(last().terminated).toBe(false);
    expect(sup.failures).toBe(0);
  });
});

describe('time limits', () => {
  it('scale with the firm-quarters of the job and double with each loss in a row', () => {
    const sc = defaultScenario();
    const fq = firmQuarters(sc);
    expect(fq).toBe(sc.network.firmsPerTier.reduce((a, b) => a + b, 0) * sc.years * 4);
    const big = { ...sc, network: { ...sc.network, firmsPerTier: [100_000] } };
    expect(limitMs(firmQuarters(big))).toBeGreaterThan(limitMs(fq));
    expect(limitMs(0)).toBe(BASE_LIMIT_MS);
    expect(limitMs(fq, 1)).toBe(2 * limitMs(fq));
    // Inputs that are not a scenario (the worker rejects them at once) get the base limit.
    expect(firmQuarters({} as Scenario)).toBe(0);
  });
});

/** A runner for the bridge: each run finishes, or its worker is lost, when the test says so. */
class FakeRunner implements Runner {
  calls: {
    scenario: Scenario;
    finish: () => void;
    lose: (kind?: WorkerLost['kind']) => void;
  }[] = [];
  aborts = 0;
  run(scenario: Scenario): Promise<RunOutcome> {
    return new Promise((resolve, reject) => {
      this.calls.push({
        scenario,
        finish: () =>
          resolve({
            ok: true,
            result: { scenario, seed: scenario.seed } as unknown as SimResult,
            ms: 1,
          }),
        lose: (kind = 'error') => reject(new WorkerLost(`lost (${kind})`, kind)),
      });
    });
  }
  abort(): boolean {
    const c = this.calls.at(-1);
    if (!c) return false;
    this.aborts++;
    c.lose('aborted');
    return true;
  }
}

const withCostDown = (x: number): Scenario => {
  const s = defaultScenario();
  s.policy.costDown = x;
  return s;
};

describe('SimBridge supervision', () => {
  it('reruns the inputs of a lost run on a fresh worker', async () => {
    const r = new FakeRunner();
    const bridge = new SimBridge('A', r);
    bridge.request(withCostDown(0.01));
    r.calls[0].lose();
    await sleep(0);
    expect(r.calls).toHaveLength(2);
    expect(r.calls[1].scenario.policy.costDown).toBe(0.01);
    r.calls[1].finish();
    await bridge.idle();
    expect(bridge.result?.scenario.policy.costDown).toBe(0.01);
    expect(bridge.failure).toBeNull();
    expect(bridge.stats.lost).toBe(1);
  });

  it('loses no edit: an edit made while the lost run was in flight is what runs and is drawn', async () => {
    const r = new FakeRunner();
    const bridge = new SimBridge('A', r);
    bridge.request(withCostDown(0.01));
    bridge.request(withCostDown(0.02));
    bridge.request(withCostDown(0.03));
    r.calls[0].lose('timeout');
    await sleep(0);
    expect(r.calls).toHaveLength(2);
    expect(r.calls[1].scenario.policy.costDown).toBe(0.03);
    r.calls[1].finish();
    await bridge.idle();
    expect(bridge.result?.scenario.policy.costDown).toBe(0.03);
  });

  it(`after ${MAX_FAILURES} losses in a row stops with a failure; edits wait; retry runs the latest`, async () => {
    const r = new FakeRunner();
    const bridge = new SimBridge('B', r);
    bridge.request(withCostDown(0.01));
    for (let i = 0; i < MAX_FAILURES; i++) {
      r.calls[i].lose('error');
      await sleep(0);
    }
    expect(bridge.failure?.kind).toBe('error');
    expect(r.calls).toHaveLength(MAX_FAILURES);
    expect(bridge.busy).toBe(false);
    await bridge.idle(); // does not wait for a bridge that stopped
    bridge.request(withCostDown(0.05));
    await sleep(0);
    expect(r.calls).toHaveLength(MAX_FAILURES); // nothing runs until retry
    bridge.retry();
    expect(bridge.failure).toBeNull();
    expect(r.calls).toHaveLength(MAX_FAILURES + 1);
    expect(r.calls.at(-1)!.scenario.policy.costDown).toBe(0.05);
    r.calls.at(-1)!.finish();
    await bridge.idle();
    expect(bridge.result?.scenario.policy.costDown).toBe(0.05);
  });

  it('a success resets the losses in a row', async () => {
    const r = new FakeRunner();
    const bridge = new SimBridge('A', r);
    for (let round = 0; round < 3; round++) {
      bridge.request(withCostDown(0.01 * (round + 1)));
      for (let i = 0; i < MAX_FAILURES - 1; i++) {
        r.calls.at(-1)!.lose();
        await sleep(0);
      }
      r.calls.at(-1)!.finish();
      await bridge.idle();
    }
    expect(bridge.failure).toBeNull();
    expect(bridge.result?.scenario.policy.costDown).toBe(0.03);
  });

  it('aborts a long run for newer inputs, and waits for a short one', async () => {
    const r = new FakeRunner();
    const bridge = new SimBridge('A', r);
    bridge.request(withCostDown(0.01));
    bridge.request(withCostDown(0.02)); // the run in flight just started: not aborted
    expect(r.aborts).toBe(0);
    await sleep(ABORT_AFTER_MS + 20);
    bridge.request(withCostDown(0.03)); // it has run for long: aborted
    expect(r.aborts).toBe(1);
    await sleep(0);
    expect(r.calls).toHaveLength(2);
    expect(r.calls[1].scenario.policy.costDown).toBe(0.03);
    r.calls[1].finish();
    await bridge.idle();
    expect(bridge.result?.scenario.policy.costDown).toBe(0.03);
    expect(bridge.stats.aborted).toBe(1);
    expect(bridge.failure).toBeNull();
  });

  it('disposed with a run in flight: the run is not sent again and nothing runs afterwards', async () => {
    const r = new FakeRunner();
    const bridge = new SimBridge('A', r, () => r.calls.at(-1)?.lose('aborted'));
    bridge.request(withCostDown(0.01));
    const bg = bridge.background(withCostDown(0.02));
    bridge.dispose();
    await bridge.idle();
    expect(r.calls).toHaveLength(1);
    expect((await bg).ok).toBe(false);
    bridge.request(withCostDown(0.03));
    await sleep(0);
    expect(r.calls).toHaveLength(1);
  });

  it('background runs are retried after a loss and end with an error after repeated ones', async () => {
    const r = new FakeRunner();
    const bridge = new SimBridge('A', r);
    const bg = bridge.background(withCostDown(0.04));
    for (let i = 0; i < MAX_FAILURES; i++) {
      r.calls[i].lose();
      await sleep(0);
    }
    const outcome = await bg;
    expect(outcome.ok).toBe(false);
    expect(bridge.failure).toBeNull(); // the user's runs are not stopped by the baseline's
  });
});

const job = (index: number): Job => ({ index, scenario: defaultScenario(), full: false });
const out = (j: Job): RunOutput => ({
  index: j.index,
  seed: j.index,
  summary: {} as Summary,
  tiers: 1,
  quarters: 1,
});

describe('WorkerPool with lost workers', () => {
  it('resends the chunk of a lost worker to a fresh one: the batch completes with every job', async () => {
    let spawned = 0;
    const doomed = new Set([0, 2]); // the first and third workers are lost on their first chunk
    const spawn = (): JobRunner => {
      const id = spawned++;
      return {
        run: async (jobs) => {
          await sleep(1);
          if (doomed.has(id)) throw new WorkerLost('crashed', 'error');
          return jobs.map(out);
        },
        terminate: () => {},
      };
    };
    const pool = new WorkerPool(spawn, 2);
    const r = await pool.run(
      Array.from({ length: 20 }, (_, i) => job(i)),
      { chunk: 3 },
    );
    expect(r.cancelled).toBe(false);
    expect(r.done).toBe(20);
    expect(r.outputs.filter(Boolean)).toHaveLength(20);
    expect(pool.lost).toBe(2);
  });

  it("keeps a runner that heals itself (the browser's) and sends it the lost chunk again", async () => {
    let spawned = 0;
    let calls = 0;
    const pool = new WorkerPool(() => {
      spawned++;
      return {
        heals: true,
        run: async (jobs) => {
          await sleep(1);
          if (calls++ === 1) throw new WorkerLost('no answer', 'timeout');
          return jobs.map(out);
        },
        terminate: () => {},
      };
    }, 1);
    const r = await pool.run(
      Array.from({ length: 6 }, (_, i) => job(i)),
      { chunk: 2 },
    );
    expect(r.done).toBe(6);
    expect(r.outputs.filter(Boolean)).toHaveLength(6);
    expect(spawned).toBe(1);
    expect(pool.lost).toBe(1);
  });

  it(`fails with a message (never stalls) after ${MAX_LOST_IN_A_ROW} losses in a row`, async () => {
    const pool = new WorkerPool(
      () => ({
        run: () => Promise.reject(new WorkerLost('no answer', 'timeout')),
        terminate: () => {},
      }),
      1,
    );
    await expect(pool.run([job(0), job(1)])).rejects.toThrow(/lost 3 times in a row/);
  });

  it("a job's own error still fails the batch at once", async () => {
    const pool = new WorkerPool(
      () => ({ run: () => Promise.reject(new Error('bad job')), terminate: () => {} }),
      1,
    );
    await expect(pool.run([job(0)])).rejects.toThrow('bad job');
    expect(pool.lost).toBe(0);
  });
});

describe('the table and the bands with lost workers', () => {
  const entry = {
    name: 'one',
    preset: 'layered',
    scenario: presetScenario('layered'),
    savedAt: '2026-01-01T00:00:00.000Z',
    modelVersion: '1',
  };

  it('the table runs an entry again on a fresh worker; after repeated losses the row says so and is not kept', async () => {
    let calls = 0;
    let failing = 2;
    const table = new TableRunner({
      run: async () => {
        calls++;
        if (failing-- > 0) throw new WorkerLost('crashed', 'error');
        return { ok: true, ms: 1, result: { summary: { wageGap: 1 } } as never };
      },
    });
    const [r] = await table.run([entry]);
    expect(r).toEqual({ ok: true, summary: { wageGap: 1 } });
    expect(calls).toBe(3);

    const broken = new TableRunner({
      run: () => Promise.reject(new WorkerLost('crashed', 'error')),
    });
    const [b] = await broken.run([entry]);
    expect(b.ok).toBe(false);
    expect(broken.cached(entry)).toBeUndefined();
  });

  it("a batch whose bands' worker was lost runs again, and its bands are drawn", async () => {
    let aggregations = 0;
    let batches = 0;
    const ctl = new BandsController(
      () => ({
        run: async (jobs) => {
          batches++;
          return { outputs: [], done: jobs.length, total: jobs.length, cancelled: false, ms: 1 };
        },
        cancel: () => {},
      }),
      () => 10,
      {
        debounceMs: 1,
        aggregate: async (a, b, runs) => {
          if (aggregations++ === 0) throw new WorkerLost('the bands worker crashed', 'error');
          return { a, b, runs } as never;
        },
      },
    );
    ctl.update(withCostDown(0.01), withCostDown(0.02));
    for (let i = 0; i < 50 && ctl.status !== 'idle'; i++) await sleep(5);
    expect(ctl.status).toBe('idle');
    expect(batches).toBe(2);
    expect(ctl.bands?.runs).toBe(10);
  });
});

describe('messages that cannot be handled', () => {
  for (const [how, message] of [
    ['a message that is no answer', { hello: 'page' }],
    ['an answer Comlink cannot read', { id: 'x', type: 'HANDLER', name: 'no-such-handler' }],
    [
      "the worker's word that it got a message it could not handle",
      { workerFault: 'messageerror', detail: 'the worker received a message it could not read' },
    ],
  ] as const) {
    it(`loses a worker that sends ${how}: replaced, and the next call runs on a fresh one`, async () => {
      const { sup, made, last } = supervised();
      const p = sup.call((api) => api.add(1, 2));
      await sleep(0);
      const first = last();
      first.send(message);
      const lost = await rejection(p);
      expect(lost.kind).toBe('messageerror');
      expect(first.terminated).toBe(true);
      expect(sup.failures).toBe(1);
      const q = sup.call((api) => api.add(2, 2));
      await sleep(0);
      expect(made).toHaveLength(2);
      last().answer(4);
      expect(await q).toBe(4);
    });
  }

  it("loses a worker whose answer the caller finds malformed (the call's `valid`)", async () => {
    const { sup, made, last } = supervised();
    const valid = (v: unknown) => typeof v === 'number';
    const p = sup.call((api) => api.add(1, 2), Infinity, valid);
    await sleep(0);
    const first = last();
    first.answer({ garbled: true });
    const lost = await rejection(p);
    expect(lost.kind).toBe('messageerror');
    expect(first.terminated).toBe(true);
    expect(sup.failures).toBe(1);
    const q = sup.call((api) => api.add(1, 2), Infinity, valid);
    await sleep(0);
    expect(made).toHaveLength(2);
    last().answer(3);
    expect(await q).toBe(3);
    expect(sup.failures).toBe(0);
  });

  it("the workers' answers are checked by shape: a run's outcome, a batch's outputs, the bands", () => {
    const sc = defaultScenario();
    const result = { summary: {}, series: {} } as unknown as SimResult;
    expect(validOutcome({ ok: true, result, ms: 3 })).toBe(true);
    expect(validOutcome({ ok: false, errors: ['bad input'] })).toBe(true);
    for (const bad of [undefined, null, 'x', { garbled: true }, { ok: true, ms: 3 }, { ok: false }])
      expect(validOutcome(bad), JSON.stringify(bad)).toBe(false);

    const jobs = [job(4), job(5)];
    expect(validOutputs(jobs.map(out), jobs)).toBe(true);
    expect(validOutputs([out(job(4))], jobs)).toBe(false);
    expect(validOutputs([out(job(5)), out(job(4))], jobs)).toBe(false);
    expect(validOutputs({ garbled: true }, jobs)).toBe(false);

    const set = bandSet(sc, sc, 2, []);
    expect(validBandSet(set, 2)).toBe(true);
    expect(validBandSet(set, 3)).toBe(false);
    expect(validBandSet({ garbled: true }, 2)).toBe(false);
  });

  it("a worker's guard reports a message it cannot handle, which Comlink never sees; requests pass", () => {
    const scope = new EventTarget();
    const posted: unknown[] = [];
    const seen: unknown[] = [];
    guardMessages({
      addEventListener: (t, l) => scope.addEventListener(t, l),
      postMessage: (m) => posted.push(m),
    });
    // Comlink's own listener comes after the guard's.
    scope.addEventListener('message', (ev) => seen.push((ev as MessageEvent).data));
    const request = { id: '1-2', type: 'APPLY', path: ['run'], argumentList: [] };
    scope.dispatchEvent(new MessageEvent('message', { data: request }));
    expect(seen).toEqual([request]);
    expect(posted).toEqual([]);
    for (const bad of [null, 'run', { id: '1', type: 'NO_SUCH_REQUEST' }, { type: 'APPLY' }]) {
      expect(isRequest(bad)).toBe(false);
      scope.dispatchEvent(new MessageEvent('message', { data: bad }));
    }
    scope.dispatchEvent(new MessageEvent('messageerror'));
    expect(seen).toEqual([request]);
    expect(posted).toHaveLength(5);
    expect(posted.at(-1)).toEqual({
      workerFault: 'messageerror',
      detail: 'the worker received a message it could not read',
    });
  });
});

describe("failures in the page's language", () => {
  it('a batch whose workers were lost repeatedly says how, in English and Japanese; the detail stays English', async () => {
    const pool = new WorkerPool(
      () => ({
        run: () => Promise.reject(new WorkerLost('no answer', 'timeout')),
        terminate: () => {},
      }),
      1,
    );
    const e = await pool.run([job(0)]).catch((x: unknown) => x);
    const f = failureOf(e);
    expect(f).toEqual({
      lost: 'timeout',
      detail: `a worker was lost ${MAX_LOST_IN_A_ROW} times in a row (no answer)`,
    });
    expect(failureText('en', 'runs', f)).toBe(
      'The runs could not be computed: their workers stopped 3 times in a row (it stopped answering). The rest of the page still works.',
    );
    expect(failureText('ja', 'runs', f)).toBe(
      '複数回の実行を計算できませんでした：ワーカーが3回続けて止まりました（応答しなくなりました）。ページのほかの部分はそのまま使えます。',
    );
    expect(failureText('ja', 'sens', f)).toMatch(/^感度分析の図を計算できませんでした/);
    expect(failureText('ja', 'table', failureOf(new WorkerLost('crashed', 'error')))).toMatch(
      /^計算できなかった行があります：表のワーカーが3回続けて止まりました（クラッシュしたか、読み込めませんでした）/,
    );
  });

  it("a job's own error says only that the work failed, in the page's language", () => {
    const f = failureOf(new Error('bad job'));
    expect(f).toEqual({ lost: null, detail: 'bad job' });
    expect(failureText('en', 'runs', f)).toBe('The runs failed.');
    expect(failureText('ja', 'runs', f)).toBe('複数回の実行に失敗しました。');
    expect(failureText('ja', 'sens', f)).toBe('計算に失敗しました。');
  });

  it('the bands, the sensitivity runner and the table keep the failure, not only its English words', async () => {
    const ctl = new BandsController(
      () => ({
        run: () =>
          Promise.reject(new Error('lost 3 times', { cause: new WorkerLost('x', 'messageerror') })),
        cancel: () => {},
      }),
      () => 10,
      { debounceMs: 1 },
    );
    ctl.update(withCostDown(0.01), withCostDown(0.02));
    for (let i = 0; i < 50 && ctl.status !== 'failed'; i++) await sleep(5);
    expect(ctl.status).toBe('failed');
    expect(ctl.failure).toEqual({ lost: 'messageerror', detail: 'lost 3 times' });
    expect(ctl.error).toBe('lost 3 times');

    const table = new TableRunner({
      run: () => Promise.reject(new WorkerLost('crashed', 'error')),
    });
    const entry = {
      name: 'one',
      preset: 'layered',
      scenario: presetScenario('layered'),
      savedAt: '2026-01-01T00:00:00.000Z',
      modelVersion: '1',
    };
    const [row] = await table.run([entry]);
    expect(row).toEqual({
      ok: false,
      errors: ['crashed'],
      failure: { lost: 'error', detail: 'crashed' },
    });
  });
});
