import { describe, expect, it } from 'vitest';
import { burden, digest, tierLines } from '../../src/app/charts/data.ts';
import { layout } from '../../src/app/network/layout.ts';
import { presetScenario, simulate, type SimResult } from '../../src/engine/index.ts';

const runs = new Map<string, SimResult>();
function run(name: string, patch: (s: ReturnType<typeof presetScenario>) => void = () => {}) {
  const key = name + patch.toString();
  if (!runs.has(key)) {
    const sc = presetScenario(name);
    sc.years = 5;
    patch(sc);
    runs.set(key, simulate(sc));
  }
  return runs.get(key)!;
}

describe('chart data', () => {
  it('draws one line per tier and scenario, B dashed, in the given scale', () => {
    const a = run('large-firm-led');
    const b = run('layered');
    const sets = tierLines(a, b, { key: 'wage', scale: 0.01 }, 'both');
    expect(sets).toHaveLength(a.tiers + b.tiers);
    const bLines = sets.filter((s) => s.scenario === 'B');
    expect(bLines.every((s) => s.borderDash.length > 0)).toBe(true);
    expect(sets.filter((s) => s.scenario === 'A').every((s) => s.borderDash.length === 0)).toBe(
      true,
    );
    expect(sets[0].data).toHaveLength(a.quarters);
    expect(sets[0].data[0].x).toBe(a.scenario.simulation.startYear);
    expect(sets[0].data[3].y).toBeCloseTo(a.series.wage[0][3] * 0.01, 12);
  });

  it('computes B − A per tier and quarter over what both have', () => {
    const a = run('large-firm-led');
    const b = run('layered', (s) => {
      s.network.firmsPerTier = [3, 18, 90];
      s.years = 4;
    });
    const sets = tierLines(a, b, { key: 'investmentRate', scale: 100 }, 'diff');
    expect(sets).toHaveLength(3);
    expect(sets[1].data).toHaveLength(16);
    expect(sets[1].data[5].y).toBeCloseTo(
      (b.series.investmentRate[1][5] - a.series.investmentRate[1][5]) * 100,
      10,
    );
    expect(tierLines(a, null, { key: 'wage', scale: 1 }, 'diff')).toEqual([]);
  });

  it("keeps B's lines when only A changes, so that they are not redrawn from scratch", () => {
    const a1 = run('large-firm-led');
    const a2 = run('japan-2024');
    const b = run('layered');
    const view = { key: 'wage', scale: 0.01 } as const;
    const first = tierLines(a1, b, view, 'both').filter((s) => s.scenario === 'B');
    const second = tierLines(a2, b, view, 'both').filter((s) => s.scenario === 'B');
    expect(second).toHaveLength(first.length);
    second.forEach((s, i) => expect(s).toBe(first[i]));
  });

  it('adds up who bears cost-ups over the period, in ¥bn', () => {
    const a = run('japan-2024');
    const d = burden(a, null);
    expect(d.labels.at(-1)).toBe('Consumers');
    expect(d.labels).toHaveLength(a.tiers + 1);
    const tier1 = a.series.costUpAbsorbed[1].reduce((s, x) => s + (x === x ? x : 0), 0) / 1000;
    expect(d.a![1]).toBeCloseTo(tier1, 9);
    expect(d.b).toBeNull();
  });

  it('gives different digests to different data and equal ones to equal data', () => {
    expect(digest([1, 2, 3])).toBe(digest([1, 2, 3]));
    expect(digest([1, 2, 3])).not.toBe(digest([1, 2, 3.0000001]));
    expect(digest([NaN])).toBe(digest([NaN]));
  });
});

describe('network picture', () => {
  it('puts tiers in rows from the top and every firm inside the picture', () => {
    const r = run('layered');
    const { nodes, links } = layout(r.sample, 360, 190);
    expect(nodes).toHaveLength(r.sample.tier.length);
    for (const n of nodes) {
      expect(n.x).toBeGreaterThan(0);
      expect(n.x).toBeLessThan(360);
      expect(n.y).toBeCloseTo(14 + (n.tier * (190 - 28)) / (r.tiers - 1), 9);
    }
    expect(links).toHaveLength(r.sample.linkSupplier.length);
    // Suppliers sit below their buyers.
    for (const l of links) expect(l.y1).toBeGreaterThan(l.y2);
  });
});
