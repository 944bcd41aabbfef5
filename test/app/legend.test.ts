/**
 * The legend of the charts over time, written once (src/app/charts/legend.ts):
 * the grid's key and each chart's own legend show the same entries.
 */
import { describe, expect, it } from 'vitest';
import { lineLegend, type LegendEntry } from '../../src/app/charts/legend.ts';
import type { ChartStarts } from '../../src/app/charts/starts.ts';
import type { SimResult } from '../../src/engine/index.ts';
import { TIER_COLOURS } from '../../src/app/theme.ts';

const run = {} as SimResult;
const titles = { A: 'Large-firm-led model', B: 'Layered value chain' };
const STARTS: Record<string, ChartStarts | null> = {
  none: null,
  A: { A: run, B: null, titles },
  AB: { A: run, B: run, titles },
};
const TIERS = ['Tier 0 (final goods)', 'Tier 1', 'Tier 2', 'Tier 3 (deepest)'];

/** Entries as drawn: text, colour, line or box, dashed or not, thin or not. */
const drawn = (e: LegendEntry) =>
  `${e.text} | ${e.colour} | ${e.shape}${e.thin ? ' thin' : ''}${e.start ? ` start ${e.start}` : ''}`;

describe('the line charts’ legend', () => {
  it('gives a chart and the key the same tiers, lines, bands and starts', () => {
    for (const mode of ['both', 'diff'] as const)
      for (const bands of [null, true, false])
        for (const starts of Object.values(STARTS)) {
          const input = { tiers: 4, mode, bands, starts };
          const chart = lineLegend('en', input);
          const key = lineLegend('en', { ...input, key: true });
          const where = JSON.stringify({ mode, bands, starts: !!starts });
          // The tiers, each in its colour: lines on a chart, boxes in the key (they fill bars too).
          const tiers = (l: LegendEntry[]) => l.filter((e) => TIERS.includes(e.text));
          expect(
            tiers(chart).map((e) => [e.text, e.colour]),
            where,
          ).toEqual(TIERS.map((t, k) => [t, TIER_COLOURS[k]]));
          expect(
            tiers(key).map((e) => [e.text, e.colour]),
            where,
          ).toEqual(tiers(chart).map((e) => [e.text, e.colour]));
          expect(new Set(tiers(chart).map((e) => e.shape)), where).toEqual(new Set(['line']));
          expect(new Set(tiers(key).map((e) => e.shape)), where).toEqual(new Set(['filled']));
          // Everything else is drawn alike, but for what the key leaves to its note.
          const rest = (l: LegendEntry[]) => l.filter((e) => !TIERS.includes(e.text)).map(drawn);
          const onlyChart = rest(chart).filter((e) => !rest(key).includes(e));
          const onlyKey = rest(key).filter((e) => !rest(chart).includes(e));
          if (mode === 'diff' && bands === true) {
            expect(onlyChart[0], where).toBe('Median of B − A, run by run | #333333 | line');
            // Until now the key's band was a lighter grey, and its start did not say "one run".
            expect(onlyChart.slice(1), where).toEqual(
              [
                'p10–p90 of B − A, run by run | rgba(51, 51, 51, 0.26) | filled',
                starts
                  ? 'B − A at start (one run each) | rgba(51, 51, 51, 0.57) | line thin start diff'
                  : '',
              ].filter(Boolean),
            );
            expect(onlyKey, where).toEqual(
              [
                starts ? 'B − A at start | rgba(51, 51, 51, 0.57) | line thin start diff' : '',
                'p10–p90 of B − A, run by run | #dddddd | filled',
              ].filter(Boolean),
            );
          } else {
            expect(onlyChart, where).toEqual([]);
            expect(onlyKey, where).toEqual([]);
          }
        }
  });

  it('A solid, B dashed, both dark; the key names them, a chart says A and B (names stand above it)', () => {
    const names = ['A: Large-firm-led model', 'B: Layered value chain, modified'];
    const chart = lineLegend('en', {
      tiers: 2,
      mode: 'both',
      bands: null,
      starts: null,
      names: null,
    });
    const key = lineLegend('en', { tiers: 2, mode: 'both', bands: null, starts: null, names });
    expect(chart.slice(0, 2).map(drawn)).toEqual(['A | #333333 | line', 'B | #333333 | dashed']);
    expect(key.slice(0, 2).map((e) => e.text)).toEqual(names);
    // Medians of many runs are named as such, in the key too.
    const medians = lineLegend('ja', { tiers: 2, mode: 'both', bands: true, starts: null, names });
    expect(medians.slice(0, 2).map((e) => e.text)).toEqual(['A 中央値', 'B 中央値']);
  });

  it('lists the starts after the tiers on a chart, after the lines they start in the key', () => {
    const input = { tiers: 2, mode: 'both' as const, bands: true, starts: STARTS.AB };
    const texts = (key: boolean) => lineLegend('en', { ...input, key }).map((e) => e.text);
    expect(texts(false)).toEqual([
      'A median',
      'B median',
      'A p10–p90',
      'B p10–p90',
      'Tier 0 (final goods)',
      'Tier 1 (deepest)',
      'A: Large-firm-led model (start, one run)',
      'B: Layered value chain (start, one run)',
    ]);
    expect(texts(true)).toEqual([
      'A median',
      'B median',
      'A: Large-firm-led model (start, one run)',
      'B: Layered value chain (start, one run)',
      'A p10–p90',
      'B p10–p90',
      'Tier 0 (final goods)',
      'Tier 1 (deepest)',
    ]);
  });
});
