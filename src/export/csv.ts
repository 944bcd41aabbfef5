/**
 * CSV for a chart's data (one column per series, units in the header, the
 * period column first) and for a scenario table (scenarios × key indicators).
 * RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break. Text that a spreadsheet would run as a formula
 * (starting with = + - @) is prefixed with an apostrophe. Numbers are written
 * exactly (shortest round-trip form); missing values are empty fields.
 * Headers are passed in already translated.
 */
import { KEY_INDICATORS, type Indicator } from '../engine/indicators.ts';
import type { Summary } from '../engine/index.ts';

export { KEY_INDICATORS, type Indicator };

export type Cell = string | number | boolean | null | undefined;

/** UTF-8 byte-order mark: lets Excel read Japanese text in a CSV correctly. */
export const BOM = '\uFEFF';

function isNumericText(s: string): boolean {
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s);
}

export function csvField(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  let s = String(cell);
  if (/^[=+\-@\t\r]/.test(s) && !isNumericText(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV document; `bom` (default true) for spreadsheets. */
export function toCsv(rows: readonly (readonly Cell[])[], opts: { bom?: boolean } = {}): string {
  const body = rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
  return (opts.bom ?? true) ? BOM + body : body;
}

/** "name (unit)", or the name alone when there is no unit. */
export function headerWithUnit(name: string, unit: string): string {
  return unit ? `${name} (${unit})` : name;
}

export interface CsvSeries {
  /** E.g. "A: Tier 0 (final goods)". */
  name: string;
  unit: string;
  values: ArrayLike<number | null>;
}

export interface ChartCsv {
  /** Header of the first column, e.g. "Period" or "Bearer". */
  indexHeader: string;
  /** One label per row, e.g. "2026Q1". */
  index: readonly (string | number)[];
  series: readonly CsvSeries[];
}

/** A chart's data: the index column first, then one column per series (shorter series leave blanks). */
export function chartCsv(data: ChartCsv, opts: { bom?: boolean } = {}): string {
  const header = [data.indexHeader, ...data.series.map((s) => headerWithUnit(s.name, s.unit))];
  const rows: Cell[][] = [header];
  for (let i = 0; i < data.index.length; i++) {
    rows.push([
      data.index[i],
      ...data.series.map((s) => (i < s.values.length ? s.values[i] : null)),
    ]);
  }
  return toCsv(rows, opts);
}

/** Points as the app's line datasets hold them: x in years (2026.25 = 2026Q2). */
export interface XYSeries {
  label: string;
  data: readonly { x: number; y: number }[];
}

/** "2026Q2" for 2026.25. */
export function periodOf(x: number): string {
  const year = Math.floor(x + 1e-9);
  return `${year}Q${Math.round((x - year) * 4) + 1}`;
}

/**
 * The CSV of a line chart from its datasets: rows are the union of the
 * periods of all lines, in time order; a line without a value there is blank.
 */
export function lineChartCsv(
  sets: readonly XYSeries[],
  unit: string,
  periodHeader: string,
  opts: { bom?: boolean } = {},
): string {
  const xs = [...new Set(sets.flatMap((s) => s.data.map((p) => p.x)))].sort((a, b) => a - b);
  const row = new Map(xs.map((x, i) => [x, i]));
  const series: CsvSeries[] = sets.map((s) => {
    const values = new Array<number | null>(xs.length).fill(null);
    for (const p of s.data) values[row.get(p.x)!] = p.y;
    return { name: s.label, unit, values };
  });
  return chartCsv({ indexHeader: periodHeader, index: xs.map(periodOf), series }, opts);
}

export interface TableRow {
  name: string;
  preset: string;
  summary: Summary;
}

/**
 * The scenario table: one row per scenario, one column per indicator with
 * its unit in the header. `label(id)` and `unitLabel(unit)` give the
 * translated header texts; `headers` the first two column names.
 */
export function scenarioTableCsv(
  rows: readonly TableRow[],
  text: {
    scenario: string;
    preset: string;
    label: (indicatorId: string) => string;
    unit?: (unit: string) => string;
  },
  indicators: readonly Indicator[] = KEY_INDICATORS,
  opts: { bom?: boolean } = {},
): string {
  const unit = text.unit ?? ((u: string) => u);
  const header: Cell[] = [
    text.scenario,
    text.preset,
    ...indicators.map((i) => headerWithUnit(text.label(i.id), unit(i.unit))),
  ];
  return toCsv(
    [header, ...rows.map((r) => [r.name, r.preset, ...indicators.map((i) => i.value(r.summary))])],
    opts,
  );
}

/** Reads CSV text back into rows (RFC 4180, with or without BOM): for tests and imports. */
export function parseCsv(text: string): string[][] {
  const s = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      // handled at \n
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
