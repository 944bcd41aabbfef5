/**
 * The sensitivity page's settings in a link, under `sens.`, only where they
 * differ from the page's defaults:
 *
 *   &sens.from=B&sens.indicator=wageGap&sens.runs=10&sens.x=policy.costDown:0:0.05:6
 *
 * (`sens.x` is the heat map's across axis, `sens.y` its up axis, each
 * parameter:from:to:steps).
 */
import { PARAM_BY_PATH } from '../../engine/index.ts';
import { INDICATORS, MAX_SWEEP_STEPS } from '../../engine/batch.ts';
import type { IssueCode } from '../../i18n/issues.ts';
import type { ScenarioId } from '../ids.ts';
import {
  MAX_RUNS,
  MIN_RUNS,
  axisParam,
  axisProblem,
  defaultSettings,
  isIndicator,
  isRuns,
  sameAxis,
  type AxisSetting,
  type SensSettings,
} from '../sensitivity.ts';
import { formatNumber, parseNumber, pickOption } from './codecs.ts';
import { issue, type ShareIssue } from './issues.ts';

/** The link keys of the sensitivity page's settings. */
export const SENS_KEYS = {
  scenario: 'sens.from',
  indicator: 'sens.indicator',
  runs: 'sens.runs',
  axes: ['sens.x', 'sens.y'],
} as const;
/** The sensitivity settings' keys, one set. */
export const SENS_KEY_SET: ReadonlySet<string> = new Set<string>([
  SENS_KEYS.scenario,
  SENS_KEYS.indicator,
  SENS_KEYS.runs,
  ...SENS_KEYS.axes,
]);
const SCENARIO_IDS: readonly ScenarioId[] = ['A', 'B'];

function formatAxis(a: AxisSetting): string {
  return [a.path, formatNumber(a.from), formatNumber(a.to), formatNumber(a.steps)].join(':');
}

/**
 * The sensitivity settings that differ from the page's defaults. A value
 * the reader would not accept (a field being edited, say) is left out, so
 * that the page opens with its default there rather than with a notice.
 */
export function sensPairs(sens: SensSettings | undefined): [string, string][] {
  if (!sens) return [];
  const def = defaultSettings();
  const out: [string, string][] = [];
  if (SCENARIO_IDS.includes(sens.scenario) && sens.scenario !== def.scenario) {
    out.push([SENS_KEYS.scenario, sens.scenario]);
  }
  if (isIndicator(sens.indicator) && sens.indicator !== def.indicator) {
    out.push([SENS_KEYS.indicator, sens.indicator]);
  }
  if (isRuns(sens.runs) && sens.runs !== def.runs) out.push([SENS_KEYS.runs, String(sens.runs)]);
  sens.axes.forEach((a, k) => {
    if (a && axisProblem(a) === null && !sameAxis(a, def.axes[k])) {
      out.push([SENS_KEYS.axes[k], formatAxis(a)]);
    }
  });
  return out;
}

type AxisRead = { ok: true; axis: AxisSetting } | { ok: false; issue: ShareIssue };

/** Reads one heat-map axis, "parameter:from:to:steps". */
function readAxis(name: string, text: string): AxisRead {
  const bad = (code: IssueCode, extra: Record<string, string> = {}): AxisRead => ({
    ok: false,
    issue: issue(code, { name, value: text, ...extra }),
  });
  const parts = text.split(':');
  const malformed = () => bad('axisForm', { example: formatAxis(defaultSettings().axes[0]) });
  if (parts.length !== 4) return malformed();
  const [path, ...nums] = parts;
  if (!PARAM_BY_PATH.has(path)) return bad('axisParameter', { path });
  const p = axisParam(path);
  if (!p) return bad('axisNotNumeric', { path });
  const [from, to, steps] = nums.map(parseNumber);
  if (from === null || to === null || steps === null) return malformed();
  const axis = { path, from, to, steps };
  switch (axisProblem(axis)) {
    case null:
      return { ok: true, axis };
    case 'range':
      return bad('axisRange', { min: formatNumber(p.min), max: formatNumber(p.max) });
    case 'steps':
      return bad('axisSteps', { max: String(MAX_SWEEP_STEPS) });
    default:
      return malformed();
  }
}

/** The sensitivity settings of a link over the page's defaults; what is not valid is named. */
export function readSens(params: Map<string, string>, issues: ShareIssue[]): SensSettings {
  const sens = defaultSettings();
  sens.scenario = pickOption(params, SENS_KEYS.scenario, SCENARIO_IDS, issues) ?? sens.scenario;
  sens.indicator =
    pickOption(
      params,
      SENS_KEYS.indicator,
      INDICATORS.map((i) => i.id),
      issues,
    ) ?? sens.indicator;
  const runs = params.get(SENS_KEYS.runs);
  if (runs !== undefined) {
    if (/^\d+$/.test(runs) && isRuns(Number(runs))) sens.runs = Number(runs);
    else {
      issues.push(
        issue('badCount', {
          name: SENS_KEYS.runs,
          value: runs,
          min: String(MIN_RUNS),
          max: String(MAX_RUNS),
        }),
      );
    }
  }
  SENS_KEYS.axes.forEach((name, k) => {
    const text = params.get(name);
    if (text === undefined) return;
    const read = readAxis(name, text);
    if (read.ok) sens.axes[k] = read.axis;
    else issues.push(read.issue);
  });
  return sens;
}
