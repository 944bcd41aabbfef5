/**
 * The chart "How cost-ups were settled" (stacked shares per supplier tier and
 * scenario, from the settled* series over the rounds of the period) and the
 * policy events marked on time axes: pure content, tested in Node.
 */
import { describe, expect, it } from 'vitest';
import { axisEvents, chartContent, contentCsv } from '../../src/app/charts/content.ts';
import { OUTCOMES, settledShares } from '../../src/app/charts/data.ts';
import { placeLabels } from '../../src/app/charts/eventsPlugin.ts';
import type { ChartBands } from '../../src/app/charts/bandData.ts';
import { bandSet } from '../../src/worker/bandSet.ts';
import { parseCsv } from '../../src/export/csv.ts';
import { planRuns, jobs, runJob } from '../../src/engine/batch.ts';
import { presetScenario, simulate, type SimResult } from '../../src/engine/index.ts';

const runs = new Map<string, SimResult>();
function run(name: string, edit: (s: ReturnType<typeof presetScenario>) => void = () => {}) {
  const key = name + edit.toString();
  if (!runs.has(key)) {
    const sc = presetScenario(name);
    sc.years = 5;
    sc.network.firmsPerTier = [2, 8, 24, 60];
    edit(sc);
    runs.set(key, simulate(sc));
  }
  return runs.get(key)!;
}

describe('settled shares', () => {
  it('add up to 1 per supplier tier: did not ask, refused, part, all', () => {
    const r = run('japan-2024');
    const shares = settledShares(r);
    expect(shares).toHaveLength(r.tiers - 1);
    for (const row of shares) {
      expect(row).toHaveLength(4);
      for (const x of row) expect(x).toBeGreaterThanOrEqual(0);
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
    // The mean over the rounds of the period (the series are NaN between rounds).
    const s = r.series.settledPart[1];
    const defined = [...s].filter(Number.isFinite);
    expect(defined.length).toBeGreaterThan(0);
    expect(defined.length).toBeLessThan(s.length);
    expect(shares[0][2]).toBeCloseTo(defined.reduce((a, b) => a + b, 0) / defined.length, 12);
  });
});

describe('the chart "How cost-ups were settled"', () => {
  it('stacks the four outcomes per supplier tier, A and B side by side, in %', () => {
    const a = run('large-firm-led');
    const b = run('layered');
    const c = chartContent('settled', a, b, 'both', 'en');
    if (c.kind !== 'stacked') throw new Error('a stacked chart');
    expect(c.stacked).toBe(true);
    expect(c.title).toBe('How cost-ups were settled');
    expect(c.labels).toEqual([
      ['A', 'Tier 1'],
      ['B', 'Tier 1'],
      ['A', 'Tier 2'],
      ['B', 'Tier 2'],
      ['A', 'Tier 3'],
      ['B', 'Tier 3'],
    ]);
    expect(c.owners).toEqual(['A', 'B', 'A', 'B', 'A', 'B']);
    expect(c.datasets.map((d) => d.outcome)).toEqual([...OUTCOMES]);
    expect(c.datasets.map((d) => d.label)).toEqual([
      'Did not ask',
      'Were refused',
      'Passed part',
      'Passed all',
    ]);
    const sa = settledShares(a);
    const sb = settledShares(b);
    OUTCOMES.forEach((_, j) => {
      expect(c.datasets[j].data).toEqual(
        [0, 1, 2].flatMap((k) => [sa[k][j] * 100, sb[k][j] * 100]),
      );
    });
    for (let i = 0; i < c.labels.length; i++) {
      expect(c.datasets.reduce((s, d) => s + d.data[i], 0)).toBeCloseTo(100, 8);
    }
    // The period averaged over is said on the axis.
    expect(c.unit).toBe('% of suppliers with a cost-up, mean of the rounds 2026–2030');
    expect(c.yTitle).toBe('% of suppliers with a cost-up');
    expect(c.xTitle).toBe('Supplier tier · mean of the rounds 2026–2030');
    expect(c.note).toMatch(/averaged over the rounds of the reported period/);
    // Its own legend: the outcomes, best on top as in the stack.
    expect(c.legend.map((l) => l.text)).toEqual([
      'Passed all',
      'Passed part',
      'Were refused',
      'Did not ask',
    ]);
  });

  it('in Japanese', () => {
    const c = chartContent('settled', run('large-firm-led'), run('layered'), 'both', 'ja');
    if (c.kind !== 'stacked') throw new Error('a stacked chart');
    expect(c.title).toBe('コスト上昇はどう決着したか');
    expect(c.datasets.map((d) => d.label)).toEqual([
      '申し出なかった',
      '拒まれた',
      '一部を転嫁',
      '全額を転嫁',
    ]);
    expect(c.labels[0]).toEqual(['A', '第1階層']);
    expect(c.labels[5]).toEqual(['B', '第3階層']);
    expect(`${c.title}${c.note}${c.unit}${c.xTitle}`).not.toMatch(/[a-z]{3}/i);
  });

  it('B − A: grouped bars of the differences in points, per tier', () => {
    const a = run('large-firm-led');
    const b = run('layered');
    const c = chartContent('settled', a, b, 'diff', 'en');
    if (c.kind !== 'stacked') throw new Error('a stacked chart');
    expect(c.stacked).toBe(false);
    expect(c.labels).toEqual(['Tier 1', 'Tier 2', 'Tier 3']);
    const sa = settledShares(a);
    const sb = settledShares(b);
    expect(c.datasets[3].data).toEqual([0, 1, 2].map((k) => sb[k][3] * 100 - sa[k][3] * 100));
    expect(c.unit).toMatch(/^B − A, percentage points/);
  });

  it('its CSV: one row per bar, one column per outcome with the unit', () => {
    const c = chartContent('settled', run('large-firm-led'), run('layered'), 'both', 'en');
    if (c.kind !== 'stacked') throw new Error('a stacked chart');
    const [header, ...rows] = parseCsv(contentCsv(c, 'en'));
    expect(header).toEqual(['Supplier tier', ...c.datasets.map((d) => `${d.label} (${c.unit})`)]);
    expect(rows.map((r) => r[0])).toEqual([
      'A: Tier 1',
      'B: Tier 1',
      'A: Tier 2',
      'B: Tier 2',
      'A: Tier 3 (deepest)',
      'B: Tier 3 (deepest)',
    ]);
    expect(rows.map((r) => Number(r[4]))).toEqual(c.datasets[3].data);
  });

  it('with many runs: the means over the runs, and says so', () => {
    const sa = presetScenario('large-firm-led');
    const sb = presetScenario('layered');
    for (const sc of [sa, sb]) {
      sc.years = 3;
      sc.network.firmsPerTier = [2, 6, 18];
    }
    const outputs = [...jobs(planRuns(sa, 3)), ...jobs(planRuns(sb, 3))].map((j) =>
      runJob({ ...j, full: true }),
    );
    const set = bandSet(sa, sb, 3, outputs);
    expect(set.settled.A).toHaveLength(2);
    const single = simulate(sa);
    const bands: ChartBands = { set, current: true };
    const c = chartContent('settled', single, simulate(sb), 'both', 'en', bands);
    if (c.kind !== 'stacked') throw new Error('a stacked chart');
    expect(c.bands).toBe('current');
    expect(c.note).toMatch(/Means of 3 runs per scenario\.$/);
    expect(c.datasets[0].data[0]).toBeCloseTo(set.settled.A![0][0] * 100, 10);
    for (const row of set.settled.A!) expect(row.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 9);
  });
});

describe('policy events on time axes', () => {
  it('the Japan preset marks the 2023 guideline and the 2026 act, once each', () => {
    const j = run('japan-2024');
    expect(axisEvents(j, null, 'en')).toEqual([
      { x: 2023.75, label: '2023 guideline' },
      { x: 2026, label: '2026 act' },
    ]);
    // Both scenarios' events, each label and quarter once.
    expect(axisEvents(j, j, 'ja')).toEqual([
      { x: 2023.75, label: '2023年 労務費指針' },
      { x: 2026, label: '2026年 改正下請法 (取適法)' },
    ]);
    const c = chartContent('wage', run('layered'), j, 'both', 'en');
    expect(c.kind === 'line' && c.events).toEqual(axisEvents(j, null, 'en'));
    expect(chartContent('wage', run('layered'), run('large-firm-led'), 'both', 'en')).toMatchObject(
      {
        events: [],
      },
    );
  });

  it('B − A: events go where their quarter is drawn, on A’s calendar', () => {
    const j = run('japan-2024');
    const l = run('layered');
    expect(axisEvents(l, j, 'en', 'diff')).toEqual([
      { x: 2027.75, label: '2023 guideline' },
      { x: 2030, label: '2026 act' },
    ]);
    expect(axisEvents(l, j, 'en', 'both').map((e) => e.x)).toEqual([2023.75, 2026]);
  });

  it('unknown labels are shown as given; unlabelled events are not marked', () => {
    const r = run('layered', (sc) => {
      sc.policyEvents = [
        { start: 1.3, lever: 'subsidy', value: 0.2, label: 'My reform' },
        { start: 2, lever: 'subsidy', value: 0.3 },
      ];
    });
    expect(axisEvents(r, null, 'ja')).toEqual([{ x: 2027.25, label: 'My reform' }]);
  });

  it('labels that would overlap go to the next row; near the right end they end left of their line', () => {
    const events = [
      { x: 0, label: 'aaaaaaaaaa' },
      { x: 1, label: 'bbbbbbbbbb' },
      { x: 8, label: 'cc' },
      { x: 10, label: 'dddddddddd' },
    ];
    const placed = placeLabels(
      events,
      (x) => x * 10,
      0,
      100,
      (s) => s.length * 6,
      3,
    );
    expect(placed.map((p) => p.row)).toEqual([0, 1, 0, 2]);
    expect(placed[0].textX).toBe(3);
    expect(placed[3].textX).toBe(100 - 3 - 60);
    // Outside the axis: not drawn.
    expect(
      placeLabels(
        [{ x: 20, label: 'x' }],
        (x) => x * 10,
        0,
        100,
        () => 6,
        3,
      ),
    ).toEqual([]);
  });
});
