import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Summary } from '../../src/engine/index.ts';
import {
  BOM,
  KEY_INDICATORS,
  chartCsv,
  csvField,
  lineChartCsv,
  parseCsv,
  periodOf,
  scenarioTableCsv,
  toCsv,
} from '../../src/export/csv.ts';

describe('csv fields', () => {
  it('quotes commas, quotes, line breaks and edge spaces; defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-1.5')).toBe('-1.5');
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField(NaN)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
  });

  it('any table of text parses back to itself (property)', () => {
    const safe = fc.string().filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(
        fc.array(fc.array(safe, { minLength: 1, maxLength: 4 }), { minLength: 1 }),
        (rows) => {
          // A lone empty field on a line is indistinguishable from an empty line: pad it.
          const table = rows.map((r) => (r.length === 1 && r[0] === '' ? ['', ''] : r));
          expect(parseCsv(toCsv(table))).toEqual(table);
        },
      ),
    );
  });

  it('starts with a BOM for spreadsheets unless asked not to, and ends lines with CRLF', () => {
    expect(toCsv([['a']])).toBe(`${BOM}a\r\n`);
    expect(toCsv([['a'], ['b']], { bom: false })).toBe('a\r\nb\r\n');
  });
});

describe('chart CSV', () => {
  it('period first, one column per series with its unit, blanks where a series is shorter', () => {
    const text = chartCsv({
      indexHeader: 'Period',
      index: ['2026Q1', '2026Q2', '2026Q3'],
      series: [
        { name: 'A: Tier 0 (final goods)', unit: '¥m per worker/year', values: [5.8, 5.81, 5.82] },
        {
          name: 'B: Tier 3, deepest',
          unit: '¥m per worker/year',
          values: new Float64Array([4.5, NaN]),
        },
      ],
    });
    expect(parseCsv(text)).toEqual([
      [
        'Period',
        'A: Tier 0 (final goods) (¥m per worker/year)',
        'B: Tier 3, deepest (¥m per worker/year)',
      ],
      ['2026Q1', '5.8', '4.5'],
      ['2026Q2', '5.81', ''],
      ['2026Q3', '5.82', ''],
    ]);
  });

  it('line datasets: union of periods in time order', () => {
    const text = lineChartCsv(
      [
        {
          label: 'A: Tier 0',
          data: [
            { x: 2026, y: 1 },
            { x: 2026.25, y: 2 },
          ],
        },
        {
          label: 'B: Tier 0',
          data: [
            { x: 2026.25, y: 3 },
            { x: 2026.5, y: 4 },
          ],
        },
      ],
      '%',
      'Quarter',
      { bom: false },
    );
    expect(parseCsv(text)).toEqual([
      ['Quarter', 'A: Tier 0 (%)', 'B: Tier 0 (%)'],
      ['2026Q1', '1', ''],
      ['2026Q2', '2', '3'],
      ['2026Q3', '', '4'],
    ]);
    expect(periodOf(2031.75)).toBe('2031Q4');
  });
});

describe('scenario table CSV', () => {
  const summary = (x: number): Summary =>
    ({
      deepestWageGrowth: 0.01 * x,
      wageGap: 1.2 + x,
      smeInvestmentRate: 0.1,
      firmsSurvivingAll: 0.9,
      totalValueAdded: 123456.5,
      valueAddedGrowth: 0.004,
      consumerShareOfCostUps: null,
    }) as unknown as Summary;

  it('one row per scenario, indicators with units in the header, translated by the caller', () => {
    const text = scenarioTableCsv(
      [
        { name: 'Pyramid, strict', preset: 'large-firm-led', summary: summary(1) },
        { name: '複層化', preset: 'layered', summary: summary(2) },
      ],
      {
        scenario: 'シナリオ',
        preset: 'プリセット',
        label: (id) => `L:${id}`,
        unit: (u) => `U:${u}`,
      },
    );
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([
      'シナリオ',
      'プリセット',
      ...KEY_INDICATORS.map((i) => `L:${i.id} (U:${i.unit})`),
    ]);
    expect(rows[1].slice(0, 4)).toEqual(['Pyramid, strict', 'large-firm-led', '0.01', '2.2']);
    expect(rows[2][0]).toBe('複層化');
    expect(rows[2].at(-1)).toBe('');
    expect(rows).toHaveLength(3);
  });
});
