/**
 * The shared input caps (src/engine/limits.ts), the schema's early stop and
 * reserved keys, and the CLI's one-line internal errors (scripts/files.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../scripts/cli.ts';
import { reportInternal } from '../../scripts/files.ts';
import { defaultScenario, mergeDeep, resolveScenario } from '../../src/engine/index.ts';
import {
  MAX_DEPTH,
  MAX_ERRORS_SHOWN,
  MAX_SCENARIO_BYTES,
  echo,
  escapeControl,
  jsonDepth,
  safeJsonParse,
  summarizeErrors,
} from '../../src/engine/limits.ts';

describe('limits shared by the CLI and the app', () => {
  it('summarises long error lists: the first 20, then "and N more"', () => {
    const errors = Array.from({ length: 100_000 }, (_, i) => `error ${i}`);
    const s = summarizeErrors(errors);
    expect(s).toHaveLength(MAX_ERRORS_SHOWN + 1);
    expect(s.at(-1)).toBe('and 99,980 more');
    expect(summarizeErrors(errors.slice(0, 20))).toEqual(errors.slice(0, 20));
  });

  it('escapes control characters JSON-style and cuts long echoed values', () => {
    expect(escapeControl('a\u001b[31mb\u0007\n\u202e')).toBe('a\\u001b[31mb\\u0007\\n\\u202e');
    expect(escapeControl('日本語 ok')).toBe('日本語 ok');
    const long = echo('x'.repeat(10_000));
    expect(long.length).toBeLessThan(200);
    expect(long).toContain('(10,000 characters)');
  });

  it('measures nesting without parsing, ignoring brackets inside strings', () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[[{{{{"}]}')).toBe(3);
    expect(jsonDepth('"\\"[[["')).toBe(0);
    expect(jsonDepth('['.repeat(1_000_000))).toBe(MAX_DEPTH + 1);
  });

  it('parses within the caps: size, depth, JSON and reserved keys, each named', () => {
    expect(safeJsonParse('{"policy":{"costDown":0.03}}')).toEqual({
      ok: true,
      value: { policy: { costDown: 0.03 } },
    });
    const big = safeJsonParse(' '.repeat(MAX_SCENARIO_BYTES + 1));
    expect(big.ok).toBe(false);
    if (!big.ok)
      expect(big.errors[0]).toMatch(/^too large: 1,048,577 characters, at most 1,048,576/);
    const deep = safeJsonParse('['.repeat(33) + ']'.repeat(33));
    expect(deep).toEqual({ ok: false, errors: [expect.stringMatching(/nested more than 32/)] });
    expect(safeJsonParse('{oops').ok).toBe(false);
    const reserved = safeJsonParse('{"__proto__":{"x":1},"policy":{"constructor":1}}');
    expect(reserved).toEqual({
      ok: false,
      errors: [
        'key "__proto__" is not allowed (a name reserved by JavaScript, not a parameter)',
        'policy: key "constructor" is not allowed (a name reserved by JavaScript, not a parameter)',
      ],
    });
  });

  it('validation names __proto__ instead of dropping it, and stops early on long lists and deep input', () => {
    const patch = JSON.parse('{"__proto__":{"years":3}}');
    const merged = mergeDeep(defaultScenario(), patch) as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.keys(merged)).toContain('__proto__');
    expect(resolveScenario(patch)).toEqual({
      ok: false,
      errors: ['key "__proto__" is not allowed (a name reserved by JavaScript, not a parameter)'],
    });
    const t0 = performance.now();
    const many = resolveScenario({ shocks: Array.from({ length: 100_000 }, () => ({})) });
    expect(many).toEqual({ ok: false, errors: ['shocks: must have at most 20 shocks'] });
    expect(performance.now() - t0).toBeLessThan(3000);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { policy: deep };
    expect(resolveScenario(deep)).toEqual({
      ok: false,
      errors: ['scenario: nested more than 32 levels deep (a scenario is 3 levels deep)'],
    });
  });
});

describe('internal errors', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are told in one line, with the stack trace only when asked for', () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
      lines.push(String(s));
      return true;
    });
    const e = new TypeError('boom\u001b[2J\nsecond line');
    expect(reportInternal('sim', e, false)).toBe(1);
    const quiet = lines.join('');
    expect(quiet).toBe(
      'sim: internal error: TypeError: boom\\u001b[2J\n' +
        'sim: (run again with --debug or SIM_DEBUG=1 for the details)\n',
    );
    lines.length = 0;
    reportInternal('sim', e, true);
    expect(lines.join('')).toMatch(/^ {4}at /m);
  });
});

describe('--scenario files', () => {
  it('may start with a byte-order mark', () => {
    const r = runCli(['--scenario', 's.json', '--years', '1'], (p) => {
      if (p === 's.json') return '\ufeff{"policy":{"costDown":0.03}}';
      throw new Error('no such file');
    });
    expect(JSON.parse(r.output).scenario.policy.costDown).toBe(0.03);
  });
});
