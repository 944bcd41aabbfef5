import { describe, expect, it } from 'vitest';
import { bandSet, type BandSet } from '../../src/app/runs/bands.svelte.ts';
import {
  EARLIER_COLOUR,
  tooltipLabel,
  tooltipOmits,
  type BandPoint,
} from '../../src/app/charts/bandData.ts';
import { chartContent, contentCsv, type BarContent } from '../../src/app/charts/content.ts';
import type { LineContent } from '../../src/app/charts/content.ts';
import { jobs, planRuns, runJob } from '../../src/engine/batch.ts';
import { presetScenario, simulate, type Scenario } from '../../src/engine/index.ts';
import { parseCsv } from '../../src/export/csv.ts';

const RUNS = 4;

function scenario(name: string): Scenario {
  const s = presetScenario(name);
  s.years = 3;
  s.network.firmsPerTier = [2, 8, 24, 60];
  return s;
}

const a = scenario('large-firm-led');
const b = scenario('layered');
const outputs = [
  ...jobs(planRuns(a, RUNS)).map(runJob),
  ...jobs(planRuns(b, RUNS)).map((j) => runJob({ ...j, index: j.index + RUNS })),
];
const set: BandSet = bandSet(a, b, RUNS, outputs);
const ra = simulate(a);
const rb = simulate(b);

const line = (mode: 'both' | 'diff', current = true, lang: 'en' | 'ja' = 'en') =>
  chartContent('wage', ra, rb, mode, lang, { set, current }) as LineContent;

describe('charts with bands of many runs', () => {
  it('A and B: per tier a p10 line, a p90 line filled down to it, and the median instead of the single run', () => {
    const c = line('both');
    expect(c.bands).toBe('current');
    const tiers = a.network.firmsPerTier.length;
    expect(c.datasets).toHaveLength(2 * tiers * 3);
    const bands = c.datasets.filter((d) => d.role === 'p10' || d.role === 'p90');
    const medians = c.datasets.filter((d) => d.role === 'median');
    expect(medians).toHaveLength(2 * tiers);
    expect(c.datasets.filter((d) => !d.role)).toHaveLength(0);
    // Bands come first (drawn under the lines); each p90 follows its p10 and fills to it.
    expect(c.datasets.slice(0, bands.length).every((d) => d.role !== 'median')).toBe(true);
    c.datasets.forEach((d, i) => {
      if (d.role === 'p90') {
        expect(d.fill).toBe('-1');
        expect(c.datasets[i - 1].role).toBe('p10');
        expect(c.datasets[i - 1].tier).toBe(d.tier);
        expect(c.datasets[i - 1].scenario).toBe(d.scenario);
      }
    });
    // The values are the bands' statistics in the chart's scale (wage: ¥10k → ¥m, × 0.01).
    const mB2 = medians.find((d) => d.scenario === 'B' && d.tier === 2)!;
    expect(mB2.data[5].y).toBeCloseTo(set.B.series.wage.p50[2][5] * 0.01, 12);
    expect(mB2.label).toBe('B: Tier 2, median');
    expect(mB2.borderDash.length).toBeGreaterThan(0);
    const hiA0 = bands.find((d) => d.scenario === 'A' && d.tier === 0 && d.role === 'p90')!;
    expect(hiA0.data[3].y).toBeCloseTo(set.A.series.wage.p90[0][3] * 0.01, 12);
    expect((hiA0.data[3] as BandPoint).lo).toBeCloseTo(set.A.series.wage.p10[0][3] * 0.01, 12);
    expect(hiA0.label).toBe('A: Tier 0 (final goods), p10–p90');
    // Light A blue, B orange.
    expect(hiA0.backgroundColor).toBe('rgba(0, 114, 178, 0.16)');
    expect(bands.find((d) => d.scenario === 'B')!.backgroundColor).toBe('rgba(213, 94, 0, 0.16)');
    expect(c.legend.map((l) => l.text).slice(0, 4)).toEqual([
      'A median',
      'B median',
      'A p10–p90',
      'B p10–p90',
    ]);
    expect(c.summary).toMatch(/medians of 4 runs per scenario/);
  });

  it('B − A: the median and p10–p90 of the run-by-run difference', () => {
    const c = line('diff');
    const med = c.datasets.find((d) => d.role === 'median' && d.tier === 1)!;
    const perRun = [0, 1, 2, 3].map((r) => outputs[RUNS + r]!.packed![0] - outputs[r]!.packed![0]);
    expect(med.scenario).toBe('diff');
    expect(c.datasets.every((d) => d.scenario === 'diff')).toBe(true);
    expect(med.data[7].y).toBeCloseTo(set.diff!.series.wage.p50[1][7] * 0.01, 12);
    expect(perRun).toHaveLength(4);
    expect(c.legend.map((l) => l.text)).toContain('p10–p90 of B − A, run by run');
  });

  it('bands of earlier inputs: grey, said in the labels, no medians; the single runs stay', () => {
    const c = line('both', false);
    expect(c.bands).toBe('earlier');
    expect(c.datasets.filter((d) => d.role === 'median')).toHaveLength(0);
    const single = c.datasets.filter((d) => !d.role);
    expect(single).toHaveLength(8);
    expect(single[0].data[2].y).toBeCloseTo(ra.series.wage[0][2] * 0.01, 12);
    const bands = c.datasets.filter((d) => d.role);
    expect(bands.every((d) => d.backgroundColor === EARLIER_COLOUR)).toBe(true);
    expect(bands.every((d) => d.label.endsWith('(earlier inputs)'))).toBe(true);
    expect(c.legend.map((l) => l.text)).toContain('p10–p90 of earlier inputs');
    expect(line('both', false, 'ja').legend.map((l) => l.text)).toContain('変更前の入力の p10–p90');
  });

  it('the CSV has the p10, median and p90 of every line, with units', () => {
    const rows = parseCsv(contentCsv(line('both'), 'en'));
    const header = rows[0];
    expect(header).toContain('A: Tier 0 (final goods), p10 (¥m per worker/year)');
    expect(header).toContain('A: Tier 0 (final goods), p90 (¥m per worker/year)');
    expect(header).toContain('A: Tier 0 (final goods), median (p50) (¥m per worker/year)');
    expect(header).toContain('B: Tier 3 (deepest), p90 (¥m per worker/year)');
    const col = header.indexOf('B: Tier 3 (deepest), p90 (¥m per worker/year)');
    expect(Number(rows[2][col])).toBeCloseTo(set.B.series.wage.p90[3][1] * 0.01, 12);
    const ja = parseCsv(contentCsv(line('both', true, 'ja'), 'ja'))[0];
    expect(ja.some((h) => h.includes('中央値（p50）'))).toBe(true);
    const earlier = parseCsv(contentCsv(line('both', false), 'en'))[0];
    expect(earlier).toContain('A: Tier 0 (final goods) (earlier inputs), p10 (¥m per worker/year)');
  });

  it('who bears cost-ups: median bars with p10–p90 whiskers, in the CSV too', () => {
    const c = chartContent('burden', ra, rb, 'both', 'en', { set, current: true }) as BarContent;
    expect(c.bands).toBe('current');
    const A = c.datasets.find((d) => d.scenario === 'A')!;
    expect(A.label).toBe('A median');
    expect(A.data).toEqual(set.burden.A.map((s) => s.p50));
    expect(A.whiskers).toEqual(set.burden.A.map((s) => [s.p10, s.p90]));
    const rows = parseCsv(contentCsv(c, 'en'));
    expect(rows[0].slice(1, 4)).toEqual([
      expect.stringMatching(/^A, median \(p50\) \(¥bn, total/),
      expect.stringMatching(/^A, p10 \(¥bn/),
      expect.stringMatching(/^A, p90 \(¥bn/),
    ]);
    const diff = chartContent('burden', ra, rb, 'diff', 'en', { set, current: true }) as BarContent;
    expect(diff.datasets[0].data).toEqual(set.burden.diff!.map((s) => s.p50));
    // Earlier inputs: single bars, no whiskers, and the legend says why.
    const old = chartContent('burden', ra, rb, 'both', 'en', { set, current: false }) as BarContent;
    expect(old.datasets.some((d) => d.whiskers)).toBe(false);
    expect(old.bands).toBe('earlier');
  });

  it('without bands nothing changes', () => {
    const c = chartContent('wage', ra, rb, 'both', 'en') as LineContent;
    expect(c.bands).toBeNull();
    expect(c.datasets.every((d) => !d.role)).toBe(true);
    expect(c.legend[0].text).toBe('A');
  });
});

describe('the line chart tooltip with bands', () => {
  /** The entries the tooltip shows at point `i`: every dataset is an item there. */
  const entries = (c: LineContent, i: number) =>
    c.datasets
      .filter((d) => !tooltipOmits(d, c.datasets))
      .map((d) => tooltipLabel(d, i, d.data[i].y, c.datasets));

  it('current bands: one entry per median line, carrying its p10–p90 range', () => {
    const c = line('both');
    const tiers = a.network.firmsPerTier.length;
    const shown = entries(c, 7);
    expect(shown).toHaveLength(2 * tiers);
    const m = c.datasets.find((d) => d.role === 'median' && d.scenario === 'A' && d.tier === 3)!;
    const hi = c.datasets.find((d) => d.role === 'p90' && d.scenario === 'A' && d.tier === 3)!;
    const p = hi.data[7] as BandPoint;
    expect(shown).toContain(
      `A: Tier 3 (deepest), median: ${m.data[7].y.toFixed(2)} (p10–p90 ${p.lo.toFixed(2)} – ${p.y.toFixed(2)})`,
    );
    expect(
      shown.every((t) => /, median: -?\d+\.\d\d \(p10–p90 -?\d+\.\d\d – -?\d+\.\d\d\)$/.test(t)),
    ).toBe(true);
  });

  it('B − A: the median of the difference with its band', () => {
    const c = line('diff');
    const shown = entries(c, 3);
    expect(shown).toHaveLength(a.network.firmsPerTier.length);
    expect(shown[0]).toMatch(/^Tier 0 \(final goods\), B − A, median: .+ \(p10–p90 .+ – .+\)$/);
  });

  it('a band whose median is not in the tooltip keeps its own entry; the p10 edge never shows', () => {
    const c = line('both');
    const medianA0 = c.datasets.find(
      (d) => d.role === 'median' && d.scenario === 'A' && d.tier === 0,
    )!;
    const withoutIt = c.datasets.filter((d) => d !== medianA0);
    const hiA0 = c.datasets.find((d) => d.role === 'p90' && d.scenario === 'A' && d.tier === 0)!;
    expect(tooltipOmits(hiA0, c.datasets)).toBe(true);
    expect(tooltipOmits(hiA0, withoutIt)).toBe(false);
    for (const d of c.datasets.filter((x) => x.role === 'p10')) {
      expect(tooltipOmits(d, c.datasets)).toBe(true);
    }
  });

  it('bands of earlier inputs (no medians): each band once, "label: low – high", beside the single runs', () => {
    const c = line('both', false);
    const shown = entries(c, 5);
    const tiers = a.network.firmsPerTier.length;
    // Per scenario and tier: the single run and the grey band.
    expect(shown).toHaveLength(2 * 2 * tiers);
    const bands = shown.filter((t) => t.includes('p10–p90'));
    expect(bands).toHaveLength(2 * tiers);
    expect(bands[0]).toMatch(
      /^A: Tier 0 \(final goods\), p10–p90 \(earlier inputs\): -?\d+\.\d\d – -?\d+\.\d\d$/,
    );
    const single = c.datasets.find((d) => !d.role && d.scenario === 'A' && d.tier === 0)!;
    expect(shown).toContain(`A: Tier 0 (final goods): ${single.data[5].y.toFixed(2)}`);
  });

  it('in Japanese: the labels are Japanese, the range in the format used elsewhere', () => {
    const c = line('both', true, 'ja');
    const shown = entries(c, 2);
    expect(shown.every((t) => /中央値: .+ \(p10–p90 .+ – .+\)$/.test(t))).toBe(true);
    expect(shown.join(' ').replace(/p10–p90/g, '')).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('without bands: "label: value" for every line', () => {
    const c = chartContent('wage', ra, rb, 'both', 'en', null) as LineContent;
    const shown = entries(c, 4);
    expect(shown).toHaveLength(c.datasets.length);
    expect(shown[0]).toBe(`${c.datasets[0].label}: ${c.datasets[0].data[4].y.toFixed(2)}`);
  });
});
