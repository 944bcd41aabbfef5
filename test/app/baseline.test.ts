/**
 * The baseline of a modified scenario: when a scenario counts as modified,
 * how its preset's run is asked for (once per preset and seed, after the
 * user's own runs), and what the charts and names make of it.
 */
import { describe, expect, it, beforeEach } from 'vitest';
import { SimBridge, type Runner } from '../../src/app/bridge.svelte.ts';
import { ScenarioModel } from '../../src/app/scenario.svelte.ts';
import { baselineScenario, clearBaselines, isModified } from '../../src/app/charts/baselines.ts';
import { chartContent, contentCsv } from '../../src/app/charts/content.ts';
import { digests } from '../../src/app/charts/chart.svelte.ts';
import { digest, supplierShare } from '../../src/app/charts/data.ts';
import { chartStarts, scenarioName } from '../../src/app/charts/names.ts';
import { shortTitle, startName, type ChartStarts } from '../../src/app/charts/starts.ts';
import { CHART_IDS } from '../../src/share/urlState.ts';
import { presetScenario, simulate, type Scenario, type SimResult } from '../../src/engine/index.ts';
import type { RunOutcome } from '../../src/worker/sim.worker.ts';

const settle = () => new Promise((r) => setTimeout(r, 0));

/** A runner whose runs finish only when the test says so, with a stand-in result. */
class FakeRunner implements Runner {
  calls: { scenario: Scenario; finish: () => void }[] = [];
  run(scenario: Scenario): Promise<RunOutcome> {
    return new Promise((resolve) => {
      this.calls.push({
        scenario,
        finish: () => resolve({ ok: true, result: { scenario } as unknown as SimResult, ms: 1 }),
      });
    });
  }
}

const short = (name: string, patch: (s: Scenario) => void = () => {}) => {
  const s = presetScenario(name);
  s.years = 4;
  patch(s);
  return simulate(s);
};

beforeEach(() => clearBaselines());

describe('modified', () => {
  it('is exact: any input, shock or event differs; back to the preset values clears it', () => {
    const p = presetScenario('layered');
    expect(isModified('layered', p)).toBe(false);
    expect(isModified('large-firm-led', p)).toBe(true);
    expect(isModified('layered', { ...p, seed: 2 })).toBe(true);
    expect(isModified('layered', { ...p, network: { ...p.network, firmsPerTier: [3, 18] } })).toBe(
      true,
    );
    expect(
      isModified('layered', {
        ...p,
        shocks: [{ variable: 'energy', start: 1, duration: 1, size: 0.2 }],
      } as Scenario),
    ).toBe(true);
    expect(
      isModified('layered', {
        ...p,
        policyEvents: [{ start: 2, lever: 'passThroughFloor', value: 0.8 }],
      } as Scenario),
    ).toBe(true);
    expect(isModified('layered', structuredClone(p))).toBe(false);
    expect(isModified('no-such-preset', p)).toBe(true);
  });

  it('follows the model: an edit sets it, setting the value back or reset clears it', () => {
    const runner = new FakeRunner();
    const m = new ScenarioModel('A', 'large-firm-led', new SimBridge('A', runner));
    expect(m.modified).toBe(false);
    m.set('policy.costDown', 0.05);
    expect(m.modified).toBe(true);
    m.set('policy.costDown', 0.03);
    expect(m.modified).toBe(false);
    m.set('market.valueOrientation', 0.5);
    expect(m.modified).toBe(true);
    m.reset();
    expect(m.modified).toBe(false);
    // A loaded scenario (undo, a link) counts the same way.
    m.load('large-firm-led', { ...presetScenario('large-firm-led'), years: 12 });
    expect(m.modified).toBe(true);
    m.load('large-firm-led', presetScenario('large-firm-led'));
    expect(m.modified).toBe(false);
  });
});

describe('the baseline run', () => {
  it('runs the preset on the scenario’s seed after the user’s run, once per preset and seed', async () => {
    const runner = new FakeRunner();
    const bridge = new SimBridge('A', runner);
    const m = new ScenarioModel('A', 'large-firm-led', bridge);
    runner.calls[0].finish();
    await bridge.idle();
    expect(m.baseline).toBeNull();

    m.set('policy.costDown', 0.05);
    // The user's run goes first; the baseline waits for it.
    expect(runner.calls).toHaveLength(2);
    expect(runner.calls[1].scenario.policy.costDown).toBe(0.05);
    m.set('policy.costDown', 0.06); // while the first edit runs: latest wins, still before the baseline
    runner.calls[1].finish();
    await settle();
    expect(runner.calls).toHaveLength(3);
    expect(runner.calls[2].scenario.policy.costDown).toBe(0.06);
    runner.calls[2].finish();
    await settle();
    expect(runner.calls).toHaveLength(4);
    expect(runner.calls[3].scenario).toEqual(baselineScenario('large-firm-led', 1));
    expect(bridge.stats.requested).toBe(3); // the baseline is not a user run
    runner.calls[3].finish();
    await bridge.idle();
    expect(m.baseline?.scenario).toEqual(presetScenario('large-firm-led'));
    expect(bridge.result?.scenario.policy.costDown).toBe(0.06); // not replaced by the baseline

    // More edits: no new baseline run; back at the preset, no baseline.
    m.set('policy.costDown', 0.07);
    runner.calls[4].finish();
    await bridge.idle();
    expect(runner.calls).toHaveLength(5);
    m.set('policy.costDown', 0.03);
    expect(m.baseline).toBeNull();
    // The preset's own result is kept (SimBridge's cache): shown again without a run.
    await bridge.idle();
    expect(runner.calls).toHaveLength(5);
    expect(bridge.stats.cached).toBe(1);
    expect(bridge.result?.scenario.policy.costDown).toBe(0.03);

    // Another scenario on the same preset and seed shares the kept run.
    const other = new FakeRunner();
    const b = new ScenarioModel('B', 'large-firm-led', new SimBridge('B', other));
    b.set('policy.costDown', 0.01);
    await settle();
    expect(b.baseline?.scenario).toEqual(presetScenario('large-firm-led'));
    other.calls[0].finish();
    await settle();
    other.calls[1].finish();
    await settle();
    expect(other.calls).toHaveLength(2); // preset and edit; no baseline run

    // A new seed is a new baseline.
    m.set('seed', 7);
    runner.calls[5].finish();
    await settle();
    expect(runner.calls[6].scenario.seed).toBe(7);
  });

  it('says while the baseline runs, and a failed run leaves no start (the next edit tries again)', async () => {
    let fail = true;
    const calls: Scenario[] = [];
    const runner: Runner = {
      run: (scenario) => {
        calls.push(scenario);
        const isStart = scenario.policy.costDown === 0.03 && calls.length > 1;
        return Promise.resolve(
          isStart && fail
            ? { ok: false, errors: ['the simulation failed: worker lost'] }
            : { ok: true, result: { scenario } as unknown as SimResult, ms: 1 },
        );
      },
    };
    const bridge = new SimBridge('A', runner);
    const m = new ScenarioModel('A', 'large-firm-led', bridge);
    await bridge.idle();
    m.set('policy.costDown', 0.05);
    expect(m.baselinePending).toBe(true);
    await bridge.idle();
    await settle();
    expect(m.baselinePending).toBe(false);
    expect(m.baseline).toBeNull();
    expect(bridge.errors).toEqual([]); // the user's own run is unaffected
    fail = false;
    m.set('policy.costDown', 0.06);
    await bridge.idle();
    await settle();
    expect(m.baseline?.scenario).toEqual(presetScenario('large-firm-led'));
    expect(m.baselinePending).toBe(false);
  });

  it('a user edit asked for while the baseline runs goes next', async () => {
    const runner = new FakeRunner();
    const bridge = new SimBridge('A', runner);
    const m = new ScenarioModel('A', 'layered', bridge);
    runner.calls[0].finish();
    await settle();
    m.set('policy.costDown', 0.05);
    runner.calls[1].finish();
    await settle();
    expect(runner.calls).toHaveLength(3); // the baseline is running
    m.set('policy.costDown', 0.06);
    m.set('policy.costDown', 0.07);
    runner.calls[2].finish();
    await settle();
    expect(runner.calls).toHaveLength(4);
    expect(runner.calls[3].scenario.policy.costDown).toBe(0.07);
  });
});

describe('starts on the charts', () => {
  const a = short('large-firm-led', (s) => (s.policy.costDown = 0));
  const b = short('layered');
  const startA = short('large-firm-led');
  const starts: ChartStarts = {
    A: startA,
    B: null,
    titles: { A: 'Large-firm-led model', B: 'Layered value chain' },
  };

  it('draws nothing more while no scenario is modified', () => {
    for (const id of CHART_IDS) {
      const none = chartContent(id, a, b, 'both', 'en', null, { ...starts, A: null });
      expect(none.starts, id).toEqual([]);
      expect(chartContent(id, a, b, 'both', 'en').starts).toEqual([]);
      expect(JSON.stringify(none.legend)).not.toContain('(start)');
    }
  });

  it('draws the start of a modified scenario on every chart, named in the legend, leaving its own digest', () => {
    for (const id of CHART_IDS) {
      const plain = chartContent(id, a, b, 'both', 'en');
      const c = chartContent(id, a, b, 'both', 'en', null, starts);
      expect(c.starts, id).toEqual(['A']);
      expect(c.legend.map((l) => l.text)).toContain('A: Large-firm-led model (start)');
      expect(digests(c, digest)).toEqual(digests(plain, digest));
      if (c.kind === 'line') {
        const lines = c.datasets.filter((d) => d.role === 'start');
        expect(lines).toHaveLength(startA.tiers);
        expect(lines.every((d) => d.scenario === 'A' && d.borderWidth < 2)).toBe(true);
        expect(lines[0].label).toBe('A at start: Tier 0 (final goods)');
        expect(lines[0].borderColor).toMatch(/^rgba\(.*0\.42\)$/);
        if (c.id === 'wage') {
          expect(lines[0].data.at(-1)!.y).toBeCloseTo(startA.series.wage[0].at(-1)! * 0.01, 9);
        }
      }
    }
    const bar = chartContent('burden', a, b, 'both', 'en', null, starts);
    if (bar.kind !== 'bar') throw new Error('burden is a bar chart');
    expect(bar.datasets.find((d) => d.scenario === 'A')?.starts).toHaveLength(bar.labels.length);
    expect(bar.datasets.find((d) => d.scenario === 'B')?.starts).toBeUndefined();
    const settled = chartContent('settled', a, b, 'both', 'en', null, starts);
    if (settled.kind !== 'stacked') throw new Error('settled is stacked');
    // A's bars carry marks at the start's outcome boundaries; B's none.
    const firstA = settled.owners.indexOf('A');
    const firstB = settled.owners.indexOf('B');
    expect(Number.isFinite(settled.datasets[0].starts![firstA])).toBe(true);
    expect(Number.isNaN(settled.datasets[0].starts![firstB])).toBe(true);
  });

  it('exports the starts in the CSV, next to the scenario’s own columns', () => {
    const line = contentCsv(chartContent('wage', a, b, 'both', 'en', null, starts), 'en');
    const header = line.split('\n')[0];
    expect(header).toContain('A at start: Tier 0 (final goods)');
    expect(header).toContain('A: Tier 0 (final goods)');
    const bar = contentCsv(chartContent('burden', a, b, 'both', 'en', null, starts), 'en');
    const rows = bar.trim().split('\n');
    expect(rows[0]).toMatch(/^[^,]+,"?A[ ("].*"?A: Large-firm-led model \(start\)/);
    expect(rows).toHaveLength(1 + a.tiers + 1);
    const settled = contentCsv(chartContent('settled', a, b, 'both', 'en', null, starts), 'en');
    const lines = settled.trim().split(/\r?\n/);
    expect(lines[0]).toContain('Passed all, at start');
    // A's rows hold the start's shares (adding up to 100%); B's rows leave them empty.
    const aRow = lines.find((l) => l.startsWith('A: Tier 1'))!.split(',');
    const bRow = lines.find((l) => l.startsWith('B: Tier 1'))!.split(',');
    const startCols = lines[0]
      .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
      .flatMap((h, i) => (h.includes('at start') ? [i] : []));
    expect(startCols).toHaveLength(4);
    expect(startCols.reduce((s, i) => s + Number(aRow[i]), 0)).toBeCloseTo(100, 6);
    expect(startCols.map((i) => bRow[i])).toEqual(['', '', '', '']);
    // Without a start, no such column.
    expect(contentCsv(chartContent('burden', a, b, 'both', 'en'), 'en')).not.toContain('(start)');
  });

  it('in B − A, draws the B − A of the starts (an unmodified scenario as it is)', () => {
    const c = chartContent('wage', a, b, 'diff', 'en', null, starts);
    if (c.kind !== 'line') throw new Error('wage is a line chart');
    const lines = c.datasets.filter((d) => d.role === 'start');
    expect(lines[0].label).toBe('B − A at start: Tier 0 (final goods)');
    const last = lines[0].data.length - 1;
    expect(lines[0].data[last].y).toBeCloseTo(
      (b.series.wage[0][last] - startA.series.wage[0][last]) * 0.01,
      9,
    );
    expect(c.legend.map((l) => l.text)).toContain('B − A at start');
  });

  it('names scenarios in both languages, with "modified"', () => {
    const m = { id: 'A' as const, preset: 'large-firm-led', modified: true, baseline: startA };
    expect(scenarioName('en', m)).toBe('A: Large-firm-led model, modified');
    expect(scenarioName('ja', m)).toBe('A：大企業牽引モデル（変更あり）');
    expect(scenarioName('en', { ...m, id: 'B', preset: 'layered', modified: false })).toBe(
      'B: Layered value chain',
    );
    expect(shortTitle('Japan in the 2000s (deflation years)')).toBe('Japan in the 2000s');
    // Beside medians of many runs, a start says it is one run.
    const both = chartStarts('en', m, { ...m, id: 'B' });
    expect(startName('en', both, 'A', true)).toBe('A: Large-firm-led model (start, one run)');
    expect(startName('ja', both, 'diff', true)).toBe('出発点のB − A（各1回の実行）');
    expect(startName('en', both, 'B')).toBe('B: Large-firm-led model (start)');
    const s = chartStarts('ja', m, { ...m, id: 'B', modified: false });
    expect(s.A).toBe(startA);
    expect(s.B).toBeNull();
    const ja = chartContent('wage', a, b, 'both', 'ja', null, s);
    expect(ja.legend.map((l) => l.text)).toContain('A：大企業牽引モデル（出発点）');
  });

  it('tells the suppliers’ share of cost-ups met', () => {
    // Tier 0 absorbs 10, tiers 1 and 2 absorb 20 and 30, consumers pay 40.
    expect(supplierShare([10, 20, 30, 40])).toBeCloseTo(0.5, 12);
    expect(supplierShare([0, 0, 0, 0])).toBeNaN();
    expect(supplierShare([10, NaN, 30, 60])).toBeCloseTo(0.3, 12);
  });
});
