import { describe, expect, it } from 'vitest';
import { MODEL_VERSION, presetScenario } from '../../src/engine/index.ts';
import {
  ASIDE_PREFIX,
  FILE_FORMAT,
  MemoryStorage,
  SAVED_PREFIX,
  ScenarioStore,
  browserStorage,
  exportScenarioFile,
  isQuotaError,
  parseScenarioText,
  scenarioFileName,
  type StorageMessage,
} from '../../src/share/storage.ts';

/** The English texts (for logs) of a result's messages. */
const texts = (ms: readonly StorageMessage[] | false) => (ms ? ms.map((m) => m.text) : ms);

const clock = () => {
  let t = Date.UTC(2026, 0, 1);
  return () => new Date((t += 1000));
};

function store() {
  return new ScenarioStore(new MemoryStorage(), clock());
}

describe('ScenarioStore', () => {
  it('saves, lists (sorted), renames and deletes; entries survive a new store on the same storage', () => {
    const s = store();
    const sc = presetScenario('layered');
    sc.policy.subsidy = 0.2;
    expect(s.save('Layered + subsidy', 'layered', sc).ok).toBe(true);
    expect(s.save('  Alpha ', 'large-firm-led', presetScenario('large-firm-led')).ok).toBe(true);
    const again = new ScenarioStore(s.storage);
    const { entries, setAside } = again.list();
    expect(setAside).toEqual([]);
    expect(entries.map((e) => e.name)).toEqual(['Alpha', 'Layered + subsidy']);
    expect(entries[1].scenario).toEqual(sc);
    expect(entries[1].modelVersion).toBe(MODEL_VERSION);

    expect(s.rename('Alpha', 'Layered + subsidy')).toEqual({
      ok: false,
      error: {
        code: 'exists',
        params: { name: 'Layered + subsidy' },
        text: 'a scenario named "Layered + subsidy" exists already',
      },
    });
    expect(s.rename('Alpha', 'Beta').ok).toBe(true);
    expect(s.get('Alpha')).toBe(null);
    expect(s.get('Beta')?.preset).toBe('large-firm-led');
    expect(s.delete('Beta')).toBe(true);
    expect(s.delete('Beta')).toBe(false);
    expect(s.list().entries.map((e) => e.name)).toEqual(['Layered + subsidy']);
  });

  it('refuses empty or duplicate names unless overwriting, invalid scenarios and unknown presets', () => {
    const s = store();
    const sc = presetScenario('layered');
    expect(s.save('  ', 'layered', sc)).toEqual({
      ok: false,
      error: { code: 'nameEmpty', params: {}, text: 'the name is empty' },
    });
    expect(s.save('x'.repeat(81), 'layered', sc).ok).toBe(false);
    expect(s.save('A', 'layered', sc).ok).toBe(true);
    expect(s.save('A', 'layered', sc).ok).toBe(false);
    expect(s.save('A', 'layered', sc, { overwrite: true }).ok).toBe(true);
    const bad = { ...sc, policy: { ...sc.policy, costDown: 7 } };
    const r = s.save('B', 'layered', bad);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('invalidScenario');
    expect(!r.ok && r.error.text).toContain('policy.costDown: must be from 0 to 0.1');
    const noPreset = s.save('C', 'nope', sc);
    expect(!noPreset.ok && noPreset.error).toMatchObject({
      code: 'noPreset',
      params: { preset: 'nope' },
      text: 'preset "nope" does not exist',
    });
  });

  it('moves damaged entries aside and reports them, never deleting them', () => {
    const s = store();
    s.save('Good', 'layered', presetScenario('layered'));
    s.storage.setItem(SAVED_PREFIX + 'Broken', '{"format": "supply-chain');
    const invalid = JSON.parse(s.storage.getItem(SAVED_PREFIX + 'Good')!);
    invalid.scenario.years = 'twenty';
    s.storage.setItem(SAVED_PREFIX + 'Invalid', JSON.stringify(invalid));
    s.storage.setItem('other-app-key', 'not ours');

    const { entries, setAside } = s.list();
    expect(entries.map((e) => e.name)).toEqual(['Good']);
    expect(setAside.map((x) => x.from)).toEqual([
      SAVED_PREFIX + 'Broken',
      SAVED_PREFIX + 'Invalid',
    ]);
    expect(setAside[0].reason).toMatch(/^not a JSON file/);
    expect(setAside[1].reason).toBe('scenario: years: must be a number from 1 to 50 (years)');
    expect(setAside.map((x) => x.reasons.map((m) => m.code))).toEqual([
      ['notJsonAt'],
      ['scenario'],
    ]);
    // The reasons are kept with the entry, for the UI to tell in either language later.
    expect(s.setAside().map((x) => x.reasons)).toEqual(setAside.map((x) => x.reasons));
    expect(setAside[0].raw).toBe('{"format": "supply-chain');
    // Moved, not wiped: the raw text is under the aside key, the original key is free.
    expect(s.storage.getItem(SAVED_PREFIX + 'Broken')).toBe(null);
    expect(s.setAside().map((x) => x.raw)).toEqual(setAside.map((x) => x.raw));
    expect(s.storage.getItem('other-app-key')).toBe('not ours');
    // A second listing is clean and reports nothing new.
    expect(s.list().setAside).toEqual([]);
    expect(s.discardSetAside(setAside[0].key)).toBe(true);
    expect(s.discardSetAside(SAVED_PREFIX + 'Good')).toBe(false);
    expect(s.setAside()).toHaveLength(1);
    expect(setAside[0].key.startsWith(ASIDE_PREFIX)).toBe(true);
  });

  it('reports a full storage instead of throwing', () => {
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const r = new ScenarioStore(full).save('A', 'layered', presetScenario('layered'));
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'refused',
        params: { detail: 'Error: QuotaExceededError' },
        text: 'the browser refused to store it (Error: QuotaExceededError)',
      },
    });
  });
});

describe('scenario files', () => {
  const entry = () => ({
    name: 'Workshop 1',
    preset: 'layered',
    scenario: presetScenario('layered'),
    savedAt: '2026-01-01T00:00:00.000Z',
    modelVersion: MODEL_VERSION,
  });

  it('export then import gives the same scenario', () => {
    const text = exportScenarioFile(entry(), new Date(Date.UTC(2026, 1, 2)));
    const data = JSON.parse(text);
    expect(data.format).toBe(FILE_FORMAT);
    expect(data.modelVersion).toBe(MODEL_VERSION);
    const back = parseScenarioText(text);
    expect(back.ok && back.entry.scenario).toEqual(presetScenario('layered'));
    expect(back.ok && back.warnings).toEqual([]);
    const s = store();
    const imported = s.importText(text);
    expect(imported.ok).toBe(true);
    expect(s.list().entries[0].name).toBe('Workshop 1');
    // Importing twice needs a new name or an overwrite.
    const twice = s.importText(text);
    expect(twice.ok).toBe(false);
    expect(!twice.ok && texts(twice.errors)).toEqual([
      'a scenario named "Workshop 1" exists already',
    ]);
    expect(s.importText(text, { name: 'Workshop 1 (2)' }).ok).toBe(true);
  });

  it.each([
    ['not JSON', 'hello', /^not a JSON file/],
    ['a list', '[1,2]', /must hold a JSON object/],
    ['another format', '{"format":"x","formatVersion":1}', /format is "x"/],
    ['a future version', `{"format":"${FILE_FORMAT}","formatVersion":7}`, /formatVersion 7/],
    [
      'no scenario',
      `{"format":"${FILE_FORMAT}","formatVersion":1,"name":"a"}`,
      /^scenario: missing/,
    ],
  ])('%s: a clear error', (_, text, re) => {
    const r = parseScenarioText(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0].text).toMatch(re);
  });

  it('names every invalid field, with the engine messages', () => {
    const data = JSON.parse(exportScenarioFile(entry()));
    data.scenario.policy.costDown = 0.5;
    data.scenario.network.bogus = 1;
    data.name = '';
    const r = parseScenarioText(JSON.stringify(data));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((m) => m.code)).toEqual(['nameEmpty', 'scenario', 'scenario']);
    expect(!r.ok && texts(r.errors)).toEqual([
      'name: the name is empty',
      'scenario: policy.costDown: must be from 0 to 0.1 (share/year)',
      'scenario: network: unknown key "bogus"',
    ]);
  });

  it('reads a bare (CLI) scenario, an unknown preset and an older model with warnings', () => {
    const bare = parseScenarioText('{"policy":{"costDown":0.05}}', 'cli.json');
    expect(bare.ok && bare.entry.scenario.policy.costDown).toBe(0.05);
    expect(bare.ok && bare.entry.name).toBe('cli.json');
    expect(bare.ok && texts(bare.warnings)).toEqual([
      'no format marker: read as a bare scenario over the defaults',
    ]);
    const data = JSON.parse(exportScenarioFile(entry()));
    data.preset = 'gone';
    data.modelVersion = '0.1.0';
    delete data.scenario.firms.entryRate; // a setting added after that version
    const r = parseScenarioText(JSON.stringify(data));
    expect(r.ok && r.warnings.map((m) => m.code)).toEqual(['presetAsBase', 'modelChanged']);
    expect(r.ok && texts(r.warnings)).toEqual([
      'preset "gone" does not exist; "large-firm-led" is used as its base',
      `saved with model version 0.1.0; the model has changed since (this is version ${MODEL_VERSION}): its figures now come from the new model and differ`,
    ]);
    expect(r.ok && r.entry.scenario.firms.entryRate).toBe(0.02);
    // Another minor version of this model: results may differ.
    data.modelVersion = '2.0.1';
    const minor = parseScenarioText(JSON.stringify(data));
    expect(minor.ok && minor.warnings.map((m) => m.code)).toEqual(['presetAsBase', 'modelVersion']);
  });

  it('a scenario of model 1 (firms.reinvestShare, 3 rounds a year) opens with notes, nothing else lost', () => {
    const data = JSON.parse(exportScenarioFile(entry()));
    data.modelVersion = '1.0.0';
    data.scenario.firms.reinvestShare = 0.4;
    data.scenario.simulation.roundsPerYear = 3;
    data.scenario.policy.costDown = 0.045;
    delete data.scenario.policyEvents; // model 1 had none
    const text = JSON.stringify(data);
    const r = parseScenarioText(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((m) => m.code)).toEqual([
      'removedSetting',
      'roundsChanged',
      'modelChanged',
    ]);
    expect(r.warnings.slice(0, 2).map((m) => m.text)).toEqual([
      `"firms.reinvestShare" is not a setting of model version ${MODEL_VERSION}; it was ignored`,
      'simulation.roundsPerYear = 3 is no longer allowed (1, 2 or 4 rounds a year); 2 is used',
    ]);
    expect(r.entry.scenario.policy.costDown).toBe(0.045);
    expect(r.entry.scenario.simulation.roundsPerYear).toBe(2);
    expect(r.entry.scenario.policyEvents).toEqual([]);
    expect('reinvestShare' in r.entry.scenario.firms).toBe(false);
    // Saved in the browser by the earlier app: listed (not set aside), with its notes.
    const s = new ScenarioStore(new MemoryStorage());
    s.storage.setItem('scs:scenario:Old', text);
    const listed = s.list();
    expect(listed.setAside).toEqual([]);
    expect(listed.entries.map((e) => e.name)).toEqual([entry().name]);
    expect(listed.entries[0].notes?.map((m) => m.code)).toEqual([
      'removedSetting',
      'roundsChanged',
      'modelChanged',
    ]);
    expect(listed.entries[0].scenario.policy.costDown).toBe(0.045);
  });

  it('policy events travel in files unchanged', () => {
    const sc = presetScenario('japan-2024');
    sc.policyEvents = [...sc.policyEvents, { start: 6, lever: 'subsidy', value: 0.2, label: 'x' }];
    const e = { ...entry(), preset: 'japan-2024', scenario: sc };
    const r = parseScenarioText(exportScenarioFile(e));
    expect(r.ok && r.entry.scenario.policyEvents).toEqual(sc.policyEvents);
    expect(r.ok && r.warnings).toEqual([]);
    const s = new ScenarioStore(new MemoryStorage());
    expect(s.save('J', 'japan-2024', sc).ok).toBe(true);
    expect(s.get('J')?.scenario.policyEvents).toEqual(sc.policyEvents);
  });

  it('file names are safe', () => {
    expect(scenarioFileName('A/B: layered * test')).toBe('A-B-layered-test.scenario.json');
    expect(scenarioFileName('複層化 ケース')).toBe('複層化-ケース.scenario.json');
    expect(scenarioFileName('///')).toBe('scenario.scenario.json');
  });
});

describe('stored data never stops the start (issue 12, items 3 and 5)', () => {
  const file = (extra: Record<string, unknown>) =>
    JSON.stringify({
      format: FILE_FORMAT,
      formatVersion: 1,
      modelVersion: MODEL_VERSION,
      name: 'x',
      preset: 'layered',
      scenario: {},
      ...extra,
    });

  it('sets aside a huge, a deeply nested and a reserved-key entry, each named, and lists the rest', () => {
    const s = store();
    expect(s.save('Good', 'layered', presetScenario('layered')).ok).toBe(true);
    s.storage.setItem(`${SAVED_PREFIX}Huge`, file({ name: 'Huge', pad: 'x'.repeat(1_100_000) }));
    s.storage.setItem(`${SAVED_PREFIX}Deep`, '['.repeat(100_000) + ']'.repeat(100_000));
    s.storage.setItem(
      `${SAVED_PREFIX}Proto`,
      '{"format":"' +
        FILE_FORMAT +
        '","formatVersion":1,"name":"Proto","scenario":{"__proto__":{"x":1}}}',
    );
    const { entries, setAside } = s.list();
    expect(entries.map((e) => e.name)).toEqual(['Good']);
    const why = Object.fromEntries(setAside.map((a) => [a.from.slice(SAVED_PREFIX.length), a]));
    expect(why.Huge.reasons[0].code).toBe('tooLarge');
    expect(why.Huge.reason).toMatch(/at most 1048576/);
    expect(why.Deep.reasons[0].code).toBe('tooDeep');
    expect(why.Proto.reasons[0].code).toBe('reservedKey');
    expect(why.Proto.reason).toMatch(/"__proto__".*scenario/);
  });

  it('names a wrong-typed preset instead of replacing it', () => {
    const r = parseScenarioText(file({ preset: 5 }));
    expect(r.ok).toBe(false);
    expect(texts(!r.ok && r.errors)).toEqual(['preset must be the name of a preset, not 5']);
  });

  it('summarises a long list of errors', () => {
    // 60 places with a reserved key: 20 are named, then how many more.
    const many = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [`k${i}`, Object.fromEntries([['__proto__', 1]])]),
    );
    const r = parseScenarioText(file({ scenario: many }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(21);
    expect(r.errors[0].text).toBe('the key "__proto__" is not allowed (at scenario.k0)');
    expect(r.errors[20].text).toBe('and 40 more');
    // A list too long for the schema stops early with one error, not one per entry.
    const shocks = Array.from({ length: 5_000 }, () => ({ variable: 'nope' }));
    const long = parseScenarioText(file({ scenario: { shocks } }));
    expect(texts(!long.ok && long.errors)).toEqual([
      'scenario: shocks: must have at most 20 shocks',
    ]);
  });

  it('an entry whose reading throws is set aside; the others are listed', () => {
    const mem = new MemoryStorage();
    const s = new ScenarioStore(mem, clock());
    expect(s.save('Good', 'layered', presetScenario('layered')).ok).toBe(true);
    mem.setItem(`${SAVED_PREFIX}Bad`, 'whatever');
    const get = mem.getItem.bind(mem);
    mem.getItem = (k: string) => {
      if (k === `${SAVED_PREFIX}Bad`) throw new RangeError('Maximum call stack size exceeded');
      return get(k);
    };
    const { entries, setAside } = s.list();
    expect(entries.map((e) => e.name)).toEqual(['Good']);
    expect(setAside).toHaveLength(1);
    expect(setAside[0].reasons[0].code).toBe('failed');
    expect(setAside[0].reason).toMatch(/Maximum call stack/);
  });

  it('tolerates malformed set-aside records', () => {
    const s = store();
    s.storage.setItem(`${ASIDE_PREFIX}1`, '5');
    s.storage.setItem(`${ASIDE_PREFIX}2`, 'null');
    s.storage.setItem(`${ASIDE_PREFIX}3`, '{"reason":7}');
    s.storage.setItem(`${ASIDE_PREFIX}4`, '{"from":"scs:saved:x","raw":"{}","reason":"old"}');
    const aside = s.setAside();
    expect(aside.map((a) => a.reasons[0].code)).toEqual([
      'unreadable',
      'unreadable',
      'unreadable',
      'earlier',
    ]);
    for (const a of aside) {
      expect(typeof a.from).toBe('string');
      expect(typeof a.raw).toBe('string');
    }
  });
});

describe('a full store is not a disabled store (issue 12, item 4)', () => {
  const quota = () =>
    Object.assign(new Error('exceeded the quota'), { name: 'QuotaExceededError' });

  it('browserStorage keeps a full localStorage: entries are read, saves refused as "full"', () => {
    const mem = new MemoryStorage();
    const good = new ScenarioStore(mem, clock());
    expect(good.save('Kept', 'layered', presetScenario('layered')).ok).toBe(true);
    const full = Object.assign(Object.create(null), {
      get length() {
        return mem.length;
      },
      key: (i: number) => mem.key(i),
      getItem: (k: string) => mem.getItem(k),
      removeItem: (k: string) => mem.removeItem(k),
      setItem: () => {
        throw quota();
      },
    });
    const before = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    Object.defineProperty(globalThis, 'localStorage', { value: full, configurable: true });
    try {
      const b = browserStorage();
      expect(b).toMatchObject({ persistent: true, full: true });
      const s = new ScenarioStore(b.storage, clock());
      expect(s.list().entries.map((e) => e.name)).toEqual(['Kept']);
      const r = s.save('New', 'layered', presetScenario('layered'));
      expect(!r.ok && r.error.code).toBe('full');
      expect(s.list().entries.map((e) => e.name)).toEqual(['Kept']);
    } finally {
      if (before) Object.defineProperty(globalThis, 'localStorage', before);
      else delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });

  it('isQuotaError knows the browsers’ names for a full store', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError({ code: 22 })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it('every entry can be deleted, whatever name it holds', () => {
    const s = store();
    s.storage.setItem(
      `${SAVED_PREFIX}Key name`,
      JSON.stringify({
        format: FILE_FORMAT,
        formatVersion: 1,
        name: 'Another name',
        preset: 'layered',
        scenario: {},
      }),
    );
    const [entry] = s.list().entries;
    expect(entry.name).toBe('Another name');
    expect(s.delete(entry.name)).toBe(false);
    expect(s.deleteKey(entry.key!)).toBe(true);
    expect(s.list().entries).toEqual([]);
    expect(s.deleteKey('not-ours')).toBe(false);
  });
});
