import { describe, expect, it } from 'vitest';
import { MAX_MEASURES, SimBridge, type Runner } from '../../src/app/bridge.svelte.ts';
import { defaultScenario, type Scenario, type SimResult } from '../../src/engine/index.ts';
import type { RunOutcome } from '../../src/worker/sim.worker.ts';

/** A runner whose runs finish only when the test says so. */
class FakeRunner implements Runner {
  calls: { scenario: Scenario; finish: (o: RunOutcome) => void }[] = [];
  inFlight = 0;
  maxInFlight = 0;

  run(scenario: Scenario): Promise<RunOutcome> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    return new Promise((resolve) => {
      this.calls.push({
        scenario,
        finish: (o) => {
          this.inFlight--;
          resolve(o);
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
        fc.array(fc.oneof(fc.constant('finish' as const), fc.integer({ min: 0, max: 20 })), {
          minLength: 1,
          maxLength: 30,
        }),
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
          expect(bridge.stats.drawn + bridge.stats.discarded).toBe(bridge.stats.ran);
        },
      ),
      { numRuns: 200 },
    );
  });
});
