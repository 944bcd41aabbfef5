/**
 * The caps on input that the command line and the app share: how large and
 * how deeply nested a scenario's JSON may be, how many errors a message lists,
 * and how much work and memory one batch may ask for. One place, so that a
 * file the command line accepts is one the app accepts, and the other way
 * round. Pure TypeScript, no Node or browser API.
 */

/** Largest scenario JSON text: 1 MiB (1,048,576 bytes; characters, for a text already read). */
export const MAX_SCENARIO_BYTES = 1_048_576;

/**
 * Deepest nesting of objects and arrays in a scenario's JSON. A scenario is
 * 3 levels deep (policyEvents → an event → its label); 32 leaves room and
 * keeps recursive code far from the stack's end.
 */
export const MAX_DEPTH = 32;

/** Most errors a message lists; the rest are counted ("and 99,980 more"). */
export const MAX_ERRORS_SHOWN = 20;

/** Longest user value echoed in a message, in characters; longer ones are cut. */
export const MAX_ECHO_CHARS = 120;

/**
 * Most work one batch (or one shard of it) may ask for, in firm-quarters: the
 * firms of each run times its quarters (burn-in included), summed over the
 * runs. 10,000,000,000 is about 40 minutes on one core (the engine does some
 * 4-5 million firm-quarters a second): 100 runs of 100,000 firms over 20
 * years fit, 20,000 runs of 250,000 firms over 50 years (a week) do not.
 */
export const MAX_BATCH_WORK = 10_000_000_000;

/**
 * Most memory the series of a --runs batch may take: 1,000,000,000 bytes
 * (8 bytes a value; a run of the default scenario holds 110,720 bytes, so
 * about 9,000 such runs). The merge of its shards holds them all at once too.
 */
export const MAX_BATCH_SERIES_BYTES = 1_000_000_000;

/** Keys a JSON object of ours may not have: JavaScript gives them a meaning of their own. */
export const RESERVED_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export type SafeParse = { ok: true; value: unknown } | { ok: false; errors: string[] };

/** 1234567 → "1,234,567". */
export const count = (n: number): string => n.toLocaleString('en-US');

/**
 * A user's value as a message may echo it: control characters (and the
 * direction overrides that can disguise text) escaped JSON-style (\u001b),
 * cut to MAX_ECHO_CHARS with the length said.
 */
export function escapeControl(s: string): string {
  return s.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => {
      const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
      return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    },
  );
}

/** escapeControl, and cut to MAX_ECHO_CHARS characters ("… (123,456 characters)"). */
export function echo(s: string): string {
  const cut =
    s.length > MAX_ECHO_CHARS
      ? `${s.slice(0, MAX_ECHO_CHARS)}… (${count(s.length)} characters)`
      : s;
  return escapeControl(cut);
}

/**
 * The first MAX_ERRORS_SHOWN of `errors` (or `shown`), then "and N more"
 * when there are more.
 */
export function summarizeErrors(errors: readonly string[], shown = MAX_ERRORS_SHOWN): string[] {
  if (errors.length <= shown) return [...errors];
  return [...errors.slice(0, shown), `and ${count(errors.length - shown)} more`];
}

/**
 * The deepest nesting of arrays and objects in a JSON text, found without
 * parsing it (strings skipped), stopping as soon as it passes `max`.
 * Returns the depth, or max + 1 when deeper.
 */
export function jsonDepth(text: string, max = MAX_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > max) return max + 1;
      }
    } else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}

/** Path of a key below `path`, as validation messages write it: a.b, a[3]. */
const below = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/**
 * The reserved keys (RESERVED_KEYS) of objects within `x`, as "path: key
 * "__proto__" is not allowed" messages. Does not go below MAX_DEPTH.
 */
export function reservedKeys(x: unknown): string[] {
  const found: string[] = [];
  const walk = (v: unknown, path: string, depth: number): void => {
    if (depth > MAX_DEPTH || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, below(path, i), depth + 1));
      return;
    }
    for (const key of Object.keys(v)) {
      if (RESERVED_KEYS.includes(key)) {
        found.push(
          `${path ? path + ': ' : ''}key "${key}" is not allowed (a name reserved by JavaScript, not a parameter)`,
        );
      } else walk((v as Record<string, unknown>)[key], below(path, key), depth + 1);
    }
  };
  walk(x, '', 0);
  return found;
}

/** The nesting depth of a value (a scalar is 0), stopping once past MAX_DEPTH. */
export function valueDepth(x: unknown, max = MAX_DEPTH): number {
  const walk = (v: unknown, depth: number): number => {
    if (v === null || typeof v !== 'object') return depth;
    if (depth + 1 > max) return max + 1;
    let deepest = depth + 1;
    for (const item of Array.isArray(v) ? v : Object.values(v)) {
      deepest = Math.max(deepest, walk(item, depth + 1));
      if (deepest > max) return max + 1;
    }
    return deepest;
  };
  return walk(x, 0);
}

/**
 * Parses a scenario's JSON text within the caps: at most MAX_SCENARIO_BYTES
 * characters, nested at most MAX_DEPTH deep (both checked before parsing),
 * and no reserved keys (__proto__, constructor, prototype), which are named.
 */
export function safeJsonParse(text: string, maxChars = MAX_SCENARIO_BYTES): SafeParse {
  if (text.length > maxChars) {
    return {
      ok: false,
      errors: [
        `too large: ${count(text.length)} characters, at most ${count(maxChars)} (a scenario is a few kilobytes)`,
      ],
    };
  }
  if (jsonDepth(text) > MAX_DEPTH) {
    return {
      ok: false,
      errors: [`nested more than ${MAX_DEPTH} levels deep (a scenario is 3 levels deep)`],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`not valid JSON: ${echo((e as Error).message)}`] };
  }
  const reserved = reservedKeys(value);
  if (reserved.length > 0) return { ok: false, errors: summarizeErrors(reserved) };
  return { ok: true, value };
}
