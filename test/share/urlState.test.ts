import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MODEL_VERSION,
  PRESET_NAMES,
  presetScenario,
  type Scenario,
} from '../../src/engine/index.ts';
import {
  CHART_IDS,
  FORMAT_VERSION,
  ISSUE_TEXT,
  RUNS_CHOICES,
  checkCode,
  decodeState,
  deepEqual,
  defaultState,
  diffFromPreset,
  encodePinned,
  encodeState,
  pinnedState,
  scenarioOf,
  stateOf,
  type AppState,
} from '../../src/share/urlState.ts';
import { embedUrl, iframeSnippet, shareUrl } from '../../src/share/embed.ts';
import { INDICATORS } from '../../src/engine/batch.ts';
import {
  AXIS_PARAMS,
  defaultSettings,
  type AxisSetting,
  type SensSettings,
} from '../../src/share/sensitivity.ts';
import { translate, type MessageKey } from '../../src/i18n/index.ts';
import { EVENT_LEVERS, PARAM_BY_PATH, type PolicyEvent } from '../../src/engine/params.ts';
import { scenarioArb as engineScenarioArb } from '../helpers/arbitraries.ts';

/** A policy event within its lever's range, with or without a label (commas, colons, % and Japanese too). */
const eventArb: fc.Arbitrary<PolicyEvent> = fc.constantFrom(...EVENT_LEVERS).chain((lever) => {
  const p = PARAM_BY_PATH.get(`policy.${lever}`)!;
  const value =
    p.kind === 'boolean'
      ? fc.constantFrom(0, 1)
      : fc.double({ min: p.min, max: p.max, noNaN: true }).map((x) => x + 0);
  return fc
    .record({
      start: fc.integer({ min: 0, max: 200 }).map((q) => q / 4),
      lever: fc.constant(lever),
      value,
      label: fc.option(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom('2023 guideline', '2026 act', 'a,b:c%2C', '2026年 改正下請法 (取適法)'),
        ),
        { nil: undefined },
      ),
    })
    .map((e) => {
      if (e.label === undefined) delete e.label;
      return e as PolicyEvent;
    });
});

/**
 * Scenarios over the whole parameter space as the app can hold them: rounds
 * per year 1, 2 or 4 (the engine's arbitrary also draws 3, which model 2
 * refuses) and a policy timeline of up to four events.
 */
const scenarioArb = () =>
  fc
    .tuple(engineScenarioArb(), fc.constantFrom(1, 2, 4), fc.array(eventArb, { maxLength: 4 }))
    .map(([sc, rounds, events]): Scenario => ({
      ...sc,
      simulation: { ...sc.simulation, roundsPerYear: rounds },
      policyEvents: events,
    }));

/** A hand-written query with its check code, as the app would write it. */
const sign = (q: string) => {
  const query = q.startsWith('?') ? q.slice(1) : q;
  return `?${query}&c=${checkCode(new URLSearchParams(query))}`;
};

const withPatch = (patchA: Record<string, unknown>, patchB: Record<string, unknown> = {}) => {
  const s = defaultState();
  s.a.patch = patchA;
  s.b.patch = patchB;
  return s;
};

describe('diffFromPreset', () => {
  it('is empty for the preset itself and holds only changed leaves', () => {
    for (const name of PRESET_NAMES) expect(diffFromPreset(presetScenario(name), name)).toEqual({});
    const sc = presetScenario('layered');
    sc.policy.costDown = 0.07;
    sc.network.firmsPerTier = [3, 18, 90];
    expect(diffFromPreset(sc, 'layered')).toEqual({
      policy: { costDown: 0.07 },
      network: { firmsPerTier: [3, 18, 90] },
    });
  });

  it('replaces arrays whole, including an emptied shock list', () => {
    const sc = presetScenario('japan-2024');
    sc.shocks = [];
    expect(diffFromPreset(sc, 'japan-2024')).toEqual({ shocks: [] });
    sc.shocks = [{ ...presetScenario('japan-2024').shocks[0], size: 0.5 }];
    expect(diffFromPreset(sc, 'japan-2024').shocks).toHaveLength(1);
  });

  it('merged back over its preset gives the scenario (random scenarios)', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.constantFrom(...PRESET_NAMES), (sc, preset) => {
        const st = stateOf(sc, preset);
        expect(deepEqual(scenarioOf(st), sc)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('encodeState', () => {
  it('writes the default state as version, language and the two presets only', () => {
    const q = encodeState(defaultState('ja'));
    expect(q).toBe(
      `v=3&model=${MODEL_VERSION}&lang=ja&a=large-firm-led&b=layered&c=${q.split('&c=')[1]}`,
    );
  });

  it('writes only what differs from the preset, in a readable form', () => {
    const s = withPatch(
      { policy: { costDown: 0.05, passThroughFloor: 0 /* = preset value */ } },
      { shocks: [{ variable: 'energy', start: 0, duration: 2, size: 0.4 }] },
    );
    s.mode = 'diff';
    s.charts = ['wage', 'burden'];
    expect(encodeState(s)).toBe(
      `v=3&model=${MODEL_VERSION}&lang=en&mode=diff&charts=wage,burden&a=large-firm-led&b=layered` +
        '&a.policy.costDown=0.05&b.shocks=energy:0:2:0.4&c=' +
        encodeState(s).split('&c=')[1],
    );
  });

  it('escapes what would change meaning in a query', () => {
    const q = encodeState(withPatch({ firms: { entryMargin: 1e-21 } }));
    expect(q).toContain('a.firms.entryMargin=1e-21');
    // "+" would read as a space: a typed or escaped plus sign is kept.
    expect(decodeState(sign('?v=3&a.years=1e%2B1')).state.a.patch).toEqual({ years: 10 });
  });
});

const axisArb: fc.Arbitrary<AxisSetting> = fc.constantFrom(...AXIS_PARAMS).chain((p) =>
  fc.record({
    path: fc.constant(p.path),
    from: fc.double({ min: p.min, max: p.max, noNaN: true }),
    to: fc.double({ min: p.min, max: p.max, noNaN: true }),
    steps: fc.integer({ min: 1, max: 50 }),
  }),
);

/** The page's settings: each one at its default or a random valid value. */
const sensArb: fc.Arbitrary<SensSettings> = fc.record({
  scenario: fc.constantFrom('A' as const, 'B' as const),
  indicator: fc.constantFrom(...INDICATORS.map((i) => i.id)),
  runs: fc.integer({ min: 1, max: 20 }),
  axes: fc.tuple(
    fc.oneof(fc.constant(defaultSettings().axes[0]), axisArb),
    fc.oneof(fc.constant(defaultSettings().axes[1]), axisArb),
  ),
});

const stateArb: fc.Arbitrary<AppState> = fc
  .record({
    a: scenarioArb(),
    b: scenarioArb(),
    pa: fc.constantFrom(...PRESET_NAMES),
    pb: fc.constantFrom(...PRESET_NAMES),
    charts: fc.subarray([...CHART_IDS]),
    mode: fc.constantFrom('ab' as const, 'diff' as const),
    view: fc.constantFrom(
      'compare' as const,
      'model' as const,
      'table' as const,
      'sensitivity' as const,
    ),
    embed: fc.option(fc.constantFrom(...CHART_IDS), { nil: null }),
    lang: fc.constantFrom('en' as const, 'ja' as const),
    runs: fc.constantFrom(...RUNS_CHOICES),
    sens: fc.oneof(fc.constant(defaultSettings()), sensArb),
    present: fc.option(fc.constantFrom(...CHART_IDS), { nil: null }),
  })
  .map(({ a, b, pa, pb, ...rest }) => ({
    ...rest,
    // An embed never presents; the app presents one of the charts it shows.
    present:
      rest.embed || rest.present === null
        ? null
        : rest.charts.length > 0 && !rest.charts.includes(rest.present)
          ? rest.charts[0]
          : rest.present,
    a: stateOf(a, pa),
    b: stateOf(b, pb),
  }));

describe('round trips', () => {
  it('random valid states: encode -> decode gives identical scenarios and options, no warnings', () => {
    fc.assert(
      fc.property(stateArb, (st) => {
        const out = decodeState(`https://example.org/app/?${encodeState(st)}`);
        expect(out.warnings).toEqual([]);
        expect(deepEqual(scenarioOf(out.state.a), scenarioOf(st.a))).toBe(true);
        expect(deepEqual(scenarioOf(out.state.b), scenarioOf(st.b))).toBe(true);
        expect(out.state.a.preset).toBe(st.a.preset);
        expect({ ...out.state, a: 0, b: 0 }).toEqual({ ...st, a: 0, b: 0 });
        // And the link is stable: encoding the decoded state gives the same link.
        expect(encodeState(out.state)).toBe(encodeState(st));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps -0, tiny and long decimals exactly', () => {
    const st = withPatch({ market: { demandGrowth: -0, finalMarkup: 0.1 + 0.2 } });
    const out = decodeState(encodeState(st));
    expect(Object.is(scenarioOf(out.state.a).market.demandGrowth, -0)).toBe(true);
    expect(scenarioOf(out.state.a).market.finalMarkup).toBe(0.30000000000000004);
  });

  it('pinned links give the same full scenarios over any preset, and need no preset values', () => {
    fc.assert(
      fc.property(stateArb, (st) => {
        const pinned = pinnedState(st);
        const q = encodePinned(pinned);
        const out = decodeState(q);
        expect(out.warnings).toEqual([]);
        expect(out.pinned).toEqual({ model: MODEL_VERSION });
        expect(deepEqual(scenarioOf(out.state.a), pinned.a.scenario)).toBe(true);
        expect(deepEqual(scenarioOf(out.state.b), pinned.b.scenario)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

describe('presenter mode in the link', () => {
  it('is left out when off and written as present=<chart> when on', () => {
    expect(encodeState(defaultState())).not.toMatch(/present=/);
    const q = encodeState({ ...defaultState(), present: 'investment' });
    expect(q).toMatch(/&present=investment&/);
    const out = decodeState(q);
    expect(out.state.present).toBe('investment');
    expect(out.warnings).toEqual([]);
  });

  it('an unknown chart is named, and presenter mode opens on the first chart', () => {
    const out = decodeState(sign('?v=3&present=nosuch'));
    expect(out.state.present).toBe('wage');
    expect(out.warnings).toHaveLength(1);
    expect(out.issues[0]).toMatchObject({ code: 'badOption', params: { name: 'present' } });
  });

  it('embeds never present: not written, and ignored when read', () => {
    const st = { ...defaultState(), embed: 'wage' as const, present: 'burden' as const };
    expect(encodeState(st)).not.toMatch(/present=/);
    expect(decodeState(sign('?v=3&embed=wage&present=burden')).state.present).toBeNull();
    expect(encodePinned(pinnedState(st))).not.toMatch(/present=/);
  });
});

describe('runs per scenario in the link', () => {
  it('is left out at 1 and written as runs=N otherwise', () => {
    expect(encodeState(defaultState())).not.toMatch(/runs=/);
    const q = encodeState({ ...defaultState(), runs: 30 });
    expect(q).toMatch(/&runs=30&/);
    const out = decodeState(q);
    expect(out.state.runs).toBe(30);
    expect(out.warnings).toEqual([]);
  });

  it('a count the app does not offer is ignored and named; 1 is kept', () => {
    const out = decodeState(sign('?v=3&runs=7'));
    expect(out.state.runs).toBe(1);
    expect(out.issues.map((i) => i.code)).toEqual(['badOption']);
    expect(out.warnings[0]).toBe('runs = "7" ignored (must be one of: 1, 10, 30, 100).');
  });

  it('pinned (embed) links keep the runs count, so that an embed draws the same bands', () => {
    const q = encodePinned(pinnedState({ ...defaultState(), runs: 100, embed: 'wage' }));
    expect(q).toMatch(/&runs=100&/);
    const out = decodeState(q);
    expect(out.state.runs).toBe(100);
    expect(out.issues).toEqual([]);
    const src = embedUrl('https://x.org/app/', { ...defaultState(), runs: 10 }, 'wage');
    expect(decodeState(src).state.runs).toBe(10);
    // One run stays out of the link, as in every link.
    const one = encodePinned(pinnedState({ ...defaultState(), embed: 'wage' }));
    expect(one).not.toMatch(/runs=/);
    expect(decodeState(one).state.runs).toBe(1);
  });
});

describe('the sensitivity page’s settings in the link', () => {
  const withSens = (sens: Partial<SensSettings>): AppState => ({
    ...defaultState(),
    view: 'sensitivity',
    sens: { ...defaultSettings(), ...sens },
  });
  const X = 'policy.costDown:0:0.05:6';

  it('are left out at their defaults: a link only names the page', () => {
    const q = encodeState(withSens({}));
    expect(q).not.toMatch(/sens\./);
    expect(q.startsWith(`v=3&model=${MODEL_VERSION}&lang=en&view=sensitivity&a=`)).toBe(true);
    const out = decodeState(q);
    expect(out.warnings).toEqual([]);
    expect(out.state.sens).toEqual(defaultSettings());
    // A changed axis is written alone; the other settings stay out.
    const one = encodeState(
      withSens({ axes: [{ ...defaultSettings().axes[0], steps: 2 }, defaultSettings().axes[1]] }),
    );
    expect(one.match(/sens\.[a-z]+/g)).toEqual(['sens.x']);
  });

  it('are written in short readable keys and read back exactly', () => {
    const sens: SensSettings = {
      scenario: 'B',
      indicator: 'wageGap',
      runs: 10,
      axes: [
        { path: 'policy.costDown', from: 0, to: 0.08, steps: 4 },
        { path: 'labor.laborForceGrowth', from: -0.015, to: 0.005, steps: 2 },
      ],
    };
    const q = encodeState(withSens(sens));
    expect(q).toContain(
      '&sens.from=B&sens.indicator=wageGap&sens.runs=10' +
        '&sens.x=policy.costDown:0:0.08:4&sens.y=labor.laborForceGrowth:-0.015:0.005:2&a=',
    );
    const out = decodeState(`https://example.org/app/?${q}`);
    expect(out.warnings).toEqual([]);
    expect(out.state.view).toBe('sensitivity');
    expect(out.state.sens).toEqual(sens);
    expect(encodeState(out.state)).toBe(q);
  });

  it('random settings round-trip without notices', () => {
    fc.assert(
      fc.property(sensArb, (sens) => {
        const out = decodeState(encodeState(withSens(sens)));
        expect(out.warnings).toEqual([]);
        expect(out.state.sens).toEqual(sens);
      }),
      { numRuns: 200 },
    );
  });

  it('are covered by the check code', () => {
    const q = encodeState(withSens({ runs: 10 }));
    const out = decodeState(q.replace('sens.runs=10', 'sens.runs=11'));
    expect(out.state.sens.runs).toBe(11);
    expect(out.warnings).toEqual([ISSUE_TEXT.badCheck]);
  });

  it('a value the page would not accept (a field being edited) is left out, not written', () => {
    const q = encodeState(
      withSens({
        runs: 0,
        indicator: 'nope',
        axes: [
          { path: 'policy.costDown', from: NaN, to: 0.05, steps: 6 },
          { path: 'policy.passThroughFloor', from: 0, to: 1, steps: 2 },
        ],
      }),
    );
    expect(q.match(/sens\.[a-z]+=[^&]*/g)).toEqual(['sens.y=policy.passThroughFloor:0:1:2']);
    expect(decodeState(q).warnings).toEqual([]);
  });

  it('a link without them (an older link) opens the page with its defaults', () => {
    const out = decodeState(sign('?v=3&view=sensitivity'));
    expect(out.warnings).toEqual([]);
    expect(out.state.view).toBe('sensitivity');
    expect(out.state.sens).toEqual(defaultSettings());
  });

  it('each bad value is ignored and named; the good ones are kept', () => {
    const cases: [string, string, string][] = [
      ['sens.from=C', 'badOption', 'sens.from = "C" ignored (must be one of: A, B).'],
      [
        'sens.indicator=wages',
        'badOption',
        `sens.indicator = "wages" ignored (must be one of: ${INDICATORS.map((i) => i.id).join(', ')}).`,
      ],
      ['sens.runs=0', 'badCount', 'sens.runs = "0" ignored (must be a whole number from 1 to 20).'],
      [
        'sens.runs=21',
        'badCount',
        'sens.runs = "21" ignored (must be a whole number from 1 to 20).',
      ],
      [
        'sens.runs=2.5',
        'badCount',
        'sens.runs = "2.5" ignored (must be a whole number from 1 to 20).',
      ],
      [
        'sens.runs=ten',
        'badCount',
        'sens.runs = "ten" ignored (must be a whole number from 1 to 20).',
      ],
      [
        'sens.x=policy.magic:0:1:3',
        'axisParameter',
        'sens.x = "policy.magic:0:1:3" ignored ("policy.magic" is not a parameter).',
      ],
      [
        'sens.y=policy.belowCostBan:0:1:2',
        'axisNotNumeric',
        'sens.y = "policy.belowCostBan:0:1:2" ignored ("policy.belowCostBan" is not a number the heat map can vary).',
      ],
      [
        'sens.x=seed:1:5:3',
        'axisNotNumeric',
        'sens.x = "seed:1:5:3" ignored ("seed" is not a number the heat map can vary).',
      ],
      [
        'sens.x=policy.costDown:0:0.05',
        'axisForm',
        `sens.x = "policy.costDown:0:0.05" ignored (must be parameter:from:to:steps, e.g. ${X}).`,
      ],
      [
        'sens.y=policy.costDown:low:0.05:3',
        'axisForm',
        `sens.y = "policy.costDown:low:0.05:3" ignored (must be parameter:from:to:steps, e.g. ${X}).`,
      ],
      ['sens.x=', 'axisForm', `sens.x = "" ignored (must be parameter:from:to:steps, e.g. ${X}).`],
      [
        'sens.x=policy.costDown:0:7:3',
        'axisRange',
        'sens.x = "policy.costDown:0:7:3" ignored (its ends must be from 0 to 0.1).',
      ],
      [
        'sens.x=policy.costDown:0:0.05:0',
        'axisSteps',
        'sens.x = "policy.costDown:0:0.05:0" ignored (its steps must be a whole number from 1 to 50).',
      ],
      [
        'sens.y=policy.costDown:0:0.05:2.5',
        'axisSteps',
        'sens.y = "policy.costDown:0:0.05:2.5" ignored (its steps must be a whole number from 1 to 50).',
      ],
      ['sens.zoom=2', 'unknownParameter', 'Unknown link parameter "sens.zoom" ignored.'],
    ];
    // Beside a good setting of every kind (when not the one damaged).
    const good = [
      'sens.from=B',
      'sens.indicator=wageGap',
      'sens.runs=3',
      `sens.x=${X.replace(':6', ':2')}`,
      'sens.y=firms.entryRate:0:0.1:2',
    ];
    for (const [bad, code, text] of cases) {
      const key = bad.slice(0, bad.indexOf('='));
      const others = good.filter((g) => !g.startsWith(`${key}=`));
      const out = decodeState(sign(`?v=3&view=sensitivity&${[...others, bad].join('&')}`));
      expect(
        out.issues.map((i) => i.code),
        bad,
      ).toEqual([code]);
      expect(out.warnings, bad).toEqual([text]);
      const def = defaultSettings();
      const want: SensSettings = {
        scenario: key === 'sens.from' ? def.scenario : 'B',
        indicator: key === 'sens.indicator' ? def.indicator : 'wageGap',
        runs: key === 'sens.runs' ? def.runs : 3,
        axes: [
          key === 'sens.x' ? def.axes[0] : { path: 'policy.costDown', from: 0, to: 0.05, steps: 2 },
          key === 'sens.y' ? def.axes[1] : { path: 'firms.entryRate', from: 0, to: 0.1, steps: 2 },
        ],
      };
      expect(out.state.sens, bad).toEqual(want);
      expect(out.state.view).toBe('sensitivity');
      // Said in Japanese too, every placeholder filled.
      const ja = translate('ja', `share.issue.${code}` as MessageKey, out.issues[0].params);
      expect(ja, bad).not.toMatch(/\{\{|ignored/);
      expect(ja, bad).toContain('無視しました');
    }
  });

  it('embeds are unaffected: a pinned link holds none of them', () => {
    const st = withSens({ scenario: 'B', runs: 10 });
    const q = encodePinned(pinnedState({ ...st, view: 'compare', embed: 'wage' }));
    expect(q).not.toMatch(/sens\./);
    expect(decodeState(q).warnings).toEqual([]);
  });
});

describe('decodeState with damaged or tampered links', () => {
  const def = defaultState();
  const isDefault = (st: AppState) => expect(st).toEqual(def);

  it.each([
    ['garbage', '%%%&&&==?#'],
    ['random text', 'hello world'],
    ['not a string', 42 as unknown as string],
    ['empty', ''],
  ])('%s: default state', (_, url) => {
    isDefault(decodeState(url).state);
  });

  it('an unknown parameter and a wrong-type value are named; the rest is kept', () => {
    const out = decodeState(
      sign('?v=3&lang=en&a=layered&b=layered&zzz=1&a.policy.costDown=abc&a.seed=7'),
    );
    expect(out.state.a.patch).toEqual({ seed: 7 });
    expect(out.warnings).toEqual([
      'Unknown link parameter "zzz" ignored.',
      'scenario A: policy.costDown = "abc" ignored (not a number).',
    ]);
  });

  it('out-of-range values are ignored with the allowed range', () => {
    const out = decodeState(
      sign('?v=3&a.policy.costDown=7&b.policy.belowCostBan=maybe&b.years=2.5'),
    );
    expect(out.warnings).toEqual([
      'scenario A: policy.costDown = 7 ignored (must be from 0 to 0.1).',
      'scenario B: policy.belowCostBan = "maybe" ignored (must be true or false).',
      'scenario B: years = 2.5 ignored (must be a whole number).',
    ]);
    expect(out.state.a).toEqual(def.a);
    expect(out.state.b).toEqual(def.b);
  });

  it('unknown presets and settings fall back and are named', () => {
    const out = decodeState(sign('?v=3&a=pyramid&a.policy.costDown=0.05&b.policy.magic=1'));
    expect(out.state.a).toEqual({
      preset: 'large-firm-led',
      patch: { policy: { costDown: 0.05 } },
    });
    expect(out.warnings).toEqual([
      'scenario B: unknown setting "policy.magic" ignored.',
      'scenario A: preset "pyramid" does not exist; "large-firm-led" is used instead.',
    ]);
  });

  it('cross-field settings are accepted in any order; an impossible pair is named', () => {
    const ok = decodeState(sign('?v=3&a.bargaining.betaMin=0.95&a.bargaining.betaMax=0.99'));
    expect(ok.warnings).toEqual([]);
    expect(scenarioOf(ok.state.a).bargaining.betaMin).toBe(0.95);
    const bad = decodeState(sign('?v=3&a.bargaining.betaMin=0.95'));
    expect(bad.state.a.patch).toEqual({});
    expect(bad.warnings[0]).toMatch(
      /^scenario A: bargaining.betaMin = 0.95 ignored \(.*betaMin must not exceed betaMax/,
    );
  });

  it('bad arrays are named, good ones kept', () => {
    const out = decodeState(sign('?v=3&a.shocks=energy:0:2&b.network.firmsPerTier=3,x&b.shocks='));
    expect(out.warnings).toHaveLength(2);
    expect(out.warnings[0]).toMatch(
      /^scenario A: shocks = energy:0:2 ignored \(each shock must be/,
    );
    expect(out.warnings[1]).toMatch(/^scenario B: network.firmsPerTier = 3,x ignored/);
    const tooMany = decodeState(sign('?v=3&a.network.firmsPerTier=1,1,1,1,1,1,1'));
    expect(tooMany.warnings[0]).toMatch(/must list 2 to 6 tiers/);
  });

  it('a truncated link keeps what came before the cut, and says it was cut', () => {
    const full = encodeState(withPatch({ policy: { costDown: 0.05, subsidy: 0.25 } }));
    const cut = full.slice(0, full.indexOf('&c=') - 2); // "...subsidy=0."
    const out = decodeState(cut);
    expect(out.state.a.patch).toEqual({ policy: { costDown: 0.05 } });
    expect(out.issues.map((i) => i.code)).toEqual(['noCheck']);
    const cut2 = full.slice(0, full.indexOf('subsidy') + 4);
    const out2 = decodeState(cut2);
    expect(out2.state.a.patch).toEqual({ policy: { costDown: 0.05 } });
    expect(out2.warnings).toEqual([
      ISSUE_TEXT.noCheck,
      'scenario A: unknown setting "policy.subs" ignored.',
    ]);
  });

  it('an edited value is read but the broken check code is reported', () => {
    const full = encodeState(withPatch({ policy: { costDown: 0.05 } }));
    const out = decodeState(full.replace('costDown=0.05', 'costDown=0.06'));
    expect(out.state.a.patch).toEqual({ policy: { costDown: 0.06 } });
    expect(out.warnings).toEqual([ISSUE_TEXT.badCheck]);
    expect(decodeState(full).warnings).toEqual([]);
  });

  it('wrong, newer or missing versions', () => {
    const newer = decodeState('?v=9&a.policy.costDown=0.05');
    isDefault(newer.state);
    expect(newer.warnings[0]).toContain('newer version');
    const wrong = decodeState('?v=two&a.policy.costDown=0.05');
    isDefault(wrong.state);
    expect(wrong.warnings).toEqual([
      'The link\'s format version "two" is not one this app knows; the default view is shown.',
    ]);
    const none = decodeState('?a.policy.costDown=0.05');
    expect(none.state.a.patch).toEqual({ policy: { costDown: 0.05 } });
    expect(none.warnings).toEqual([
      `The link has no format version; it was read as version ${FORMAT_VERSION}.`,
    ]);
  });

  it('bad view options are named and left at their defaults', () => {
    const out = decodeState(sign('?v=3&lang=fr&view=slides&mode=both&charts=wage,pie&embed=pie'));
    expect(out.state.lang).toBe('en');
    expect(out.state.view).toBe('compare');
    expect(out.state.mode).toBe('ab');
    expect(out.state.charts).toEqual(['wage']);
    expect(out.state.embed).toBe(null);
    expect(out.issues.map((i) => i.code)).toEqual([
      'badOption',
      'badOption',
      'badOption',
      'badOption',
      'badOption',
    ]);
    expect(out.warnings[0]).toBe('lang = "fr" ignored (must be one of: en, ja).');
  });

  it('uses the browser language when the link has none, and duplicates say so', () => {
    expect(decodeState('', { lang: 'ja' }).state.lang).toBe('ja');
    const out = decodeState(sign('?v=3&a.seed=3&a.seed=4'));
    expect(out.state.a.patch).toEqual({ seed: 4 });
    expect(out.warnings).toEqual(['"a.seed" appears more than once; the last value is used.']);
  });

  it('every issue text is filled: no placeholder left', () => {
    const out = decodeState(sign('?v=3&x=1&a=q&a.policy.costDown=9&a.years=x&a.seed=0.5&lang=de'));
    for (const w of out.warnings) expect(w).not.toMatch(/\{\{/);
    expect(Object.keys(ISSUE_TEXT)).toContain('migrated');
  });
});

describe('migration from version 1', () => {
  it('renames policy.passThrough, mode "both" and reads the page from the hash', () => {
    const out = decodeState(
      'https://x.org/?v=1&mode=both&a=layered&a.policy.passThrough=0.8#model',
    );
    expect(out.state.a).toEqual({
      preset: 'layered',
      patch: { policy: { passThroughFloor: 0.8 } },
    });
    expect(out.state.mode).toBe('ab');
    expect(out.state.view).toBe('model');
    expect(out.issues.map((i) => i.code)).toEqual(['migrated', 'modelChanged']);
    expect(out.warnings[0]).toBe(
      'The link was made by an older version of this app (format 1) and was updated.',
    );
  });

  it('a setting given under its old and its new name: the new one wins, and the notice says so', () => {
    for (const q of [
      '?v=1&a.policy.passThrough=0.8&a.policy.passThroughFloor=0.3',
      '?v=1&a.policy.passThroughFloor=0.3&a.policy.passThrough=0.8',
    ]) {
      const out = decodeState(`https://x.org/${q}`);
      expect(out.state.a.patch).toEqual({ policy: { passThroughFloor: 0.3 } });
      const notice = out.issues.find((i) => i.code === 'renamedBoth');
      expect(notice?.text).toBe(
        'The link gives the same setting under its old name (a.policy.passThrough = "0.8") and its new one (a.policy.passThroughFloor = "0.3"): the new name\'s value is used.',
      );
    }
  });

  it('a version-2 link does not get the version-1 renames', () => {
    const out = decodeState(sign('?v=2&a.policy.passThrough=0.8&mode=both'));
    expect(out.state.a.patch).toEqual({});
    expect(out.state.mode).toBe('ab');
    expect(out.issues.map((i) => i.code)).toEqual([
      'migrated',
      'badOption',
      'unknownSetting',
      'modelChanged',
    ]);
  });
});

describe('links of model 1 (format 2) and the change of model', () => {
  const modelText = (made: string) =>
    `This link was made with model version ${made}. The model has changed since (this is version ${MODEL_VERSION}): the figures shown now come from the new model and differ from those the link showed.`;

  it('a format-2 link (model 1, which links did not name) says that its figures now differ', () => {
    const out = decodeState(sign('?v=2&lang=ja&a=layered&b=japan-2024&a.policy.costDown=0.02'));
    expect(out.model).toBe('1.x');
    expect(out.issues.map((i) => i.code)).toEqual(['migrated', 'modelChanged']);
    expect(out.warnings[1]).toBe(modelText('1.x'));
    // Everything else is read as before.
    expect(out.state.lang).toBe('ja');
    expect(out.state.a).toEqual({ preset: 'layered', patch: { policy: { costDown: 0.02 } } });
    expect(out.state.b).toEqual({ preset: 'japan-2024', patch: {} });
    // In Japanese, every placeholder filled.
    const ja = translate('ja', 'share.issue.modelChanged', out.issues[1].params);
    expect(ja).toContain('1.x');
    expect(ja).toContain(MODEL_VERSION);
    expect(ja).toContain('新しいモデル');
    expect(ja).not.toMatch(/\{\{|[a-z]{4}/);
  });

  it('a link that names another model version says so (an older major one: its figures differ; another minor one: they may differ); the current one does not', () => {
    const out = decodeState(sign('?v=3&model=1.0.0&a.policy.costDown=0.02'));
    expect(out.issues.map((i) => i.code)).toEqual(['modelChanged']);
    expect(out.warnings).toEqual([modelText('1.0.0')]);
    expect(out.state.a.patch).toEqual({ policy: { costDown: 0.02 } });
    expect(decodeState(encodeState(defaultState())).issues).toEqual([]);
    expect(decodeState(encodeState(defaultState())).model).toBe(MODEL_VERSION);
    // Another minor version of the same model: its figures may differ somewhat, and it says so.
    const minor = decodeState(sign('?v=3&model=2.0.0'));
    expect(minor.issues.map((i) => i.code)).toEqual(['modelUpdated']);
    expect(minor.warnings[0]).toBe(
      `This link was made with model version 2.0.0; this is version ${MODEL_VERSION}, whose figures may differ somewhat from those the link showed.`,
    );
    const newer = decodeState(sign('?v=3&model=3.0.0'));
    expect(newer.issues.map((i) => i.code)).toEqual(['modelNewer']);
  });

  it('a pinned link of model 1 says that its figures now differ, instead of "may differ"', () => {
    const pinned = (v: string, pin: string) =>
      sign(
        encodePinned(pinnedState({ ...defaultState(), embed: 'wage' }))
          .replace(/^v=3/, `v=${v}`)
          .replace(/pin=[^&]*/, `pin=${pin}`)
          .replace(/&c=.*$/, ''),
      );
    const old = decodeState(pinned('2', '1.0.0'));
    expect(old.pinned).toEqual({ model: '1.0.0' });
    expect(old.issues.map((i) => i.code)).toEqual(['migrated', 'modelChanged']);
    expect(old.warnings[1]).toBe(modelText('1.0.0'));
    const minor = decodeState(pinned('3', '2.0.1'));
    expect(minor.issues.map((i) => i.code)).toEqual(['pinnedModel']);
    expect(decodeState(pinned('3', '3.1.0')).issues.map((i) => i.code)).toEqual(['modelNewer']);
  });

  it('firms.reinvestShare (gone in model 2) is ignored with a notice; nothing else is lost', () => {
    const out = decodeState(
      sign(
        '?v=2&a=layered&a.firms.reinvestShare=0.4&a.policy.costDown=0.03&b.firms.reinvestShare=0.5&b.seed=9',
      ),
    );
    expect(out.state.a.patch).toEqual({ policy: { costDown: 0.03 } });
    expect(out.state.b.patch).toEqual({ seed: 9 });
    const removed = out.issues.filter((i) => i.code === 'removedSetting');
    expect(removed.map((i) => i.text)).toEqual([
      `scenario A: "firms.reinvestShare" is not a setting of model version ${MODEL_VERSION}; it was ignored.`,
      `scenario B: "firms.reinvestShare" is not a setting of model version ${MODEL_VERSION}; it was ignored.`,
    ]);
    const ja = translate('ja', 'share.issue.removedSetting', removed[0].params);
    expect(ja).toBe(
      `シナリオA：「firms.reinvestShare」はモデルのバージョン${MODEL_VERSION}にはない設定のため、無視しました。`,
    );
  });

  it('3 negotiation rounds a year (allowed by model 1) are ignored with the reason', () => {
    const out = decodeState(sign('?v=2&a.simulation.roundsPerYear=3&a.seed=5'));
    expect(out.state.a.patch).toEqual({ seed: 5 });
    const bad = out.issues.find((i) => i.code === 'invalidValue');
    expect(bad?.text).toMatch(/roundsPerYear = 3 ignored \(must be 1, 2 or 4 rounds a year/);
  });
});

describe('policy events (the policy timeline) in the link', () => {
  it("a preset's own events stay out of the link and still apply", () => {
    const st = { ...defaultState(), b: { preset: 'japan-2024', patch: {} } };
    const q = encodeState(st);
    expect(q).not.toMatch(/policyEvents/);
    const out = decodeState(q);
    expect(scenarioOf(out.state.b).policyEvents).toEqual(presetScenario('japan-2024').policyEvents);
    expect(scenarioOf(out.state.b).policyEvents.map((e) => e.label)).toContain('2026 act');
  });

  it('changed events are written readably and read back exactly, labels included', () => {
    const sc = presetScenario('japan-2024');
    sc.policyEvents = [
      { start: 4, lever: 'dutyToRespond', value: 1, label: '2026 act' },
      { start: 2.5, lever: 'belowCostBan', value: 1 },
      { start: 1, lever: 'subsidy', value: 0.25, label: 'a,b:c%2C 改正' },
    ];
    const st = { ...defaultState(), b: stateOf(sc, 'japan-2024') };
    const q = encodeState(st);
    expect(q).toContain(
      '&b.policyEvents=4:dutyToRespond:1:2026%20act,2.5:belowCostBan:1,1:subsidy:0.25:a%252Cb%253Ac%25252C%20',
    );
    const out = decodeState(`https://x.org/app/?${q}`);
    expect(out.issues).toEqual([]);
    expect(scenarioOf(out.state.b).policyEvents).toEqual(sc.policyEvents);
    // An emptied timeline is kept empty (not the preset's).
    sc.policyEvents = [];
    const empty = encodeState({ ...defaultState(), b: stateOf(sc, 'japan-2024') });
    expect(empty).toContain('&b.policyEvents=&');
    expect(scenarioOf(decodeState(empty).state.b).policyEvents).toEqual([]);
  });

  it('pinned links hold the events', () => {
    const st = {
      ...defaultState(),
      b: { preset: 'japan-2024', patch: {} },
      embed: 'wage' as const,
    };
    const q = encodePinned(pinnedState(st));
    expect(q).toMatch(/&b\.policyEvents=1\.75:laborCostAcceptance:[\d.]+:2023%20guideline,/);
    expect(q).toContain('a.policyEvents=&');
    const out = decodeState(q);
    expect(out.issues).toEqual([]);
    expect(scenarioOf(out.state.b).policyEvents).toEqual(presetScenario('japan-2024').policyEvents);
  });

  it('a damaged event list is ignored as a whole and named; the rest is kept', () => {
    for (const text of [
      '4:magic:1',
      '4:subsidy',
      'x:subsidy:0.1',
      '4:subsidy:0.1:a:b',
      '4:subsidy:9',
      '99:subsidy:0.1',
    ]) {
      const out = decodeState(sign(`?v=3&a.policyEvents=${text}&a.seed=4`));
      expect(out.state.a.patch, text).toEqual({ seed: 4 });
      expect(
        out.issues.map((i) => i.code),
        text,
      ).toEqual(['invalidValue']);
      expect(out.issues[0].params.path).toBe('policyEvents');
    }
  });
});

describe('pinned embeds', () => {
  it('pins full scenarios: a later preset change would not move them', () => {
    const st = withPatch({ policy: { costDown: 0.05 } });
    const q = encodePinned(pinnedState({ ...st, embed: 'wage' }));
    expect(q).toContain('pin=' + MODEL_VERSION);
    expect(q).toContain('embed=wage');
    // Every market setting is written, including those equal to the preset.
    expect(q).toContain('a.market.valueOrientation=0.1');
    expect(q).toContain('b.market.valueOrientation=0.7');
    // Simulate a link from a version without one of today's settings.
    const older = sign(q.replace(/&a\.firms\.entryRate=[^&]*/, '').replace(/&c=.*$/, ''));
    const out = decodeState(older);
    expect(out.warnings).toEqual([
      'scenario A: the pinned link lacks firms.entryRate; the current defaults are used for them.',
    ]);
    const sc: Scenario = scenarioOf(out.state.a);
    expect(sc.policy.costDown).toBe(0.05);
  });

  it('names a different model version', () => {
    const q = sign(
      encodePinned(pinnedState(defaultState()))
        .replace(/pin=[^&]*/, 'pin=2.0.1')
        .replace(/&c=.*$/, ''),
    );
    expect(decodeState(q).warnings).toEqual([
      `This chart was pinned with model version 2.0.1; this is version ${MODEL_VERSION}, so results may differ.`,
    ]);
  });

  it('embed URLs and the iframe snippet', () => {
    const st = defaultState();
    expect(shareUrl('https://x.org/app/?old=1#model', st)).toBe(
      `https://x.org/app/?${encodeState(st)}`,
    );
    expect(encodeState(st)).toMatch(
      new RegExp(
        `^v=3&model=${MODEL_VERSION.replace(/\./g, '\\.')}&lang=en&a=large-firm-led&b=layered&c=\\w+$`,
      ),
    );
    const src = embedUrl('https://x.org/app/', st, 'burden');
    expect(decodeState(src).state.embed).toBe('burden');
    const html = iframeSnippet(src, { title: 'Who bears "cost-ups"' });
    expect(html).toMatch(/^<iframe src="https:\/\/x\.org\/app\/\?v=3&amp;pin=/);
    expect(html).toContain('title="Who bears &quot;cost-ups&quot;"');
  });
});

describe('charts and presenter mode in a link', () => {
  it('charts= naming no chart this app has: every chart, with a notice (each bad name told too)', () => {
    const out = decodeState(sign('?v=3&charts=foo,bar'));
    expect(out.state.charts).toEqual([...CHART_IDS]);
    expect(out.issues.map((i) => i.code)).toEqual(['badOption', 'badOption', 'chartsNone']);
    expect(out.warnings.at(-1)).toBe(
      'charts = "foo,bar" names no chart this app has, so every chart is shown.',
    );
  });

  it('an empty charts= is a choice (every chart hidden), not damage', () => {
    const out = decodeState(sign('?v=3&charts='));
    expect(out.state.charts).toEqual([]);
    expect(out.issues).toEqual([]);
  });

  it('present= a chart the link does not show: named, and presenter mode opens on the first one shown', () => {
    const out = decodeState(sign('?v=3&charts=wage,burden&present=investment'));
    expect(out.state.present).toBe('wage');
    const notice = out.issues.find((i) => i.code === 'presentHidden');
    expect(notice?.text).toBe(
      'present = "investment": the link does not show that chart, so presenter mode opens on "wage".',
    );
    expect(decodeState(sign('?v=3&charts=wage,burden&present=burden')).issues).toEqual([]);
  });
});
