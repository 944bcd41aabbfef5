/**
 * The sensitivity view's settings (the scenario to start from, the indicator,
 * the runs per point and the heat map's two axes), their defaults, and the
 * plans they make: a tornado plan and a two-parameter sweep plan, or a
 * message naming what is wrong, in the reader's language. Pure, tested in Node.
 * The settings themselves and their defaults are in defaults.ts.
 */
import { axisValues, planSweep, planTornado, type Plan } from '../../engine/batch.ts';
import { PARAM_BY_PATH, type Scenario } from '../../engine/index.ts';
import { translate, type Lang } from '../../i18n/index.ts';
import { engineText } from '../../i18n/validation.ts';
import { MAX_RUNS, MIN_RUNS, type AxisSetting } from '../../share/sensitivity.ts';
import { paramLabel, paramValue } from './format.ts';

export {
  AXIS_PARAMS,
  DEFAULT_RUNS,
  DEFAULT_STEPS,
  MAX_RUNS,
  MIN_RUNS,
  defaultAxis,
  defaultSettings,
  type AxisSetting,
  type ScenarioId,
  type SensSettings,
} from '../../share/sensitivity.ts';

/** A message in the language it is shown in. */
export type Message = (lang: Lang) => string;

export type PlanOutcome = { ok: true; plan: Plan; key: string } | { ok: false; message: Message };

/** What is wrong with the runs per point, or null. */
export function runsProblem(runs: number): Message | null {
  if (Number.isInteger(runs) && runs >= MIN_RUNS && runs <= MAX_RUNS) return null;
  const value = Number.isFinite(runs) ? String(runs) : '';
  return (lang) =>
    translate(lang, value === '' ? 'sens.error.runsEmpty' : 'sens.error.runs', {
      value,
      min: MIN_RUNS,
      max: MAX_RUNS,
    });
}

/** Inputs of a computation, as one string: equal keys give the same runs. */
export function planKey(plan: Plan): string {
  return JSON.stringify([plan.kind, plan.base, plan.seeds, plan.points]);
}

function fromBatch(e: unknown): Message {
  const message = e instanceof Error ? e.message : String(e);
  return (lang) => batchErrorText(lang, message);
}

/** The tornado plan of `base` with `runs` seeds per point, or what is wrong. */
export function tornadoPlan(base: Scenario, runs: number): PlanOutcome {
  const bad = runsProblem(runs);
  if (bad) return { ok: false, message: bad };
  try {
    const plan = planTornado(base, runs);
    return { ok: true, plan, key: planKey(plan) };
  } catch (e) {
    return { ok: false, message: fromBatch(e) };
  }
}

/** The heat map's sweep plan (rows: the first axis, columns: the second), or what is wrong. */
export function sweepPlan(
  base: Scenario,
  runs: number,
  axes: readonly [AxisSetting, AxisSetting],
): PlanOutcome {
  const bad = runsProblem(runs);
  if (bad) return { ok: false, message: bad };
  try {
    if (axes[0].path === axes[1].path) {
      // Said before the ranges, which would only repeat the same parameter's.
      planSweep(base, [
        { path: axes[0].path, values: [0] },
        { path: axes[1].path, values: [0] },
      ]);
    }
    const values = axes.map((a) =>
      axisValues(a.path, num(a.from), num(a.to), num(a.steps)),
    ) as number[][];
    const plan = planSweep(
      base,
      axes.map((a, i) => ({ path: a.path, values: values[i] })),
      runs,
    );
    return { ok: true, plan, key: planKey(plan) };
  } catch (e) {
    return { ok: false, message: fromBatch(e) };
  }
}

const num = (x: number | null | undefined) => (typeof x === 'number' ? x : NaN);

const NUM = String.raw`(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)`;

/**
 * A BatchError's message (src/engine/batch.ts, in English) in `lang`, the
 * parameters named by their labels and their values with units. A form not
 * known here is shown as the engine wrote it, inside a translated sentence.
 */
export function batchErrorText(lang: Lang, message: string): string {
  const t = (key: Parameters<typeof translate>[1], p?: Record<string, string | number>) =>
    translate(lang, key, p);
  const named = (path: string) =>
    PARAM_BY_PATH.has(path) ? t('sens.error.param', { label: paramLabel(lang, path), path }) : path;
  let m: RegExpExecArray | null;
  if (
    (m = new RegExp(`^([\\w.]+): ${NUM} is out of range; it must be from ${NUM} to ${NUM}`).exec(
      message,
    ))
  ) {
    const [, path, x, min, max] = m;
    return t('sens.error.range', {
      param: named(path),
      value: paramValue(lang, path, Number(x)),
      min: paramValue(lang, path, Number(min)),
      max: paramValue(lang, path, Number(max)),
    });
  }
  if ((m = /^both sweep axes are ([\w.]+);/.exec(message))) {
    return t('sens.error.sameAxis', { param: named(m[1]) });
  }
  if (
    (m = /^([\w.]+): the number of steps must be a whole number from 1 to (\d+), got (.*)$/.exec(
      message,
    ))
  ) {
    return t('sens.error.steps', { param: named(m[1]), max: m[2], value: m[3] });
  }
  if ((m = /^([\w.]+): the sweep's ends must be numbers$/.exec(message))) {
    return t('sens.error.ends', { param: named(m[1]) });
  }
  if ((m = /^(\d+) runs asked for \((\d+) points × (\d+) runs\); at most (\d+)$/.exec(message))) {
    return t('sens.error.tooMany', { total: m[1], points: m[2], runs: m[3], max: m[4] });
  }
  if ((m = /^at (.+?): (.+)$/.exec(message))) {
    const where = m[1]
      .split(', ')
      .map((kv) => {
        const [path, x] = kv.split('=');
        return PARAM_BY_PATH.has(path)
          ? t('sens.error.setting', {
              label: paramLabel(lang, path),
              value: paramValue(lang, path, Number(x)),
            })
          : kv;
      })
      .join(lang === 'ja' ? '、' : ', ');
    const what = m[2]
      .split('; ')
      .map((e) => engineText(lang, e))
      .join(lang === 'ja' ? '' : ' ');
    return t('sens.error.at', { where, what });
  }
  return t('sens.error.other', { message });
}
