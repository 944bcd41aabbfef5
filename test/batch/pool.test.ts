/**
 * The worker pool's scheduling with fake workers: job order, progress,
 * cancelling (every worker terminated at once and replaced, the runs done
 * kept), latest batch wins, failures.
 */
import { describe, expect, it } from 'vitest';
import type { Job, RunOutput, Summary } from '../../src/engine/index.ts';
import { WorkerPool, type JobRunner, type Progress } from '../../src/pool/pool.ts';

const job = (index: number): Job => ({ index, scenario: {} as Job['scenario'], full: false });
const out = (j: Job): RunOutput => ({
  index: j.index,
  seed: j.index,
  summary: {} as Summary,
  tiers: 1,
  quarters: 1,
});

/** Fake workers that answer when the test says so. */
function fakes() {
  const live = new Set<number>();
  const waiting: { jobs: Job[]; resolve: (o: RunOutput[]) => void; runner: number }[] = [];
  let n = 0;
  const spawn = (): JobRunner => {
    const id = n++;
    live.add(id);
    return {
      run: (jobs) =>
        new Promise((resolve) => {
          waiting.push({ jobs, resolve, runner: id });
        }),
      terminate: () => live.delete(id),
    };
  };
  /** Answers the oldest request (in reverse order of jobs if `reverse`). */
  const answer = async () => {
    const w = waiting.shift()!;
    w.resolve(w.jobs.map(out));
    await new Promise((r) => setTimeout(r, 0));
    return w;
  };
  return { spawn, live, waiting, answer };
}

describe('WorkerPool', () => {
  it('runs every job once, puts outputs in job order and reports progress', async () => {
    const f = fakes();
    const pool = new WorkerPool(f.spawn, 3);
    const progress: Progress[] = [];
    const p = pool.run(
      Array.from({ length: 10 }, (_, i) => job(i)),
      {
        chunk: 2,
        onProgress: (x) => progress.push({ ...x }),
      },
    );
    expect(f.live.size).toBe(3);
    expect(f.waiting).toHaveLength(3); // one chunk per worker at a time
    // Answer out of order: the last worker first.
    const last = f.waiting.pop()!;
    last.resolve(last.jobs.map(out));
    await new Promise((r) => setTimeout(r, 0));
    while (f.waiting.length) await f.answer();
    const r = await p;
    expect(r.cancelled).toBe(false);
    expect(r.done).toBe(10);
    expect(r.outputs.map((o) => o!.index)).toEqual([...Array(10).keys()]);
    expect(progress[0]).toMatchObject({ done: 0, total: 10, remainingMs: null });
    expect(progress.at(-1)).toMatchObject({ done: 10, total: 10, remainingMs: 0 });
    const dones = progress.map((x) => x.done);
    expect([...dones].sort((a, b) => a - b)).toEqual(dones);
    pool.dispose();
    expect(f.live.size).toBe(0);
  });

  it('cancels at once: every worker terminated and replaced, the runs done kept', async () => {
    const f = fakes();
    const pool = new WorkerPool(f.spawn, 2);
    const p = pool.run(
      Array.from({ length: 8 }, (_, i) => job(i)),
      { chunk: 1 },
    );
    await f.answer(); // job 0 done
    const before = new Set(f.live);
    pool.cancel();
    const r = await p;
    expect(r.cancelled).toBe(true);
    expect(r.done).toBe(1);
    expect(r.outputs[0]?.index).toBe(0);
    expect(r.outputs.slice(1).every((o) => o === undefined)).toBe(true);
    // The old workers are gone, two fresh ones wait.
    for (const id of before) expect(f.live.has(id)).toBe(false);
    expect(f.live.size).toBe(2);
    expect(pool.terminated).toBe(2);
    expect(pool.busy).toBe(false);
    // A late answer from a terminated worker changes nothing.
    f.waiting.forEach((w) => w.resolve(w.jobs.map(out)));
    expect(r.done).toBe(1);
  });

  it('lets the latest batch win: a new run cancels the one in progress', async () => {
    const f = fakes();
    const pool = new WorkerPool(f.spawn, 1);
    const first = pool.run([job(0), job(1)], { chunk: 1 });
    f.waiting.length = 0;
    const second = pool.run([job(0)], { chunk: 1 });
    expect((await first).cancelled).toBe(true);
    await f.answer();
    const r = await second;
    expect(r.cancelled).toBe(false);
    expect(r.done).toBe(1);
  });

  it('rejects when a job fails, and starts afresh', async () => {
    const spawn = (): JobRunner => ({
      run: () => Promise.reject(new Error('boom')),
      terminate: () => {},
    });
    const pool = new WorkerPool(spawn, 2);
    await expect(pool.run([job(0), job(1), job(2)])).rejects.toThrow('boom');
    expect(pool.busy).toBe(false);
    expect(pool.spawned).toBe(4);
  });

  it('sends big chunks first and single jobs at the end (guided scheduling)', async () => {
    const sizes: number[] = [];
    const spawn = (): JobRunner => ({
      run: async (jobs) => {
        sizes.push(jobs.length);
        await new Promise((r) => setTimeout(r, 0));
        return jobs.map(out);
      },
      terminate: () => {},
    });
    const pool = new WorkerPool(spawn, 2);
    const r = await pool.run(Array.from({ length: 100 }, (_, i) => job(i)));
    expect(r.done).toBe(100);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(100);
    expect(sizes[0]).toBe(8);
    expect(sizes.slice(-4)).toEqual([1, 1, 1, 1]);
    expect(Math.max(...sizes)).toBe(8);
  });

  it('finishes an empty batch at once and refuses a pool of no workers', async () => {
    const pool = new WorkerPool(fakes().spawn, 2);
    expect((await pool.run([])).done).toBe(0);
    expect(() => new WorkerPool(fakes().spawn, 0)).toThrow(/at least 1/);
  });
});
