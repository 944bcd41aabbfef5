/**
 * The codecs of a link's values: every setting a link can hold (its leaf
 * paths), how each is written (numbers in their shortest exact form, lists of
 * shocks and policy events) and read back (checked on its own), the query's
 * encoding and its check code.
 */
import { EVENT_LEVERS, type EventLever, type PolicyEvent } from '../../engine/params.ts';
import {
  PARAM_BY_PATH,
  PARAMS,
  SHOCK_VARIABLES,
  isPlainObject,
  type Shock,
} from '../../engine/index.ts';
import type { IssueCode } from '../../i18n/issues.ts';
import type { ScenarioId } from '../ids.ts';
import { issue, type ShareIssue } from './issues.ts';

export const FIRMS_PATH = 'network.firmsPerTier';
export const SHOCKS_PATH = 'shocks';
export const EVENTS_PATH = 'policyEvents';
/** Every setting a link can hold, in the order written. */
export const LEAF_PATHS: readonly string[] = [
  ...PARAMS.map((p) => p.path),
  FIRMS_PATH,
  SHOCKS_PATH,
  EVENTS_PATH,
];
export const LEAF_SET: ReadonlySet<string> = new Set(LEAF_PATHS);

/** Flattens a patch to [dotted path, value] pairs; arrays are leaves. */
export function flatten(obj: unknown, prefix = ''): [string, unknown][] {
  if (!isPlainObject(obj)) return [];
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(v)) out.push(...flatten(v, path));
    else out.push([path, v]);
  }
  return out;
}

/* ------------------------------------------------------------ values */

/** A number in its shortest exact form (-0 kept). */
export function formatNumber(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

const NUMBER_RE = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

export function parseNumber(text: string): number | null {
  return NUMBER_RE.test(text) ? Number(text) : null;
}

/** A label inside a list value: `%`, `,` and `:` escaped, so that the list splits cleanly. */
function escapeLabel(s: string): string {
  return s.replace(/%/g, '%25').replace(/,/g, '%2C').replace(/:/g, '%3A');
}

function unescapeLabel(s: string): string {
  return s.replace(/%(25|2C|3A)/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export function formatValue(path: string, value: unknown): string {
  if (path === EVENTS_PATH && Array.isArray(value)) {
    // start:lever:value[:label], e.g. 4:dutyToRespond:0.8:2026 act
    return value
      .map((e: PolicyEvent) =>
        [
          formatNumber(e.start),
          e.lever,
          formatNumber(e.value),
          ...(e.label !== undefined ? [escapeLabel(e.label)] : []),
        ].join(':'),
      )
      .join(',');
  }
  if (path === SHOCKS_PATH && Array.isArray(value)) {
    return value
      .map((s: Shock) =>
        [s.variable, formatNumber(s.start), formatNumber(s.duration), formatNumber(s.size)].join(
          ':',
        ),
      )
      .join(',');
  }
  if (Array.isArray(value)) return value.map((x) => formatNumber(x as number)).join(',');
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

export type Parsed = { ok: true; value: unknown } | { ok: false; issue: ShareIssue };

export function parseValue(scenario: ScenarioId, path: string, text: string): Parsed {
  const bad = (code: IssueCode, extra: Record<string, string> = {}): Parsed => ({
    ok: false,
    issue: issue(code, { scenario, path, value: text, ...extra }),
  });
  if (path === SHOCKS_PATH) {
    if (text === '') return { ok: true, value: [] };
    const shocks: Shock[] = [];
    for (const part of text.split(',')) {
      const [variable, ...nums] = part.split(':');
      const xs = nums.map(parseNumber);
      if (
        !(SHOCK_VARIABLES as readonly string[]).includes(variable) ||
        xs.length !== 3 ||
        xs.some((x) => x === null)
      ) {
        return bad('invalidValue', {
          detail: `each shock must be variable:start:duration:size, the variable one of ${SHOCK_VARIABLES.join(', ')}`,
        });
      }
      const [start, duration, size] = xs as number[];
      shocks.push({ variable: variable as Shock['variable'], start, duration, size });
    }
    return { ok: true, value: shocks };
  }
  if (path === EVENTS_PATH) {
    if (text === '') return { ok: true, value: [] };
    const events: PolicyEvent[] = [];
    for (const part of text.split(',')) {
      const [start, lever, value, ...rest] = part.split(':');
      const s = parseNumber(start ?? '');
      const v = parseNumber(value ?? '');
      if (
        s === null ||
        v === null ||
        !(EVENT_LEVERS as readonly string[]).includes(lever) ||
        rest.length > 1
      ) {
        return bad('invalidValue', {
          detail: `each policy event must be start:lever:value or start:lever:value:label, the lever one of ${EVENT_LEVERS.join(', ')}`,
        });
      }
      const event: PolicyEvent = { start: s, lever: lever as EventLever, value: v };
      if (rest.length === 1) event.label = unescapeLabel(rest[0]);
      events.push(event);
    }
    return { ok: true, value: events };
  }
  if (path === FIRMS_PATH) {
    const xs = text.split(',').map(parseNumber);
    if (text === '' || xs.some((x) => x === null)) {
      return bad('invalidValue', { detail: 'must be a list of firm counts, e.g. 3,18,90,360' });
    }
    return { ok: true, value: xs };
  }
  const p = PARAM_BY_PATH.get(path);
  if (!p) return bad('unknownSetting');
  if (p.kind === 'boolean') {
    if (text === 'true' || text === '1') return { ok: true, value: true };
    if (text === 'false' || text === '0') return { ok: true, value: false };
    return bad('notBoolean');
  }
  const x = parseNumber(text);
  if (x === null || !Number.isFinite(x)) return bad('notNumber');
  if (p.kind === 'integer' && !Number.isInteger(x)) return bad('notInteger');
  if (x < p.min || x > p.max) {
    return bad('outOfRange', { min: formatNumber(p.min), max: formatNumber(p.max) });
  }
  return { ok: true, value: x };
}

/* ------------------------------------------------------------ query */

/** Percent-encodes a query value but keeps `,` and `:` (allowed in a query) readable. */
export function enc(s: string): string {
  return encodeURIComponent(s).replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}

/** FNV-1a (32 bits) of the decoded pairs, base 36: detects links cut short or edited. */
export function checkCode(pairs: Iterable<[string, string]>): string {
  let h = 2166136261;
  for (const [k, v] of pairs) {
    for (const ch of `${k}=${v}&`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  }
  return (h >>> 0).toString(36);
}

/** The query of `pairs` followed by their check code `c`. */
export function toQuery(pairs: [string, string][]): string {
  const all: [string, string][] = [...pairs, ['c', checkCode(pairs)]];
  return all.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
}

/** The value of option `name` if it is one of `allowed`; else undefined, and a bad one is told. */
export function pickOption<T extends string>(
  params: Map<string, string>,
  name: string,
  allowed: readonly T[],
  issues: ShareIssue[],
): T | undefined {
  const raw = params.get(name);
  if (raw === undefined) return undefined;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  issues.push(issue('badOption', { name, value: raw, allowed: allowed.join(', ') }));
  return undefined;
}
