/**
 * What the tornado and the heat map show, from the finished runs: values in
 * display units, texts in the reader's language (labels with the levers'
 * low and high values, a summary for screen readers). Pure, tested in Node.
 */
import {
  computeTornado,
  sweepGrid,
  type Plan,
  type RunOutput,
  type TornadoResult,
} from '../../engine/batch.ts';
import { translate, type Lang } from '../../i18n/index.ts';
import { colourScale, textOn, type ColourScale } from './colour.ts';
import {
  displayNumber,
  displayValue,
  indicatorDisplay,
  indicatorLabel,
  indicatorTitle,
  indicatorValue,
  paramLabel,
  paramRange,
  paramShort,
  paramTitle,
  paramValue,
  toDisplay,
} from './format.ts';
import type { ScenarioId } from './settings.ts';

export interface TornadoView {
  indicator: string;
  scenario: ScenarioId;
  result: TornadoResult;
  title: string;
  note: string;
  /** The value axis: the indicator and its display unit. */
  axisTitle: string;
  /** The base value, in display units, and as text. */
  base: number;
  baseText: string;
  /** One per lever, largest swing first. */
  paths: string[];
  /** "Cost-down demand 0 → 5%/year" (tooltips), and on the axis in two lines: name, then range. */
  labels: string[];
  axisLabels: [string, string][];
  /** Floating bars [base, value] in display units (NaN where undefined). */
  low: [number, number][];
  high: [number, number][];
  /** The lever's low and high values as text ("0%/year"), and short at the bars' ends ("0%"). */
  lowText: string[];
  highText: string[];
  lowShort: string[];
  highShort: string[];
  legendLow: string;
  legendHigh: string;
  /** Tooltip lines: "Low (0%/year): 1.53%/year". */
  lowTip: string[];
  highTip: string[];
  summary: string;
}

export function tornadoView(
  lang: Lang,
  plan: Plan,
  outputs: readonly (RunOutput | undefined)[],
  indicator: string,
  scenario: ScenarioId,
): TornadoView {
  const t = (key: Parameters<typeof translate>[1], p?: Record<string, string | number>) =>
    translate(lang, key, p);
  const result = computeTornado(plan, outputs, indicator);
  const base = toDisplay(lang, indicator, result.base);
  const name = indicatorLabel(lang, indicator);
  const bars = result.bars;
  const lowText = bars.map((b) => paramValue(lang, b.path, b.low));
  const highText = bars.map((b) => paramValue(lang, b.path, b.high));
  const value = (x: number) => indicatorValue(lang, indicator, x);
  const tip = (which: string, lever: string, x: number) =>
    t('sens.tornado.atValue', { which, value: lever, result: value(x) });
  return {
    indicator,
    scenario,
    result,
    title: t('sens.tornado.title', { indicator: name }),
    note: t('sens.tornado.note', { id: scenario }),
    axisTitle: indicatorTitle(lang, indicator),
    base,
    baseText: t('sens.tornado.base', { id: scenario, value: value(result.base) }),
    paths: bars.map((b) => b.path),
    labels: bars.map((b) =>
      t('sens.tornado.lever', {
        label: paramLabel(lang, b.path),
        range: paramRange(lang, b.path, b.low, b.high),
      }),
    ),
    axisLabels: bars.map((b) => [
      paramLabel(lang, b.path),
      paramRange(lang, b.path, b.low, b.high),
    ]),
    lowShort: bars.map((b) => paramShort(b.path, b.low)),
    highShort: bars.map((b) => paramShort(b.path, b.high)),
    low: bars.map((b) => [base, toDisplay(lang, indicator, b.atLow)]),
    high: bars.map((b) => [base, toDisplay(lang, indicator, b.atHigh)]),
    lowText,
    highText,
    legendLow: t('sens.tornado.low'),
    legendHigh: t('sens.tornado.high'),
    lowTip: bars.map((b, i) => tip(t('sens.tornado.lowWord'), lowText[i], b.atLow)),
    highTip: bars.map((b, i) => tip(t('sens.tornado.highWord'), highText[i], b.atHigh)),
    summary: t('sens.tornado.summary', {
      indicator: name,
      base: value(result.base),
      id: scenario,
      parts: bars
        .map((b, i) =>
          t('sens.tornado.part', {
            label: paramLabel(lang, b.path),
            low: lowText[i],
            high: highText[i],
            atLow: value(b.atLow),
            atHigh: value(b.atHigh),
          }),
        )
        .join(lang === 'ja' ? '、' : '; '),
    }),
  };
}

export interface HeatCell {
  /** Column (first axis) and row (second axis) index. */
  x: number;
  y: number;
  /** The median in display units (NaN if undefined). */
  v: number;
  colour: string;
  text: string;
  textColour: string;
}

export interface HeatView {
  indicator: string;
  scenario: ScenarioId;
  /** Medians in engine units: rows = first axis, columns = second axis (sweepGrid). */
  grid: number[][];
  title: string;
  note: string;
  /** The first axis runs across, the second up. */
  xPath: string;
  yPath: string;
  xTitle: string;
  yTitle: string;
  xLabels: string[];
  yLabels: string[];
  cells: HeatCell[];
  scale: ColourScale;
  /** The indicator and unit, over the colour legend. */
  legendTitle: string;
  minText: string;
  maxText: string;
  legendText: string;
  /** Digits of the cell texts (display units). */
  digits: number;
  /** Tooltip of each cell: both parameters' values and the median. */
  cellTips: string[];
  summary: string;
}

export function heatView(
  lang: Lang,
  plan: Plan,
  outputs: readonly (RunOutput | undefined)[],
  indicator: string,
  scenario: ScenarioId,
): HeatView {
  const t = (key: Parameters<typeof translate>[1], p?: Record<string, string | number>) =>
    translate(lang, key, p);
  const [ax, ay] = plan.axes ?? [];
  const grid = sweepGrid(plan, outputs, indicator);
  const disp = indicatorDisplay(lang, indicator);
  const values = grid.flat().map((x) => toDisplay(lang, indicator, x));
  const scale = colourScale(values);
  const cells: HeatCell[] = [];
  grid.forEach((row, i) =>
    row.forEach((x, j) => {
      const v = toDisplay(lang, indicator, x);
      const colour = scale.colour(v);
      cells.push({
        x: i,
        y: j,
        v,
        colour,
        text: displayNumber(lang, v, disp.digits),
        textColour: textOn(colour),
      });
    }),
  );
  const name = indicatorLabel(lang, indicator);
  const minText = displayValue(lang, indicator, scale.min);
  const maxText = displayValue(lang, indicator, scale.max);
  const xTitle = paramTitle(lang, ax.path);
  const yTitle = ay ? paramTitle(lang, ay.path) : '';
  const xLabels = ax.values.map((x) => paramShort(ax.path, x));
  const yLabels = ay ? ay.values.map((y) => paramShort(ay.path, y)) : [''];
  const xFull = ax.values.map((x) => paramValue(lang, ax.path, x));
  const yFull = ay ? ay.values.map((y) => paramValue(lang, ay.path, y)) : [''];
  return {
    indicator,
    scenario,
    grid,
    title: t('sens.heatmap.title', { indicator: name }),
    note: t('sens.heatmap.note', { id: scenario }),
    xPath: ax.path,
    yPath: ay?.path ?? '',
    xTitle,
    yTitle,
    xLabels,
    yLabels,
    cells,
    scale,
    legendTitle: indicatorTitle(lang, indicator),
    minText,
    maxText,
    legendText: t('sens.heatmap.legend', { min: minText, max: maxText }),
    digits: disp.digits,
    cellTips: cells.map((c) =>
      t('sens.heatmap.cell', {
        x: t('sens.heatmap.setting', { label: paramLabel(lang, ax.path), value: xFull[c.x] }),
        y: t('sens.heatmap.setting', {
          label: ay ? paramLabel(lang, ay.path) : '',
          value: yFull[c.y],
        }),
        value: displayValue(lang, indicator, c.v),
      }),
    ),
    summary: t('sens.heatmap.summary', {
      indicator: name,
      cols: xTitle,
      colsFrom: xFull[0],
      colsTo: xFull[xFull.length - 1],
      rows: yTitle,
      rowsFrom: yFull[0],
      rowsTo: yFull[yFull.length - 1],
      min: minText,
      max: maxText,
    }),
  };
}
