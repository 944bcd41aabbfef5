import { describe, expect, it } from 'vitest';
import {
  CACHE_SIZE,
  MAX_MEASURES,
  PREFETCH_MAX_FIRM_QUARTERS,
  SimBridge,
  type Runner,
} from '../../src/app/bridge.svelte.ts';
import { WorkerLost } from '../../src/app/workers/index.ts';
import { defaultScenario, type Scenario, type SimResult } from '../../src/engine/index.ts';
import type { RunOutcome } from '../../src/worker/sim.worker.ts';

/** A runner whose runs finish only when the test says so. */
class FakeRunner implements Runner {
  calls: {
    scenario: Scenario;
    finish: (o: RunOutcome) => void;
    lose: () => void;
  }[] = [];
  inFlight = 0;
  maxInFlight = 0;

  run(scenario: Scenario): Promise<RunOutcome> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    return new Promise((resolve, reject) => {
      this.calls.push({
        scenario,
        finish: (o) => {
          this.inFlight--;
          resolve(o);
        },
        lose: () => {
          this.inFlight--;
          reject(new WorkerLost('crashed', 'error'));
        },
      });
    });
  }

  /** Finishes call `i` with a result that carries its cost-down as a tag. */
  finish(i: number): void {
    const sc = this.calls[i].scenario;
    const result = { scenario: sc, seed: sc.seed } as unknown as SimResult;
    this.calls[i].finish({ ok: true, result, ms: 1 });
  }
}

const withCostDown = (x: number): Scenario => {
  const s = defaultScenario();
  s.policy.costDown = x;
  return s;
};
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('SimBridge', () => {
  it('runs the first request at once and publishes its result', async () => {
    const runner = new FakeRunner();
    const bridge = new SimBridge('A', runner);
    bridge.request(withCostDown(0.01));
    expect(runner.calls).toHaveLength(1);
    expect(bridge.busy).toBe(true);
    runner.finish(0);
    await bridge.idle();
    expect(bridge.result?.scenario.policy.costDown).toBe(0.01);
    expect(bridge.busy).toBe(false);
  });

  it('keeps at most one run in flight and runs only the latest of many inputs next', async () => {
    const runner = new FakeRunner();
    const bridge = new SimBridge('A', runner);
    bridge.request(withCostDown(0.01));
    for (const x of [0.02, 0.03, 0.04, 0.05]) bridge.request(withCostDown(x));
    expect(runner.calls).toHaveLength(1);
    runner.finish(0);
    await settle();
    expect(runner.calls).toHaveLength(2);
    expect(runner.calls[1].scenario.policy.costDown).toBe(0.05);
    runner.finish(1);
    await bridge.idle();
    expect(runner.calls).toHaveLength(2);
    expect(runner.maxInFlight).toBe(1);
    expect(bridge.result?.scenario.policy.costDown).toBe(0.05);
  });

  it('never draws a result whose inputs were superseded while it ran', async () => {
    const runner = new FakeRunner();
    const bridge = new SimBridge('A', runner);
    const drawn: number[] = [];
    bridge.request(withCostDown(0.01));
    runner.finish(0);
    await settle();
    drawn.push(bridge.result!.scenario.policy.costDown);

    bridge.request(withCostDown(0.02));
    bridge.request(withCostDown(0.03)); // arrives while 0.02 runs
    runner.finish(1); // the 0.02 result is stale
    await settle();
    expect(bridge.result?.scenario.policy.costDown).toBe(0.01);
    expect(bridge.stats.discarded).toBe(1);
    runner.finish(2);
    await bridge.idle();
    drawn.push(bridge.result!.scenario.policy.costDown);
    expect(drawn).toEqual([0.01, 0.03]);
  });

  it('keeps the last result when a run reports errors or throws', async () => {
    const runner = new FakeRunner();
    const bridge = new SimBridge('B', runner);
    bridge.request(withCostDown(0.01));
    runner.finish(0);
    await settle();
    bridge.request(withCostDown(0.02));
    runner.calls[1].finish({ ok: false, errors: ['policy.costDown: must be from 0 to 0.1'] });
    await settle();
    expect(bridge.errors).toEqual(['policy.costDown: must be from 0 to 0.1']);
    expect(bridge.result?.scenario.policy.costDown).toBe(0.01);

    const failing: Runner = { run: () => Promise.reject(new Error('worker died')) };
    const b2 = new SimBridge('B', failing);
    b2.request(withCostDown(0.01));
    await b2.idle();
    expect(b2.result).toBeNull();
    expect(b2.errors[0]).toMatch(/worker died/);
  });

  it('records one input-to-drawn measure per drawn result', async () => {
    performance.clearMeasures();
    performance.clearMarks();
    const runner = new FakeRunner();
    const bridge = new SimBridge('M', runner);
    const t0 = performance.now();
    bridge.request(withCostDown(0.01), t0);
    bridge.request(withCostDown(0.02), t0 + 1);
    runner.finish(0);
    await settle();
    runner.finish(1);
    await bridge.idle();
    const measures = performance.getEntriesByName('update:M', 'measure');
    expect(measures).toHaveLength(1);
    // The marks it was made from are cleared once it is measured.
    expect(performance.getEntriesByName('input:M', 'mark')).toHaveLength(0);
    expect(performance.getEntriesByName('drawn:M', 'mark')).toHaveLength(0);
    // Measured from the oldest input that was waiting.
    expect(measures[0].startTime).toBe(t0);
  });

  it('keeps at most MAX_MEASURES measures per scenario (a long session does not accumulate them)', async () => {
    performance.clearMeasures();
    performance.clearMarks();
    const runner = new FakeRunner();
    const bridge = new SimBridge('L', runner);
    for (let i = 0; i < 30; i++) performance.measure('update:L', { start: 0, end: 1 });
    expect(performance.getEntriesByName('update:L', 'measure')).toHaveLength(30);
    for (let i = 0; i < MAX_MEASURES; i++) performance.measure('update:L', { start: 0, end: 1 });
    bridge.request(withCostDown(0.01));
    runner.finish(0);
    await bridge.idle();
    expect(performance.getEntriesByName('update:L', 'measure').length).toBeLessThanOrEqual(1);
    expect(performance.getEntriesByName('update:M', 'measure')).toHaveLength(0);
    bridge.request(withCostDown(0.02));
    runner.finish(1);
    await bridge.idle();
    expect(performance.getEntriesByName('update:L', 'measure')).toHaveLength(1);
  });

  it('draws the latest inputs whatever the order and timing of completions (property)', async () => {
    const fc = await import('fast-check');
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.constant('finish' as const),
            fc.integer({ min: 0, max: 20 }),
            // Inputs to run ahead (a slider's next steps).
            fc.record({ ahead: fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 3 }) }),
          ),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        async (ops) => {
          const runner = new FakeRunner();
          const bridge = new SimBridge('P', runner);
          let latest: number | null = null;
          let next = 0;
          let shown: SimResult | null = null;
          for (const op of ops) {
            if (op === 'finish') {
              if (next < runner.calls.length) runner.finish(next++);
              await settle();
            } else if (typeof op === 'object') {
              bridge.prefetch(op.ahead.map((x) => withCostDown(x / 200)));
            } else {
              latest = op / 200;
              bridge.request(withCostDown(latest));
            }
            expect(runner.inFlight).toBeLessThanOrEqual(1);
            // A result that appears is always that of the latest inputs.
            if (bridge.result !== shown) {
              shown = bridge.result;
              expect(shown?.scenario.policy.costDown).toBe(latest);
            }
          }
          while (next < runner.calls.length || runner.inFlight > 0) {
            if (next < runner.calls.length) runner.finish(next++);
            await settle();
          }
          await bridge.idle();
          if (latest !== null) expect(bridge.result?.scenario.policy.costDown).toBe(latest);
          // Every result drawn was run for the latest inputs, or kept from before (the cache).
          expect(bridge.stats.drawn + bridge.stats.discarded).toBe(
            bridge.stats.ran + bridge.stats.cached,
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('SimBridge: results kept and run ahead', () => {
  const costDowns = (r: FakeRunner) => r.calls.map((c) => c.scenario.policy.costDown);
  /** A bridge that has drawn 0.01 and runs 0.02 and then 0.03 ahead (0.02 in flight). */
  const guessing = async () => {
    const runner = new FakeRunner();
    const bridge = new SimBridge('A', runner);
    bridge.request(withCostDown(0.01));
    runner.finish(0);
    await bridge.idle();
    bridge.prefetch([withCostDown(0.02), withCostDown(0.03)]);
    return { runner, bridge };
  };
  const cachedMeasures = () =>
    performance
      .getEntriesByName('update:C', 'measure')
      .map((m) => (m as PerformanceMeasure).detail.cached as boolean);

  it('shows inputs met before at once, without a run', async () => {
    performance.clearMeasures('update:C');
    const runner = new FakeRunner();
    const bridge = new SimBridge('C', runner);
    bridge.request(withCostDown(0.01));
    runner.finish(0);
    await bridge.idle();
    bridge.request(withCostDown(0.02));
    runner.finish(1);
    await bridge.idle();
    bridge.request(withCostDown(0.01));
    await settle();
    expect(runner.calls).toHaveLength(2);
    expect(bridge.result?.scenario.policy.costDown).toBe(0.01);
    expect(bridge.stats.cached).toBe(1);
    expect(cachedMeasures()).toEqual([false, false, true]);
  });

  it('keeps the results of the last CACHE_SIZE inputs only', async () => {
    const runner = new FakeRunner();
    const bridge = new SimBridge('A', runner);
    for (let i = 0; i <= CACHE_SIZE; i++) {
      bridge.request(withCostDown(i / 100));
      runner.finish(i);
      await bridge.idle();
    }
    bridge.request(withCostDown(0.01)); // still kept
    await settle();
    expect(runner.calls).toHaveLength(CACHE_SIZE + 1);
    bridge.request(withCostDown(0)); // the oldest: dropped
    await settle();
    expect(runner.calls).toHaveLength(CACHE_SIZE + 2);
  });

  it("runs ahead only when nothing of the user's waits, and shows those results without a run", async () => {
    const runner = new FakeRunner();
    const bridge = new SimBridge('A', runner);
    bridge.request(withCostDown(0.01));
    bridge.prefetch([withCostDown(0.02), withCostDown(0.03)]);
    expect(runner.calls).toHaveLength(1);
    bridge.request(withCostDown(0.04)); // the user's next inputs go before the guesses
    runner.finish(0);
    await settle();
    expect(costDowns(runner)).toEqual([0.01, 0.04]);
    expect(bridge.busy).toBe(true);
    runner.finish(1);
    await settle();
    expect(costDowns(runner)).toEqual([0.01, 0.04, 0.02]);
    expect(bridge.busy).toBe(false); // a guess is not the user's run
    runner.finish(2);
    await settle();
    runner.finish(3);
    await bridge.idle();
    expect(bridge.result?.scenario.policy.costDown).toBe(0.04); // guesses are not shown
    bridge.request(withCostDown(0.03));
    await settle();
    expect(runner.calls).toHaveLength(4);
    expect(bridge.result?.scenario.policy.costDown).toBe(0.03);
    expect(bridge.stats.prefetched).toBe(2);
  });

  it('inputs asked for while they run ahead take that run’s result', async () => {
    const { runner, bridge } = await guessing();
    expect(costDowns(runner)).toEqual([0.01, 0.02]);
    bridge.request(withCostDown(0.02));
    await settle();
    expect(runner.calls).toHaveLength(2); // no second run of the same inputs
    runner.finish(1);
    await settle();
    expect(bridge.result?.scenario.policy.costDown).toBe(0.02);
    expect(bridge.stats.drawn).toBe(2);
    // The next guess runs; inputs asked for meanwhile that are not it wait for it, then run.
    expect(costDowns(runner)).toEqual([0.01, 0.02, 0.03]);
    bridge.request(withCostDown(0.04));
    runner.finish(2);
    await settle();
    expect(bridge.result?.scenario.policy.costDown).toBe(0.02); // the guess is not shown
    expect(costDowns(runner)).toEqual([0.01, 0.02, 0.03, 0.04]);
    runner.finish(3);
    await bridge.idle();
    expect(bridge.result?.scenario.policy.costDown).toBe(0.04);
  });

  it('a newer call replaces the inputs asked ahead, and none for big scenarios', async () => {
    const runner = new FakeRunner();
    const bridge = new SimBridge('A', runner);
    bridge.request(withCostDown(0.01));
    bridge.prefetch([withCostDown(0.02), withCostDown(0.03)]);
    bridge.prefetch([withCostDown(0.04)]);
    runner.finish(0);
    await settle();
    runner.finish(1);
    await bridge.idle();
    expect(costDowns(runner)).toEqual([0.01, 0.04]);
    // A scenario of more than PREFETCH_MAX_FIRM_QUARTERS: no guess.
    const big = withCostDown(0.06);
    big.years = Math.ceil(
      PREFETCH_MAX_FIRM_QUARTERS / 4 / big.network.firmsPerTier.reduce((a, b) => a + b, 0) + 1,
    );
    bridge.prefetch([big, withCostDown(0.07)]);
    expect(costDowns(runner)).toEqual([0.01, 0.04, 0.07]);
    runner.finish(2);
    await bridge.idle();
    expect(runner.calls).toHaveLength(3);
  });

  it('a worker lost while running ahead ends the guesses; inputs waiting on it run again', async () => {
    const { runner, bridge } = await guessing();
    bridge.request(withCostDown(0.02)); // waits on the guess in flight
    runner.calls[1].lose();
    await settle();
    expect(costDowns(runner)).toEqual([0.01, 0.02, 0.02]); // run again; 0.03 dropped
    runner.finish(2);
    await bridge.idle();
    expect(runner.calls).toHaveLength(3);
    expect(bridge.result?.scenario.policy.costDown).toBe(0.02);
    expect(bridge.failure).toBeNull();
  });
});
