import { describe, expect, it } from 'vitest';
import { SimBridge, type Runner } from '../../src/app/bridge.svelte.ts';
import { firstResultFor, loadFirstResults, type FirstResults } from '../../src/app/firstResults.ts';
import { MODEL_VERSION, simulate, type Scenario, type SimResult } from '../../src/engine/index.ts';
import type { RunOutcome } from '../../src/worker/sim.worker.ts';
import { decodeState, scenarioOf } from '../../src/share/urlState.ts';
import { firstResultsSource, firstScenarios, toSource } from '../../scripts/firstResults.ts';

/** The module `virtual:first-results` as the build writes it, evaluated. */
async function builtModule(): Promise<FirstResults> {
  const src = firstResultsSource();
  const mod = await import(`data:text/javascript,${encodeURIComponent(src)}`);
  return mod.default as FirstResults;
}

/** Every typed array of `v`, by path, as bytes (so that NaN's and -0's bits count too). */
function arrays(
  v: unknown,
  path = '',
  out = new Map<string, Uint8Array>(),
): Map<string, Uint8Array> {
  if (ArrayBuffer.isView(v)) out.set(path, new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) arrays(x, `${path}.${k}`, out);
  return out;
}

describe('first results computed at build time', () => {
  it('equal a fresh run of the default scenarios, value by value and bit by bit', async () => {
    const first = await builtModule();
    expect(first.model).toBe(MODEL_VERSION);
    const defaults = decodeState('https://example.org/app/', { lang: 'en' }).state;
    const scenarios = { A: scenarioOf(defaults.a), B: scenarioOf(defaults.b) };
    expect(first.runs.map((r) => r.id)).toEqual(['A', 'B']);
    for (const run of first.runs) {
      const scenario = scenarios[run.id as 'A' | 'B'];
      expect(run.scenario).toEqual(scenario);
      const fresh = simulate(scenario);
      expect(run.result).toEqual(fresh);
      const got = arrays(run.result);
      const want = arrays(fresh);
      expect([...got.keys()]).toEqual([...want.keys()]);
      expect(got.size).toBeGreaterThan(100);
      for (const [path, bytes] of want) expect(got.get(path), path).toEqual(bytes);
    }
  });

  it('write every number back exactly (NaN, infinities, -0, typed arrays)', async () => {
    const value = {
      x: [NaN, Infinity, -Infinity, -0, 0.1 + 0.2, 5e-324],
      f: new Float64Array([-0, NaN, 1 / 3]),
      i: new Int32Array([-5, 7]),
      u: new Uint8Array([255]),
      s: 'a"b',
      n: null,
    };
    const back = (
      await import(`data:text/javascript,export default ${encodeURIComponent(toSource(value))}`)
    ).default;
    expect(back).toEqual(value);
    expect(Object.is(back.x[3], -0)).toBe(true);
    expect(Object.is(back.f[0], -0)).toBe(true);
    expect(back.f).toBeInstanceOf(Float64Array);
  });

  it('apply only to the exact default scenarios and model version, never to a link', async () => {
    const first = await builtModule();
    const [{ scenario }] = firstScenarios();
    expect(firstResultFor(first, 'A', scenario)).toBe(first.runs[0].result);
    expect(firstResultFor(first, 'B', scenario)).toBeNull(); // B's default differs from A's
    const edited = structuredClone(scenario);
    edited.policy.costDown += 0.01;
    expect(firstResultFor(first, 'A', edited)).toBeNull();
    expect(firstResultFor({ ...first, model: `${MODEL_VERSION}-old` }, 'A', scenario)).toBeNull();
    expect(firstResultFor(null, 'A', scenario)).toBeNull();
    // A link (anything in the query) never loads them, whatever its scenarios.
    expect(loadFirstResults('https://example.org/app/?v=2')).toBeNull();
    expect(loadFirstResults('https://example.org/app/?lang=ja')).toBeNull();
  });
});

/** A runner whose runs finish only when the test says so. */
class FakeRunner implements Runner {
  calls: { scenario: Scenario; finish: (o: RunOutcome) => void }[] = [];
  run(scenario: Scenario): Promise<RunOutcome> {
    return new Promise((finish) => this.calls.push({ scenario, finish }));
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const tagged = (sc: Scenario, tag: string) => ({ scenario: sc, tag }) as unknown as SimResult;

describe('SimBridge.seed', () => {
  const [{ scenario }] = firstScenarios();

  it('shows the given result until the worker’s own result replaces it', async () => {
    const runner = new FakeRunner();
    const bridge = new SimBridge('S1', runner);
    bridge.request(scenario);
    expect(bridge.seed(scenario, tagged(scenario, 'built'))).toBe(true);
    expect((bridge.result as unknown as { tag: string }).tag).toBe('built');
    expect(bridge.stats).toMatchObject({ seeded: 1, drawn: 0 });
    runner.calls[0].finish({ ok: true, result: tagged(scenario, 'worker'), ms: 1 });
    await bridge.idle();
    expect((bridge.result as unknown as { tag: string }).tag).toBe('worker');
    expect(bridge.stats).toMatchObject({ seeded: 1, drawn: 1 });
  });

  it('shows nothing once a result is on screen, or for other inputs than the latest', async () => {
    const runner = new FakeRunner();
    const bridge = new SimBridge('S2', runner);
    expect(bridge.seed(scenario, tagged(scenario, 'built'))).toBe(false); // nothing asked for
    bridge.request(scenario);
    const edited = structuredClone(scenario);
    edited.policy.costDown += 0.01;
    bridge.request(edited); // the user's edit is the latest
    expect(bridge.seed(scenario, tagged(scenario, 'built'))).toBe(false);
    expect(bridge.result).toBeNull();

    const other = new SimBridge('S3', runner);
    other.request(scenario);
    runner.calls.at(-1)!.finish({ ok: true, result: tagged(scenario, 'worker'), ms: 1 });
    await other.idle();
    expect(other.seed(scenario, tagged(scenario, 'built'))).toBe(false);
    expect((other.result as unknown as { tag: string }).tag).toBe('worker');
  });

  it('holds its runs, not its requests, until told: then the latest inputs run', async () => {
    const runner = new FakeRunner();
    let release!: () => void;
    const bridge = new SimBridge('S4', runner, () => {}, new Promise<void>((r) => (release = r)));
    bridge.request(scenario);
    expect(bridge.seed(scenario, tagged(scenario, 'built'))).toBe(true);
    const edited = structuredClone(scenario);
    edited.policy.costDown += 0.01;
    bridge.request(edited);
    await settle();
    expect(runner.calls).toHaveLength(0);
    release();
    await settle();
    expect(runner.calls.map((c) => c.scenario)).toEqual([edited]);
    runner.calls[0].finish({ ok: true, result: tagged(edited, 'worker'), ms: 1 });
    await bridge.idle();
    expect((bridge.result as unknown as { tag: string }).tag).toBe('worker');
  });
});
