/**
 * The sensitivity view's data as CSV: the tornado (one row per lever, its low
 * and high values and the indicator's median at each) and the heat map (one
 * row per cell, both parameters' values and the indicator's median). Values
 * are the engine's, exact, in the engine's units (named in the headers).
 * Pure, tested in Node.
 */
import { INDICATOR_BY_ID, type Plan, type TornadoResult } from '../../engine/batch.ts';
import { PARAM_BY_PATH } from '../../engine/index.ts';
import { headerWithUnit, toCsv, type Cell } from '../../export/csv.ts';
import { translate, type Lang } from '../../i18n/index.ts';
import { engineUnit, indicatorLabel, paramLabel } from './format.ts';

const paramUnit = (lang: Lang, path: string) =>
  engineUnit(lang, PARAM_BY_PATH.get(path)?.unit ?? '');

/** The rows (header first) of a tornado's CSV. */
export function tornadoRows(lang: Lang, result: TornadoResult): Cell[][] {
  const t = (key: Parameters<typeof translate>[1], p?: Record<string, string>) =>
    translate(lang, key, p);
  const name = indicatorLabel(lang, result.indicator);
  const unit = engineUnit(lang, INDICATOR_BY_ID.get(result.indicator)?.unit ?? '');
  const header: Cell[] = [
    t('sens.csv.lever'),
    t('sens.csv.path'),
    t('sens.csv.low'),
    t('sens.csv.high'),
    t('sens.csv.leverUnit'),
    headerWithUnit(t('sens.csv.atLow', { indicator: name }), unit),
    headerWithUnit(t('sens.csv.atHigh', { indicator: name }), unit),
    headerWithUnit(t('sens.csv.swing'), unit),
    headerWithUnit(t('sens.csv.base', { indicator: name }), unit),
  ];
  return [
    header,
    ...result.bars.map((b) => [
      paramLabel(lang, b.path),
      b.path,
      b.low,
      b.high,
      paramUnit(lang, b.path),
      b.atLow,
      b.atHigh,
      b.swing,
      result.base,
    ]),
  ];
}

export function tornadoCsv(lang: Lang, result: TornadoResult): string {
  return toCsv(tornadoRows(lang, result));
}

/** The rows (header first) of a heat map's CSV: one per cell, the first axis slowest. */
export function heatmapRows(
  lang: Lang,
  plan: Plan,
  grid: readonly (readonly number[])[],
  indicatorId: string,
): Cell[][] {
  const axes = plan.axes ?? [];
  const unit = engineUnit(lang, INDICATOR_BY_ID.get(indicatorId)?.unit ?? '');
  const header: Cell[] = [
    ...axes.map((a) => headerWithUnit(paramLabel(lang, a.path), paramUnit(lang, a.path))),
    headerWithUnit(indicatorLabel(lang, indicatorId), unit),
    translate(lang, 'sens.csv.runs'),
  ];
  const rows: Cell[][] = [header];
  const [rowsAxis, colsAxis] = axes;
  rowsAxis?.values.forEach((x, i) => {
    if (colsAxis) {
      colsAxis.values.forEach((y, j) => rows.push([x, y, grid[i]?.[j], plan.seeds.length]));
    } else rows.push([x, grid[i]?.[0], plan.seeds.length]);
  });
  return rows;
}

export function heatmapCsv(
  lang: Lang,
  plan: Plan,
  grid: readonly (readonly number[])[],
  indicatorId: string,
): string {
  return toCsv(heatmapRows(lang, plan, grid, indicatorId));
}
