/**
 * The sensitivity page's pure parts: number formats, the colour scale,
 * settings validation and its messages in both languages, the CSV rows, the
 * views built from runs, and the runner's scheduling and cancelling (with a
 * pool of fake workers whose runs finish when the test says).
 */
import { describe, expect, it } from 'vitest';
import {
  SENSITIVITY_LEVERS,
  computeTornado,
  jobs,
  planSweep,
  planTornado,
  runJobs,
  sweepGrid,
  type Job,
  type RunOutput,
} from '../../src/engine/batch.ts';
import { PARAM_BY_PATH, presetScenario, type Summary } from '../../src/engine/index.ts';
import { WorkerPool } from '../../src/pool/pool.ts';
import {
  colourScale,
  luminance,
  textOn,
  viridis,
  VIRIDIS,
} from '../../src/app/sensitivity/colour.ts';
import { heatmapRows, tornadoRows } from '../../src/app/sensitivity/csv.ts';
import {
  indicatorValue,
  paramRange,
  paramShort,
  paramValue,
  trimmed,
} from '../../src/app/sensitivity/format.ts';
import { SensitivityRunner, type Task } from '../../src/app/sensitivity/runner.svelte.ts';
import {
  batchErrorText,
  defaultAxis,
  defaultSettings,
  sweepPlan,
  tornadoPlan,
} from '../../src/app/sensitivity/settings.ts';
import { heatView, tornadoView } from '../../src/app/sensitivity/views.ts';

const base = presetScenario('large-firm-led');
const message = (o: ReturnType<typeof tornadoPlan>, lang: 'en' | 'ja') =>
  o.ok ? '' : o.message(lang);

describe('formats', () => {
  it('write levers with their units, shares as percentages, once per range', () => {
    expect(trimmed(1.5)).toBe('1.5');
    expect(trimmed(-0.0001)).toBe('0');
    expect(paramValue('en', 'policy.costDown', 0.05)).toBe('5%/year');
    expect(paramValue('ja', 'policy.costDown', 0.05)).toBe('5%／年');
    expect(paramValue('en', 'network.customersPerSupplier', 2)).toBe('2 buyers');
    expect(paramValue('en', 'market.valueOrientation', 0.5)).toBe('0.5');
    expect(paramRange('en', 'policy.costDown', 0, 0.05)).toBe('0 → 5%/year');
    expect(paramRange('en', 'labor.laborForceGrowth', -0.015, 0.005)).toBe('-1.5 → 0.5%/year');
    expect(paramRange('en', 'network.customersPerSupplier', 1, 4)).toBe('1 → 4 buyers');
    expect(paramRange('ja', 'network.customersPerSupplier', 1, 4)).toBe('1 → 4社（取引先）');
    expect(paramShort('policy.passThroughFloor', 0.4)).toBe('40%');
  });

  it('write indicators in their readers’ units: %/year, ¥bn or 億円', () => {
    expect(indicatorValue('en', 'deepestWageGrowth', 0.01234)).toBe('1.23%/year');
    expect(indicatorValue('ja', 'deepestWageGrowth', 0.01234)).toBe('1.23%／年');
    expect(indicatorValue('en', 'totalValueAdded', 602_345)).toBe('¥602.3bn/year');
    expect(indicatorValue('ja', 'totalValueAdded', 602_345)).toBe('6,023億円／年');
    expect(indicatorValue('en', 'wageGap', 2.104)).toBe('2.10×');
    expect(indicatorValue('en', 'wageGap', null)).toBe('–');
  });
});

describe('colour scale', () => {
  it('runs from viridis’ dark end at the lowest value to its yellow at the highest', () => {
    const s = colourScale([3, 1, NaN, 2]);
    expect([s.min, s.max]).toEqual([1, 3]);
    expect(s.colour(1)).toBe(VIRIDIS[0]);
    expect(s.colour(3)).toBe(VIRIDIS[VIRIDIS.length - 1]);
    expect(s.colour(2)).toBe(viridis(0.5));
    expect(s.colour(NaN)).toBe('#d9d9d9');
    // Lighter with every step: it reads in greyscale too.
    const l = [0, 0.25, 0.5, 0.75, 1].map((t) => luminance(viridis(t)));
    for (let i = 1; i < l.length; i++) expect(l[i]).toBeGreaterThan(l[i - 1]);
  });

  it('puts white text on dark cells and black on light ones; equal values sit mid-scale', () => {
    expect(textOn(VIRIDIS[0])).toBe('#ffffff');
    expect(textOn(VIRIDIS[8])).toBe('#000000');
    expect(colourScale([2, 2]).position(2)).toBe(0.5);
  });
});

describe('settings', () => {
  it('default to the scenario A, 5 runs and cost-down × pass-through floor over the levers’ ranges', () => {
    const s = defaultSettings();
    expect(s).toMatchObject({ scenario: 'A', runs: 5, indicator: 'deepestWageGrowth' });
    expect(s.axes[0]).toEqual({ path: 'policy.costDown', from: 0, to: 0.05, steps: 6 });
    expect(s.axes[1]).toEqual({ path: 'policy.passThroughFloor', from: 0, to: 1, steps: 6 });
    // Not a lever: the parameter's own range; whole numbers one step per value.
    expect(defaultAxis('market.priceElasticity')).toMatchObject({ from: 0, to: 4 });
    expect(defaultAxis('network.customersPerSupplier')).toEqual({
      path: 'network.customersPerSupplier',
      from: 1,
      to: 4,
      steps: 4,
    });
  });

  it('make the engine’s plans, with one key per set of inputs', () => {
    const t = tornadoPlan(base, 2);
    expect(t.ok && t.plan.points.length).toBe(1 + 2 * SENSITIVITY_LEVERS.length);
    const s = sweepPlan(base, 2, defaultSettings().axes);
    expect(s.ok && s.plan.points.length).toBe(36);
    const again = sweepPlan(base, 2, defaultSettings().axes);
    const other = sweepPlan(base, 3, defaultSettings().axes);
    expect(s.ok && again.ok && s.key === again.key).toBe(true);
    expect(s.ok && other.ok && s.key !== other.key).toBe(true);
  });

  it('refuse runs outside 1–20, saying so in English and Japanese', () => {
    for (const bad of [0, 21, 2.5, NaN]) expect(tornadoPlan(base, bad).ok).toBe(false);
    expect(message(tornadoPlan(base, 21), 'en')).toBe(
      'Runs per point must be a whole number from 1 to 20; it is 21.',
    );
    expect(message(tornadoPlan(base, 21), 'ja')).toMatch(/^1点あたりの実行回数は1～20の整数/);
    expect(message(tornadoPlan(base, NaN), 'en')).toMatch(/is empty/);
  });

  it('refuse the same parameter on both axes, naming it', () => {
    const a = defaultAxis('policy.costDown');
    const o = sweepPlan(base, 5, [a, { ...a }]);
    expect(message(o, 'en')).toBe(
      'Both axes are Cost-down demand: choose two different parameters.',
    );
    expect(message(o, 'ja')).toBe(
      '両方の軸が「コストダウン要請」です。異なる二つのパラメータを選んでください。',
    );
  });

  it('refuse an end outside the parameter’s range, with the range and units', () => {
    const o = sweepPlan(base, 5, [
      { path: 'policy.costDown', from: 0, to: 0.5, steps: 3 },
      defaultAxis('policy.passThroughFloor'),
    ]);
    expect(message(o, 'en')).toBe(
      'Cost-down demand: 50%/year is outside the range it can take, 0%/year to 10%/year.',
    );
    expect(message(o, 'ja')).toBe(
      '「コストダウン要請」：50%／年は取りうる範囲（0%／年～10%／年）の外です。',
    );
    const empty = sweepPlan(base, 5, [
      { path: 'policy.costDown', from: NaN, to: 0.05, steps: 3 },
      defaultAxis('policy.passThroughFloor'),
    ]);
    expect(message(empty, 'en')).toMatch(/“From” and “To” must both be numbers/);
    const steps = sweepPlan(base, 5, [
      { ...defaultAxis('policy.costDown'), steps: 0 },
      defaultAxis('policy.passThroughFloor'),
    ]);
    expect(message(steps, 'en')).toMatch(/steps must be a whole number from 1 to 50; it is 0/);
  });

  it('refuse a grid point where the least bargaining power exceeds the most, in words', () => {
    const o = sweepPlan(base, 1, [
      { path: 'bargaining.betaMin', from: 0, to: 1, steps: 3 },
      defaultAxis('policy.costDown'),
    ]);
    const en = message(o, 'en');
    expect(en).toMatch(/^With Least bargaining power = 1, Cost-down demand = 0%\/year: /);
    expect(en).toMatch(/Least bargaining power must not exceed Most bargaining power/);
    const ja = message(o, 'ja');
    expect(ja).not.toMatch(/must|betaMin/);
    expect(ja).toMatch(/のとき：/);
  });

  it('refuse a grid of more runs than a batch may hold', () => {
    const o = sweepPlan(base, 20, [
      { path: 'policy.costDown', from: 0, to: 0.1, steps: 50 },
      { path: 'policy.passThroughFloor', from: 0, to: 1, steps: 50 },
    ]);
    expect(message(o, 'en')).toBe(
      '50000 runs would be needed (2500 points × 20 runs); at most 20000. Use fewer steps or runs.',
    );
  });

  it('tell a message of unknown form inside a translated sentence', () => {
    expect(batchErrorText('ja', 'something new')).toBe('この設定では計算できません：something new');
  });
});

/** Runs a plan's jobs in this thread (the engine itself). */
const runAll = (plan: Parameters<typeof jobs>[0]) => runJobs(jobs(plan));

describe('views and CSV', () => {
  const small = [
    { path: 'policy.costDown', values: [0, 0.05] },
    { path: 'policy.passThroughFloor', values: [0, 0.5, 1] },
  ];

  it('the tornado: one bar per lever sorted by swing, floating from the base, values in the CSV', () => {
    const plan = planTornado(base, 1);
    const outputs = runAll(plan);
    const result = computeTornado(plan, outputs, 'deepestWageGrowth');
    const v = tornadoView('en', plan, outputs, 'deepestWageGrowth', 'A');
    expect(v.paths).toEqual(result.bars.map((b) => b.path));
    expect(v.paths).toHaveLength(SENSITIVITY_LEVERS.length);
    expect(v.base).toBeCloseTo(result.base * 100, 10);
    expect(v.low[0]).toEqual([v.base, result.bars[0].atLow * 100]);
    expect(v.labels).toContain('Cost-down demand 0 → 5%/year');
    expect(v.legendLow).toBe('Lever at its low value');
    const rows = tornadoRows('en', result);
    expect(rows[0]).toEqual([
      'Lever',
      'Parameter',
      'Low value',
      'High value',
      'Unit of the lever',
      'Wage growth, deepest tier at the low value (share/year)',
      'Wage growth, deepest tier at the high value (share/year)',
      'Swing (share/year)',
      'Wage growth, deepest tier in the scenario (share/year)',
    ]);
    expect(rows).toHaveLength(1 + SENSITIVITY_LEVERS.length);
    const b = result.bars[0];
    // The lever that moves the indicator most (which one is the engine's finding).
    expect(rows[1]).toEqual([
      PARAM_BY_PATH.get(b.path)!.label,
      b.path,
      b.low,
      b.high,
      PARAM_BY_PATH.get(b.path)!.unit,
      b.atLow,
      b.atHigh,
      b.swing,
      result.base,
    ]);
    expect(tornadoRows('ja', result)[0][0]).toBe('レバー');
  });

  it('the heat map: one cell per point, the engine’s medians, one CSV row per cell', () => {
    const plan = planSweep(base, small, 1);
    const outputs = runAll(plan);
    const grid = sweepGrid(plan, outputs, 'deepestWageGrowth');
    const v = heatView('en', plan, outputs, 'deepestWageGrowth', 'A');
    expect(v.cells).toHaveLength(6);
    expect(v.xLabels).toEqual(['0%', '5%']);
    expect(v.yLabels).toEqual(['0%', '50%', '100%']);
    expect(v.xTitle).toBe('Cost-down demand (%/year)');
    const c = v.cells.find((x) => x.x === 1 && x.y === 2)!;
    expect(c.v).toBeCloseTo(grid[1][2] * 100, 10);
    expect(v.cellTips[v.cells.indexOf(c)]).toMatch(
      /^Cost-down demand = 5%\/year, Pass-through floor = 100%: \d+\.\d\d%\/year$/,
    );
    const rows = heatmapRows('en', plan, grid, 'deepestWageGrowth');
    expect(rows[0]).toEqual([
      'Cost-down demand (share/year)',
      'Pass-through floor (share)',
      'Wage growth, deepest tier (share/year)',
      'Runs per point',
    ]);
    expect(rows).toHaveLength(7);
    expect(rows[6]).toEqual([0.05, 1, grid[1][2], 1]);
  });
});

/* ------------------------------------------------------------- the runner */

const stubSummary = {} as Summary;

/** A pool of fake workers: each chunk of jobs finishes when `release()` is called. */
function gatedPool() {
  const waiting: (() => void)[] = [];
  let made = 0;
  let cancelled = 0;
  const make = () => {
    made++;
    const pool = new WorkerPool(
      () => ({
        run: (list: Job[]) =>
          new Promise<RunOutput[]>((resolve) =>
            waiting.push(() =>
              resolve(
                list.map((j) => ({
                  index: j.index,
                  seed: j.scenario.seed,
                  summary: stubSummary,
                  tiers: 4,
                  quarters: 40,
                })),
              ),
            ),
          ),
        terminate: () => {},
      }),
      1,
    );
    const cancel = pool.cancel.bind(pool);
    pool.cancel = (respawn?: boolean) => {
      if (pool.busy) cancelled++;
      cancel(respawn);
    };
    return pool;
  };
  return {
    make,
    /** Finishes every chunk given out so far, and those the pool then gives out, until idle. */
    async drain() {
      for (let i = 0; i < 1000; i++) {
        // The runner starts its next computation on a timer: give it a few turns.
        for (let k = 0; k < 5 && !waiting.length; k++) await new Promise((r) => setTimeout(r, 0));
        if (!waiting.length) return;
        waiting.shift()!();
        await new Promise((r) => setTimeout(r, 0));
      }
    },
    get made() {
      return made;
    },
    get cancelled() {
      return cancelled;
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function task(runs: number, scenario: 'A' | 'B' = 'A'): { tornado: Task; sweep: Task } {
  const t = tornadoPlan(base, runs);
  const s = sweepPlan(base, runs, [
    { path: 'policy.costDown', from: 0, to: 0.05, steps: 2 },
    { path: 'policy.passThroughFloor', from: 0, to: 1, steps: 2 },
  ]);
  if (!t.ok || !s.ok) throw new Error('bad plans');
  return {
    tornado: { key: t.key, plan: t.plan, scenario },
    sweep: { key: s.key, plan: s.plan, scenario },
  };
}

describe('SensitivityRunner', () => {
  it('makes no pool until the page is shown, then computes the tornado and then the heat map', async () => {
    const pools = gatedPool();
    const r = new SensitivityRunner(pools.make, 0);
    const t = task(1);
    r.want(t.tornado, t.sweep);
    await tick();
    expect(pools.made).toBe(0);
    r.setActive(true);
    await tick();
    expect(pools.made).toBe(1);
    expect(r.running).toBe('tornado');
    await pools.drain();
    expect(r.tornado?.key).toBe(t.tornado.key);
    expect(r.sweep?.key).toBe(t.sweep.key);
    expect(r.running).toBe(null);
    expect(r.tornado?.outputs.filter(Boolean)).toHaveLength(t.tornado.plan.points.length);
    r.dispose();
  });

  it('a change of inputs cancels the work for the old ones at once; the shown result stays until the new one is done', async () => {
    const pools = gatedPool();
    const r = new SensitivityRunner(pools.make, 0);
    r.setActive(true);
    const first = task(1);
    r.want(first.tornado, first.sweep);
    await tick();
    await pools.drain();
    const shown = r.tornado;
    expect(shown?.key).toBe(first.tornado.key);
    const second = task(2);
    r.want(second.tornado, second.sweep);
    await tick();
    expect(r.running).toBe('tornado');
    expect(r.outdated('tornado')).toBe(true);
    const third = task(3);
    r.want(third.tornado, third.sweep);
    expect(pools.cancelled).toBe(1);
    // The old result is on screen until the new one is complete.
    expect(r.tornado).toBe(shown);
    await tick();
    await pools.drain();
    expect(r.tornado?.key).toBe(third.tornado.key);
    expect(r.outdated('tornado')).toBe(false);
    r.dispose();
  });

  it('cancel stops at once, keeps the last results and waits for the user; resume computes', async () => {
    const pools = gatedPool();
    const r = new SensitivityRunner(pools.make, 0);
    r.setActive(true);
    const first = task(1);
    r.want(first.tornado, null);
    await tick();
    await pools.drain();
    const shown = r.tornado;
    const second = task(2);
    r.want(second.tornado, null);
    await tick();
    expect(r.running).toBe('tornado');
    r.cancel();
    await tick();
    expect(pools.cancelled).toBe(1);
    expect(r.running).toBe(null);
    expect(r.stopped).toBe(true);
    expect(r.tornado).toBe(shown);
    await tick();
    expect(r.running).toBe(null);
    r.resume();
    await tick();
    expect(r.running).toBe('tornado');
    await pools.drain();
    expect(r.tornado?.key).toBe(second.tornado.key);
    r.dispose();
  });

  it('a result is outdated once the settings are invalid (nothing wanted) and runs nothing', async () => {
    const pools = gatedPool();
    const r = new SensitivityRunner(pools.make, 0);
    r.setActive(true);
    const t = task(1);
    r.want(t.tornado, null);
    await tick();
    await pools.drain();
    expect(r.outdated('tornado')).toBe(false);
    r.want(null, null);
    await tick();
    expect(r.outdated('tornado')).toBe(true);
    expect(r.running).toBe(null);
    expect(r.tornado?.key).toBe(t.tornado.key);
    r.dispose();
  });

  it('leaving the page disposes the pool; coming back makes a new one and goes on', async () => {
    const pools = gatedPool();
    const r = new SensitivityRunner(pools.make, 0);
    r.setActive(true);
    const t = task(1);
    r.want(t.tornado, null);
    await tick();
    expect(r.running).toBe('tornado');
    r.setActive(false);
    await tick();
    expect(r.running).toBe(null);
    expect(r.tornado).toBe(null);
    r.setActive(true);
    await tick();
    expect(pools.made).toBe(2);
    await pools.drain();
    expect(r.tornado?.key).toBe(t.tornado.key);
    r.dispose();
  });
});

describe('the page’s address', () => {
  it('#sensitivity and view=sensitivity open the page, and a link keeps it', async () => {
    const { viewOfHash } = await import('../../src/app/share/session.svelte.ts');
    const { decodeState, encodeState, defaultState } = await import('../../src/share/urlState.ts');
    expect(viewOfHash('#sensitivity')).toBe('sensitivity');
    const q = encodeState({ ...defaultState(), view: 'sensitivity' });
    expect(q).toMatch(/view=sensitivity/);
    expect(decodeState(`?${q}`).state.view).toBe('sensitivity');
  });
});

describe('the image caption', () => {
  it('names the scenario the charts start from and the runs per point', async () => {
    const { sensCaptionNames } = await import('../../src/app/sensitivity/exportImage.ts');
    const { defaultState } = await import('../../src/share/urlState.ts');
    const state = defaultState('en');
    const [name, runs] = sensCaptionNames(state, 'B', 5, 'en');
    expect(name).toMatch(/^B: Layered value chain/);
    expect(runs).toBe('median of 5 runs per point');
    expect(sensCaptionNames(state, 'A', 1, 'en')).toEqual([
      expect.stringMatching(/^A: Large-firm-led model/),
      'one run per point',
    ]);
    expect(sensCaptionNames(state, 'A', 3, 'ja')[1]).toBe('1点あたり3回の中央値');
  });
});
