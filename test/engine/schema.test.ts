/**
 * Scenario validation (src/engine/schema.ts): every lever of the parameter
 * table is checked for range and type, messages name the path and the
 * allowed range, presets validate and scenarios survive a JSON round trip.
 */
import { describe, expect, it } from 'vitest';
import {
  PARAMS,
  PARAM_BY_PATH,
  PRESET_NAMES,
  defaultScenario,
  getPath,
  mergeDeep,
  presetScenario,
  resolveScenario,
  setPath,
  simulate,
  toJSON,
  validateScenario,
  type NumberParam,
  type Scenario,
} from '../../src/engine/index.ts';
import { scenario } from '../helpers/engine.ts';

function errorsOf(patch: unknown): string[] {
  const r = resolveScenario(patch);
  return r.ok ? [] : r.errors;
}

const WIDE_BARGAINING = { betaMin: 0, betaMax: 1, marginMin: -0.05, marginMax: 0.5 };

function patchAt(path: string, value: unknown): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  setPath(p, path, value);
  return p;
}

describe('the parameter table has the levers the issue asks for', () => {
  const required: [string, 'number' | 'integer' | 'boolean', number?, number?][] = [
    ['policy.costDown', 'number', 0, 0.1],
    ['policy.passThroughFloor', 'number', 0, 1],
    ['policy.gainShareFloor', 'number', 0, 1],
    ['policy.buyerSupport', 'number'],
    ['policy.belowCostBan', 'boolean'],
    ['network.customersPerSupplier', 'number'],
    ['market.valueOrientation', 'number', 0, 1],
    ['labor.minimumWageGrowth', 'number'],
    ['seed', 'integer'],
    ['years', 'integer'],
  ];
  it.each(required)('%s is a %s lever with the documented range', (path, kind, min, max) => {
    const p = PARAM_BY_PATH.get(path);
    expect(p, path).toBeDefined();
    expect(p!.kind).toBe(kind);
    if (p!.kind !== 'boolean' && min !== undefined) {
      expect([p!.min, p!.max]).toEqual([min, max]);
    }
  });

  it('network.firmsPerTier exists in the default scenario (4 tiers: 3, 18, 90, 360)', () => {
    expect(defaultScenario().network.firmsPerTier).toEqual([3, 18, 90, 360]);
    expect(validateScenario(defaultScenario()).ok).toBe(true);
  });

  it('every number lever has min <= default <= max and a positive step; paths are unique', () => {
    for (const p of PARAMS) {
      if (p.kind === 'boolean') {
        expect(typeof p.default, p.path).toBe('boolean');
        continue;
      }
      expect(p.min, p.path).toBeLessThanOrEqual(p.default);
      expect(p.default, p.path).toBeLessThanOrEqual(p.max);
      expect(p.step, p.path).toBeGreaterThan(0);
    }
    expect(new Set(PARAMS.map((p) => p.path)).size).toBe(PARAMS.length);
  });
});

describe('out-of-range values are rejected with the path and the allowed range', () => {
  it('policy.costDown = 0.2 names policy.costDown and "0 to 0.1"', () => {
    const errs = errorsOf({ policy: { costDown: 0.2 } });
    expect(errs).toHaveLength(1);
    expect(errs[0]).toContain('policy.costDown');
    expect(errs[0]).toContain('0 to 0.1');
  });

  const numeric = PARAMS.filter((p): p is NumberParam => p.kind !== 'boolean');
  it.each(numeric.map((p) => [p.path, p] as const))(
    '%s: min and max accepted, just outside rejected',
    (path, p) => {
      const range = `${p.min} to ${p.max}`;
      // betaMin <= betaMax and marginMin <= marginMax must hold too: widen the partners first.
      const at = (x: number) =>
        mergeDeep(
          path.startsWith('bargaining.') ? { bargaining: WIDE_BARGAINING } : {},
          patchAt(path, x),
        );
      expect(errorsOf(at(p.min))).toEqual([]);
      expect(errorsOf(at(p.max))).toEqual([]);
      for (const bad of [p.max + p.step, p.min - p.step]) {
        const errs = errorsOf(at(bad));
        expect(errs.length, `${path} = ${bad}`).toBeGreaterThan(0);
        expect(
          errs.some((e) => e.includes(path) && e.includes(range)),
          `${path} = ${bad}: ${errs.join('; ')}`,
        ).toBe(true);
      }
    },
  );
});

describe('wrong types are rejected with the path', () => {
  const numeric = PARAMS.filter((p): p is NumberParam => p.kind !== 'boolean');
  it.each(numeric.map((p) => [p.path, p] as const))(
    '%s rejects a string, a boolean and null',
    (path, p) => {
      for (const bad of [String(p.default), true, null]) {
        const errs = errorsOf(patchAt(path, bad));
        expect(errs.length, `${path} = ${JSON.stringify(bad)}`).toBeGreaterThan(0);
        expect(errs.every((e) => e.startsWith(`${path}:`))).toBe(true);
        expect(errs.some((e) => e.includes(`${p.min} to ${p.max}`))).toBe(true);
      }
    },
  );

  it('integer levers (seed, years, burn-in, rounds per year, start year) reject fractions', () => {
    const ints = PARAMS.filter((p): p is NumberParam => p.kind === 'integer');
    expect(ints.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'seed',
        'years',
        'simulation.burnInYears',
        'simulation.roundsPerYear',
      ]),
    );
    for (const p of ints) {
      const errs = errorsOf(
        patchAt(p.path, (p.default as number) + 0.5 > p.max ? p.max - 0.5 : p.default + 0.5),
      );
      expect(
        errs.some((e) => e.startsWith(`${p.path}:`) && e.includes('whole number')),
        p.path,
      ).toBe(true);
    }
  });

  const booleans = PARAMS.filter((p) => p.kind === 'boolean');
  it.each(booleans.map((p) => p.path))('%s accepts true/false and rejects 1 and "true"', (path) => {
    expect(errorsOf(patchAt(path, true))).toEqual([]);
    expect(errorsOf(patchAt(path, false))).toEqual([]);
    for (const bad of [1, 'true']) {
      const errs = errorsOf(patchAt(path, bad));
      expect(errs).toEqual([`${path}: must be true or false`]);
    }
  });

  it('non-finite numbers are rejected (NaN, Infinity)', () => {
    expect(errorsOf({ policy: { costDown: NaN } }).join()).toContain('policy.costDown');
    expect(errorsOf({ market: { valueOrientation: Infinity } }).join()).toContain(
      'market.valueOrientation',
    );
  });

  it('a group that is not an object is reported as a wrong type at its path, not as an unknown key', () => {
    for (const bad of [5, null, 'x']) {
      const errs = errorsOf({ policy: bad });
      expect(errs.length).toBeGreaterThan(0);
      expect(errs.join('; ')).toContain('policy');
      expect(errs.join('; ')).not.toContain('unknown key');
    }
  });

  it('a shock that is not an object is reported as a wrong type, not as an unknown key', () => {
    const errs = errorsOf({ shocks: [5] });
    expect(errs.length).toBeGreaterThan(0);
    expect(errs.join('; ')).toContain('shocks[0]');
    expect(errs.join('; ')).not.toContain('unknown key');
  });

  it('a whole scenario that is not an object is rejected', () => {
    expect(resolveScenario(5)).toEqual({ ok: false, errors: ['scenario: must be a JSON object'] });
    expect(validateScenario(null).ok).toBe(false);
  });
});

describe('unknown keys are rejected', () => {
  it('at the top level', () => {
    expect(errorsOf({ foo: 1 })).toEqual(['unknown key "foo"']);
  });
  it('inside a group, naming the group', () => {
    expect(errorsOf({ policy: { costDwn: 0.01 } })).toEqual(['policy: unknown key "costDwn"']);
  });
  it('inside a shock', () => {
    const errs = errorsOf({
      shocks: [{ variable: 'energy', start: 0, duration: 1, size: 0.1, peak: 2 }],
    });
    expect(errs).toEqual(['shocks[0]: unknown key "peak"']);
  });
  it('a missing key of a complete scenario is an error naming it', () => {
    const sc = defaultScenario() as unknown as Record<string, Record<string, unknown>>;
    delete sc.policy.costDown;
    const r = validateScenario(sc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join()).toContain('policy.costDown');
  });
});

describe('firm counts, shocks and cross-field rules', () => {
  it.each([
    [[5], 'network.firmsPerTier', '2 to 6 tiers'],
    [[1, 2, 3, 4, 5, 6, 7], 'network.firmsPerTier', '2 to 6 tiers'],
    [[0, 2], 'network.firmsPerTier[0]', '1 to 200000'],
    [[1, 2.5], 'network.firmsPerTier[1]', 'whole number'],
    [[200000, 60000], 'network.firmsPerTier', 'at most 250000'],
    ['x', 'network.firmsPerTier', 'list'],
  ])('firmsPerTier %j is rejected (%s: %s)', (firms, path, text) => {
    const errs = errorsOf({ network: { firmsPerTier: firms } });
    expect(
      errs.some((e) => e.startsWith(`${path}:`) && e.includes(text)),
      errs.join('; '),
    ).toBe(true);
  });

  it('firmsPerTier of 2 and 6 tiers is accepted', () => {
    expect(errorsOf({ network: { firmsPerTier: [1, 1] } })).toEqual([]);
    expect(errorsOf({ network: { firmsPerTier: [1, 2, 3, 4, 5, 6] } })).toEqual([]);
  });

  it.each([
    [{ variable: 'oil', start: 0, duration: 1, size: 0.1 }, 'shocks[0].variable', 'energy'],
    [{ variable: 'energy', start: -1, duration: 1, size: 0.1 }, 'shocks[0].start', '0 to 50'],
    [{ variable: 'energy', start: 0, duration: 21, size: 0.1 }, 'shocks[0].duration', '0 to 20'],
    [{ variable: 'energy', start: 0, duration: 1, size: 5 }, 'shocks[0].size', '-0.9 to 3'],
  ])('shock %j is rejected at %s', (shock, path, text) => {
    const errs = errorsOf({ shocks: [shock] });
    expect(
      errs.some((e) => e.startsWith(`${path}:`) && e.includes(text)),
      errs.join('; '),
    ).toBe(true);
  });

  it('more than 20 shocks are rejected', () => {
    const s = { variable: 'energy', start: 0, duration: 1, size: 0.1 };
    expect(errorsOf({ shocks: Array(20).fill(s) })).toEqual([]);
    expect(errorsOf({ shocks: Array(21).fill(s) }).join()).toContain('at most 20');
  });

  it('betaMin above betaMax or marginMin above marginMax is rejected', () => {
    expect(errorsOf({ bargaining: { betaMin: 0.9, betaMax: 0.1 } }).join()).toContain('betaMin');
    expect(errorsOf({ bargaining: { marginMin: 0.3, marginMax: 0.1 } }).join()).toContain(
      'marginMin',
    );
  });
});

describe('presets and JSON', () => {
  it.each(PRESET_NAMES.map((n) => [n]))(
    'preset %s validates and patches only known keys',
    (name) => {
      const r = validateScenario(presetScenario(name));
      expect(r.ok, r.ok ? '' : r.errors.join('; ')).toBe(true);
    },
  );

  it('the four presets of the issues exist', () => {
    expect([...PRESET_NAMES].sort()).toEqual([
      'japan-2000s',
      'japan-2024',
      'large-firm-led',
      'layered',
    ]);
  });

  it('rounds per year must divide 4: 3 is an error naming the allowed values', () => {
    for (const ok of [1, 2, 4]) expect(errorsOf({ simulation: { roundsPerYear: ok } })).toEqual([]);
    const errs = errorsOf({ simulation: { roundsPerYear: 3 } });
    expect(errs).toEqual([
      'simulation.roundsPerYear: must be 1, 2 or 4 rounds a year (a divisor of 4, so that rounds fall in the same quarters every year)',
    ]);
  });

  it('policy events: a known lever with a value in its range; anything else is named', () => {
    const ok = { policyEvents: [{ start: 1.75, lever: 'laborCostAcceptance', value: 0.5 }] };
    expect(errorsOf(ok)).toEqual([]);
    const ban = {
      policyEvents: [{ start: 4, lever: 'belowCostBan', value: 1, label: '2026 act' }],
    };
    expect(errorsOf(ban)).toEqual([]);
    expect(
      errorsOf({ policyEvents: [{ start: 1, lever: 'reinvestShare', value: 0.5 }] })[0],
    ).toMatch(/^policyEvents\[0\]\.lever: must be one of costDown, /);
    expect(errorsOf({ policyEvents: [{ start: 1, lever: 'paymentDays', value: 400 }] })).toEqual([
      'policyEvents[0]: value must be within the range of its lever (0 or 1 for a switch)',
    ]);
    expect(errorsOf({ policyEvents: [{ start: 1, lever: 'belowCostBan', value: 0.5 }] })).toEqual([
      'policyEvents[0]: value must be within the range of its lever (0 or 1 for a switch)',
    ]);
    expect(errorsOf({ policyEvents: [{ start: 60, lever: 'costDown', value: 0 }] })).toEqual([
      'policyEvents[0].start: must be from 0 to 50 years',
    ]);
  });

  it('resolveScenario merges a partial scenario over the defaults, leaving the rest at default', () => {
    const r = resolveScenario({ policy: { costDown: 0.05 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.policy.costDown).toBe(0.05);
    for (const p of PARAMS)
      if (p.path !== 'policy.costDown') expect(getPath(r.scenario, p.path), p.path).toBe(p.default);
  });

  it.each(['default', ...PRESET_NAMES].map((n) => [n]))(
    'scenario %s round-trips through JSON',
    (name) => {
      const sc: Scenario = name === 'default' ? defaultScenario() : presetScenario(name);
      const back = JSON.parse(JSON.stringify(sc));
      expect(back).toEqual(sc);
      const r = validateScenario(back);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.scenario).toEqual(sc);
    },
  );

  it('a result carries its scenario, which round-trips and reproduces the result', () => {
    const sc = scenario({ years: 2, network: { firmsPerTier: [2, 4, 8] }, seed: 9 });
    const a = toJSON(simulate(sc));
    const text = JSON.stringify(a);
    const parsed = JSON.parse(text) as { scenario: unknown };
    const r = validateScenario(parsed.scenario);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(JSON.parse(JSON.stringify(toJSON(simulate(r.scenario))))).toEqual(JSON.parse(text));
  });
});
