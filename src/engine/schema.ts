/**
 * Validation of scenarios with valibot, generated from the parameter table so
 * that the schema, the defaults and the documentation cannot drift apart.
 * Messages name the path and the allowed range.
 */
import * as v from 'valibot';
import {
  MAX_FIRMS,
  MAX_FIRMS_PER_TIER,
  MAX_SHOCKS,
  MAX_EVENTS,
  EVENT_LEVERS,
  PARAM_BY_PATH,
  MAX_TIERS,
  PARAMS,
  SHOCK_VARIABLES,
  defaultScenario,
  type ParamSpec,
  type Scenario,
} from './params.ts';
import { MAX_DEPTH, RESERVED_KEYS, reservedKeys, valueDepth } from './limits.ts';

type AnySchema = v.GenericSchema<unknown, unknown>;

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(+x.toPrecision(6));
}

function scalarSchema(p: ParamSpec): AnySchema {
  if (p.kind === 'boolean') {
    return v.boolean(`must be true or false`) as AnySchema;
  }
  const range = `${fmt(p.min)} to ${fmt(p.max)}${p.unit ? ` (${p.unit})` : ''}`;
  const parts: v.PipeItem<number, number, v.BaseIssue<unknown>>[] = [
    v.check((x: number) => Number.isFinite(x), `must be a finite number from ${range}`),
  ];
  if (p.kind === 'integer') parts.push(v.integer(`must be a whole number from ${range}`));
  parts.push(v.minValue(p.min, `must be from ${range}`));
  parts.push(v.maxValue(p.max, `must be from ${range}`));
  return v.pipe(v.number(`must be a number from ${range}`), ...parts) as AnySchema;
}

const firmsPerTierSchema = v.pipe(
  v.array(
    v.pipe(
      v.number('must be a whole number of firms'),
      v.integer('must be a whole number of firms'),
      v.minValue(1, `must be from 1 to ${MAX_FIRMS_PER_TIER} firms`),
      v.maxValue(MAX_FIRMS_PER_TIER, `must be from 1 to ${MAX_FIRMS_PER_TIER} firms`),
    ),
    'must be a list of firm counts, one per tier',
  ),
  v.minLength(
    2,
    `must list 2 to ${MAX_TIERS} tiers (tier 0 and 1 to ${MAX_TIERS - 1} supplier tiers)`,
  ),
  v.maxLength(
    MAX_TIERS,
    `must list 2 to ${MAX_TIERS} tiers (tier 0 and 1 to ${MAX_TIERS - 1} supplier tiers)`,
  ),
  v.check(
    (a: number[]) => a.reduce((s, x) => s + x, 0) <= MAX_FIRMS,
    `must add up to at most ${MAX_FIRMS} firms`,
  ),
);

const shockSchema = v.strictObject(
  {
    variable: v.picklist(SHOCK_VARIABLES, `must be one of ${SHOCK_VARIABLES.join(', ')}`),
    start: v.pipe(
      v.number('must be a number of years'),
      v.minValue(0, 'must be from 0 to 50 years'),
      v.maxValue(50, 'must be from 0 to 50 years'),
    ),
    duration: v.pipe(
      v.number('must be a number of years'),
      v.minValue(0, 'must be from 0 to 20 years'),
      v.maxValue(20, 'must be from 0 to 20 years'),
    ),
    size: v.pipe(
      v.number('must be a number'),
      v.minValue(-0.9, 'must be from -0.9 to 3 (a relative change, 0.4 = +40%)'),
      v.maxValue(3, 'must be from -0.9 to 3 (a relative change, 0.4 = +40%)'),
    ),
  },
  'must be a shock: {"variable", "start", "duration", "size"}',
);

const eventSchema = v.pipe(
  v.strictObject(
    {
      start: v.pipe(
        v.number('must be a number of years'),
        v.minValue(0, 'must be from 0 to 50 years'),
        v.maxValue(50, 'must be from 0 to 50 years'),
      ),
      lever: v.picklist(EVENT_LEVERS, `must be one of ${EVENT_LEVERS.join(', ')}`),
      value: v.pipe(v.number('must be a number'), v.finite('must be a finite number')),
      label: v.optional(
        v.pipe(v.string('must be a text'), v.maxLength(40, 'must be at most 40 characters')),
      ),
    },
    'must be a policy event: {"start", "lever", "value", "label"}',
  ),
  v.check((e) => {
    const p = PARAM_BY_PATH.get(`policy.${e.lever}`);
    if (!p || p.kind === 'boolean') return e.value === 0 || e.value === 1;
    return e.value >= p.min && e.value <= p.max;
  }, 'value must be within the range of its lever (0 or 1 for a switch)'),
);

function buildSchema(): AnySchema {
  // Build a nested tree of schemas from the dotted paths.
  type Tree = { [k: string]: Tree | AnySchema };
  const tree: Tree = {};
  for (const p of PARAMS) {
    const parts = p.path.split('.');
    let node = tree;
    for (let i = 0; i < parts.length - 1; i++) {
      node = (node[parts[i]] ??= {}) as Tree;
    }
    node[parts[parts.length - 1]] = scalarSchema(p);
  }
  (tree.network as Tree).firmsPerTier = firmsPerTierSchema as AnySchema;
  tree.shocks = v.pipe(
    v.array(shockSchema, 'must be a list of shocks'),
    v.maxLength(MAX_SHOCKS, `must have at most ${MAX_SHOCKS} shocks`),
  ) as AnySchema;
  tree.policyEvents = v.pipe(
    v.array(eventSchema, 'must be a list of policy events'),
    v.maxLength(MAX_EVENTS, `must have at most ${MAX_EVENTS} policy events`),
  ) as AnySchema;
  (tree.simulation as Tree).roundsPerYear = v.pipe(
    scalarSchema(PARAM_BY_PATH.get('simulation.roundsPerYear')!),
    v.check(
      (x: unknown) => x === 1 || x === 2 || x === 4,
      'must be 1, 2 or 4 rounds a year (a divisor of 4, so that rounds fall in the same quarters every year)',
    ),
  ) as unknown as AnySchema;
  const toSchema = (t: Tree): AnySchema => {
    const entries: Record<string, AnySchema> = {};
    for (const [k, val] of Object.entries(t)) {
      entries[k] = '~standard' in (val as object) ? (val as AnySchema) : toSchema(val as Tree);
    }
    return v.strictObject(entries, 'must be an object with known keys') as unknown as AnySchema;
  };
  return v.pipe(
    toSchema(tree),
    v.check((s: unknown) => {
      const b = (s as Scenario).bargaining;
      return b.betaMin <= b.betaMax && b.marginMin <= b.marginMax;
    }, 'bargaining: betaMin must not exceed betaMax, and marginMin must not exceed marginMax'),
  ) as AnySchema;
}

export const scenarioSchema = buildSchema();

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

function issuePath(issue: v.BaseIssue<unknown>): string {
  const parts: string[] = [];
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    if (typeof key === 'number') parts.push(`[${key}]`);
    else parts.push((parts.length ? '.' : '') + String(key));
  }
  return parts.join('');
}

/**
 * Errors that make checking the rest pointless, found cheaply before the
 * schema runs: nesting past MAX_DEPTH, keys reserved by JavaScript
 * (__proto__, constructor, prototype: named, not dropped), and lists longer
 * than allowed (100,000 shocks give one error, not 200,000).
 */
function earlyErrors(input: unknown): string[] {
  if (valueDepth(input) > MAX_DEPTH) {
    return [`scenario: nested more than ${MAX_DEPTH} levels deep (a scenario is 3 levels deep)`];
  }
  const reserved = reservedKeys(input);
  if (reserved.length > 0) return reserved;
  if (!isPlainObject(input)) return [];
  const errors: string[] = [];
  // The schema's own wording (the app translates it), without the items' errors.
  const tooLong = (x: unknown, max: number, path: string, message: string) => {
    if (Array.isArray(x) && x.length > max) errors.push(`${path}: ${message}`);
  };
  tooLong(input.shocks, MAX_SHOCKS, 'shocks', `must have at most ${MAX_SHOCKS} shocks`);
  tooLong(
    input.policyEvents,
    MAX_EVENTS,
    'policyEvents',
    `must have at most ${MAX_EVENTS} policy events`,
  );
  const network = input.network;
  if (isPlainObject(network)) {
    tooLong(
      network.firmsPerTier,
      MAX_TIERS,
      'network.firmsPerTier',
      `must list 2 to ${MAX_TIERS} tiers (tier 0 and 1 to ${MAX_TIERS - 1} supplier tiers)`,
    );
  }
  return errors;
}

/** Validates a complete scenario; messages are "path: what is wrong". */
export function validateScenario(input: unknown): ParseResult {
  const early = earlyErrors(input);
  if (early.length > 0) return { ok: false, errors: early };
  const r = v.safeParse(scenarioSchema, input);
  if (r.success) return { ok: true, scenario: r.output as Scenario };
  const errors = r.issues.map((issue) => {
    const path = issuePath(issue);
    // valibot reports an unknown key as a strict_object issue that expects "never".
    if (issue.type === 'strict_object' && issue.expected === 'never') {
      const where = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
      const key = path.includes('.') ? path.slice(path.lastIndexOf('.') + 1) : path;
      return `${where ? where + ': ' : ''}unknown key "${key}"`;
    }
    return `${path || 'scenario'}: ${issue.message}`;
  });
  return { ok: false, errors: [...new Set(errors)] };
}

/** A JSON object (not null, not an array). */
export function isPlainObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/**
 * Deep-merges `patch` over `base` (arrays and scalars replace); returns a new
 * object. A reserved key (__proto__, ...) of the patch is kept as a plain key,
 * for validation to name, and never changes an object's prototype.
 */
export function mergeDeep<T>(base: T, patch: unknown): T {
  if (!isPlainObject(patch) || !isPlainObject(base)) return structuredClone(patch) as T;
  const out: Record<string, unknown> = structuredClone(base) as Record<string, unknown>;
  for (const [k, val] of Object.entries(patch)) {
    if (RESERVED_KEYS.includes(k)) {
      Object.defineProperty(out, k, {
        value: structuredClone(val),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      continue;
    }
    out[k] =
      isPlainObject(val) && isPlainObject(out[k]) ? mergeDeep(out[k], val) : structuredClone(val);
  }
  return out as T;
}

/** Validates a partial scenario (any subset of keys) merged over a base (the defaults). */
export function resolveScenario(partial: unknown, base: Scenario = defaultScenario()): ParseResult {
  if (partial !== undefined && !isPlainObject(partial)) {
    return { ok: false, errors: ['scenario: must be a JSON object'] };
  }
  const early = earlyErrors(partial);
  if (early.length > 0) return { ok: false, errors: early };
  return validateScenario(mergeDeep(base, partial ?? {}));
}
