/**
 * The engine's validation messages ("path: what is wrong", in English, see
 * src/engine/schema.ts) in the reader's language: each known form of "what"
 * is matched and told with a catalog text; the path is named by the lever's
 * label. A form not known here is shown as the engine wrote it.
 */
import { PARAM_BY_PATH } from '../engine/index.ts';
import {
  hasMessage,
  translate,
  unitName,
  type Lang,
  type MessageKey,
  type MessageParams,
} from './index.ts';
import { isPercent, toTyped, typedUnit } from './units.ts';

const NUM = String.raw`(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)`;
const RANGE = new RegExp(
  String.raw`^must be (a finite number |a whole number |a number )?from ${NUM} to ${NUM}(?: \((.+)\)| (years|firms))?$`,
);
const RELATIVE_CHANGE = 'a relative change, 0.4 = +40%';

function unitText(lang: Lang, unit: string): string {
  if (unit === RELATIVE_CHANGE) return translate(lang, 'validation.relativeChange');
  return unitName(lang, unit);
}

const label = (lang: Lang, path: string) => translate(lang, `param.${path}.label`);

/**
 * What is wrong, in `lang`; the engine's own words if the form is not known.
 * `path` is the lever it is about, if known: a share's range is told in percent.
 */
export function whatText(lang: Lang, what: string, path?: string): string {
  const t = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
  const r = RANGE.exec(what);
  if (r) {
    const [, kind, min, max, unit1, unit2] = r;
    const unit = unit1 ?? unit2;
    const whole = kind === 'a whole number ';
    if (path && isPercent(path)) {
      const u = typedUnit(lang, path, '');
      if (u === '%' && Number(min) < 0) {
        // A change that may be negative (a shock's size): "from -90% to +300%".
        const signed = (x: number) => `${x > 0 ? '+' : ''}${toTyped(path, x)}`;
        return t('validation.rangePercent', {
          min: signed(Number(min)),
          max: signed(Number(max)),
          unit: u,
        });
      }
      const pct = { min: toTyped(path, Number(min)), max: toTyped(path, Number(max)), unit: u };
      return t('validation.rangePercent', pct);
    }
    const params = { min, max, ...(unit ? { unit: unitText(lang, unit) } : {}) };
    if (whole) return t(unit ? 'validation.wholeRangeUnit' : 'validation.wholeRange', params);
    return t(unit ? 'validation.rangeUnit' : 'validation.range', params);
  }
  let m: RegExpExecArray | null;
  if ((m = /^must list 2 to (\d+) tiers/.exec(what))) {
    return t('validation.tierCount', { max: m[1], deepest: Number(m[1]) - 1 });
  }
  if ((m = /^must add up to at most (\d+) firms$/.exec(what))) {
    return t('validation.totalFirms', { max: m[1] });
  }
  if ((m = /^must have at most (\d+) shocks$/.exec(what))) {
    return t('validation.maxShocks', { max: m[1] });
  }
  if (
    /^bargaining: betaMin must not exceed betaMax, and marginMin must not exceed marginMax$/.test(
      what,
    )
  ) {
    return t('validation.bargainingOrder', {
      betaMin: label(lang, 'bargaining.betaMin'),
      betaMax: label(lang, 'bargaining.betaMax'),
      marginMin: label(lang, 'bargaining.marginMin'),
      marginMax: label(lang, 'bargaining.marginMax'),
    });
  }
  if ((m = /^unknown key "(.*)"$/.exec(what))) return t('validation.unknownKey', { key: m[1] });
  if ((m = /^must be one of (.+)$/.exec(what))) {
    return t('validation.oneOf', { allowed: options(lang, m[1]) });
  }
  if (what.startsWith('must be a shock: ')) return t('validation.shock');
  if (what.startsWith('must be a policy event: ')) return t('validation.event');
  if (what.startsWith('must be 1, 2 or 4 rounds a year')) return t('validation.rounds');
  if ((m = /^must have at most (\d+) policy events$/.exec(what))) {
    return t('validation.maxEvents', { max: m[1] });
  }
  if ((m = /^must be at most (\d+) characters$/.exec(what))) {
    return t('validation.maxChars', { max: m[1] });
  }
  if (
    (m = /^each shock must be variable:start:duration:size, the variable one of (.+)$/.exec(what))
  ) {
    return t('validation.shockForm', { allowed: options(lang, m[1]) });
  }
  if ((m = /^each policy event must be .*, the lever one of (.+)$/.exec(what))) {
    return t('validation.eventForm', { allowed: options(lang, m[1]) });
  }
  const fixed: Record<string, MessageKey> = {
    'must be a list of policy events': 'validation.eventList',
    'value must be within the range of its lever (0 or 1 for a switch)': 'validation.eventValue',
    'must be a text': 'validation.text',
    'must be a finite number': 'validation.finite',
    'must be a list of firm counts, e.g. 3,18,90,360': 'validation.firmForm',
    'must be a JSON object': 'validation.jsonObject',
    'must be an object with known keys': 'validation.object',
    'must be a list of shocks': 'validation.shockList',
    'not valid': 'validation.invalid',
    'must be true or false': 'validation.boolean',
    'must be a number': 'validation.number',
    'must be a number of years': 'validation.years',
    'must be a whole number of firms': 'validation.wholeFirms',
    'must be a list of firm counts, one per tier': 'validation.firmList',
  };
  return fixed[what] ? t(fixed[what]) : what;
}

/**
 * A list of allowed values ("a, b, c"), each with its name where the
 * catalogs have one: a shock's variable, or a policy lever of the timeline.
 */
function options(lang: Lang, list: string): string {
  const sep = lang === 'ja' ? '、' : ', ';
  return list
    .split(', ')
    .map((v) => {
      const key = hasMessage(lang, `shocks.variable.${v}`)
        ? `shocks.variable.${v}`
        : hasMessage(lang, `param.policy.${v}.label`)
          ? `param.policy.${v}.label`
          : null;
      return key
        ? translate(lang, 'validation.option', {
            label: translate(lang, key as MessageKey),
            value: v,
          })
        : v;
    })
    .join(sep);
}

const SHOCK_FIELDS: Record<string, MessageKey> = {
  variable: 'shocks.title',
  start: 'shocks.startsAfter',
  duration: 'shocks.buildsUp',
  size: 'shocks.size',
};

/** Where it is wrong: a lever's label, a shock's field or a tier, else the path. */
export function whereText(lang: Lang, where: string): string {
  if (PARAM_BY_PATH.has(where)) return label(lang, where);
  const removed = REMOVED_LABELS[where];
  if (removed) return removed[lang];
  if (where === 'scenario') return translate(lang, 'validation.scenario');
  let m: RegExpExecArray | null;
  if ((m = /^shocks\[(\d+)\]\.(\w+)$/.exec(where)) && SHOCK_FIELDS[m[2]]) {
    const field = translate(lang, SHOCK_FIELDS[m[2]]);
    return translate(lang, 'validation.shockField', { n: Number(m[1]) + 1, field });
  }
  if ((m = /^network\.firmsPerTier\[(\d+)\]$/.exec(where))) {
    return translate(lang, 'validation.tier', {
      label: translate(lang, 'controls.tiersLabel'),
      k: m[1],
    });
  }
  if ((m = /^shocks\[(\d+)\]$/.exec(where))) {
    return translate(lang, 'shocks.shock', { n: Number(m[1]) + 1 });
  }
  if ((m = /^policyEvents\[(\d+)\]\.(start|lever|value|label)$/.exec(where))) {
    const field = translate(lang, `validation.field.${m[2]}` as MessageKey);
    return translate(lang, 'validation.eventField', { n: Number(m[1]) + 1, field });
  }
  if ((m = /^policyEvents\[(\d+)\]$/.exec(where))) {
    return translate(lang, 'validation.event1', { n: Number(m[1]) + 1 });
  }
  if (where === 'policyEvents') return translate(lang, 'events.title');
  if (where === 'network.firmsPerTier') return translate(lang, 'controls.tiersLabel');
  if (where === 'shocks') return translate(lang, 'shocks.title');
  if (GROUPS.has(where)) return translate(lang, `group.${where}` as MessageKey);
  return where;
}

/** Settings of earlier models (REMOVED_PATHS of the link reader), named in words. */
export const REMOVED_LABELS: Readonly<Record<string, { en: string; ja: string }>> = {
  'firms.reinvestShare': {
    en: 'Reinvested share of profit (model 1)',
    ja: '利益の再投資比率（モデル1）',
  },
};

/** Top-level groups of settings with a name in the catalogs (`group.<key>`). */
const GROUPS = new Set([
  'policy',
  'network',
  'market',
  'labor',
  'costs',
  'bargaining',
  'firms',
  'mechanisms',
  'simulation',
]);

/**
 * One whole engine message ("path: what", or a bare "what" about the whole
 * scenario, e.g. `unknown key "x"`) in `lang`: "Label what." for a lever
 * (never its internal path), "Where: what." otherwise.
 */
export function engineText(lang: Lang, message: string): string {
  const colon = message.indexOf(': ');
  const bare = colon <= 0 || /^(must |unknown key )/.test(message);
  const where = bare ? 'scenario' : message.slice(0, colon);
  const what = whatText(lang, bare ? message : message.slice(colon + 2), where);
  return PARAM_BY_PATH.has(where)
    ? translate(lang, 'validation.about', { label: label(lang, where), what })
    : translate(lang, 'validation.at', { where: whereText(lang, where), what });
}

/**
 * The engine's messages that concern `path` (else all of them), in `lang`:
 * "Label what." for the field's own value, "Where: what." otherwise.
 */
export function validationMessage(lang: Lang, path: string, errors: readonly string[]): string {
  const own = errors.filter((e) => e.startsWith(`${path}:`) || e.startsWith(`${path}[`));
  const chosen = own.length > 0 ? own : errors;
  const known = PARAM_BY_PATH.has(path);
  return chosen
    .map((e) => {
      const colon = e.indexOf(': ');
      const where = colon > 0 ? e.slice(0, colon) : path;
      const what = whatText(lang, colon > 0 ? e.slice(colon + 2) : e, where);
      return where === path && known
        ? translate(lang, 'validation.about', { label: label(lang, path), what })
        : translate(lang, 'validation.at', { where: whereText(lang, where), what });
    })
    .join(lang === 'ja' ? '' : ' ');
}
