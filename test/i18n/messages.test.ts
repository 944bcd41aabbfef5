import { describe, expect, it } from 'vitest';
import { MODEL_VERSION, presetScenario, resolveScenario } from '../../src/engine/index.ts';
import { hasMessage, translate } from '../../src/i18n/index.ts';
import { issueText, storageText } from '../../src/i18n/messages.ts';
import { engineText } from '../../src/i18n/validation.ts';
import {
  FILE_FORMAT,
  MemoryStorage,
  STORAGE_TEXT,
  ScenarioStore,
  exportScenarioFile,
  parseScenarioText,
  storageMessage,
  type StorageCode,
  type StorageMessage,
} from '../../src/share/storage.ts';
import { decodeState } from '../../src/share/urlState.ts';

const placeholders = (s: string) => new Set([...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]));

/**
 * English left in a Japanese text: a run of 3+ ASCII words, once parameter
 * paths (a.b, a[0]), quoted values and numbers are taken out.
 */
function englishIn(text: string): string[] {
  const stripped = text
    .replace(/[「“"][^」”"]*[」”"]/g, ' ')
    .replace(/[\w-]*[.[][\w.[\]-]*/g, ' ')
    .replace(/-?\d+(\.\d+)?/g, ' ');
  return stripped.match(/[A-Za-z]+(?:[\s,;:()]+[A-Za-z]+){2,}/g) ?? [];
}

const file = (patch: Record<string, unknown>) =>
  JSON.stringify({
    ...JSON.parse(
      exportScenarioFile({
        name: 'Workshop 1',
        preset: 'layered',
        scenario: presetScenario('layered'),
        savedAt: '2026-01-01T00:00:00.000Z',
        modelVersion: MODEL_VERSION,
      }),
    ),
    ...patch,
  });

/** The engine's messages for a scenario patch over the defaults. */
function engineErrors(patch: unknown): string[] {
  const r = resolveScenario(patch);
  if (r.ok) throw new Error(`${JSON.stringify(patch)} was accepted`);
  return r.errors;
}

describe('messages of the saved-scenario store', () => {
  it('every code has a text in English and in Japanese, with placeholders the store fills', () => {
    for (const code of Object.keys(STORAGE_TEXT) as StorageCode[]) {
      for (const lang of ['en', 'ja'] as const) {
        expect(hasMessage(lang, `storage.${code}`), `${lang} ${code}`).toBe(true);
        const text = translate(lang, `storage.${code}` as 'storage.nameEmpty');
        for (const p of placeholders(text)) {
          expect(placeholders(STORAGE_TEXT[code]).has(p), `${lang} ${code} {{${p}}}`).toBe(true);
        }
      }
    }
  });

  it('keep an English text for logs, and the code and parameters for the UI', () => {
    expect(storageMessage('exists', { name: 'A' })).toEqual({
      code: 'exists',
      params: { name: 'A' },
      text: 'a scenario named "A" exists already',
    });
    const r = parseScenarioText('{"a": }');
    // Where JSON.parse says: a line and column, or the unexpected token (engines differ).
    expect(!r.ok && r.errors[0].code).toMatch(/^notJson(At|Token)$/);
    expect(!r.ok && storageText('ja', r.errors[0])).toMatch(/^JSONファイルではありません：/);
    expect(!r.ok && r.errors[0].text).toMatch(/^not a JSON file/);
  });

  const broken: [string, string][] = [
    ['not JSON', 'hello'],
    ['empty', ''],
    ['cut short', '{"format": "supply-chain'],
    ['a list', '[1,2]'],
    ['another format', '{"format":"x","formatVersion":1}'],
    ['a future version', `{"format":"${FILE_FORMAT}","formatVersion":7}`],
    ['no scenario', `{"format":"${FILE_FORMAT}","formatVersion":1,"name":"a"}`],
    ['an empty name', file({ name: '  ' })],
    ['a long name', file({ name: 'x'.repeat(81) })],
    ['an unknown key', file({ scenario: { policy: { bogus: 1 } } })],
    ['an unknown top-level key', file({ scenario: { bogus: 1 } })],
    ['wrong types', file({ scenario: { policy: { costDown: 'high' }, years: 2.5 } })],
    ['bad shocks', file({ scenario: { shocks: [{ variable: 'oil', start: 0, duration: 1 }] } })],
    ['not a list of shocks', file({ scenario: { shocks: 'energy' } })],
    ['too many firms', file({ scenario: { network: { firmsPerTier: [3, 200000, 200000] } } })],
    ['a group that is not one', file({ scenario: { policy: 5 } })],
  ];

  it.each(broken)('a broken import (%s) is told in Japanese, no English sentence', (_, text) => {
    const r = parseScenarioText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const m of r.errors) {
      const ja = storageText('ja', m);
      expect(ja, m.text).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(englishIn(ja), `${m.text} → ${ja}`).toEqual([]);
      expect(storageText('en', m)).not.toBe(ja);
    }
  });

  it('an unknown key is named, in Japanese', () => {
    const r = parseScenarioText(file({ scenario: { network: { bogus: 1 } } }));
    expect(!r.ok && r.errors.map((m) => storageText('ja', m))).toEqual([
      'シナリオの内容：取引ネットワーク：不明なキー「bogus」が含まれています。',
    ]);
    expect(!r.ok && r.errors.map((m) => storageText('en', m))).toEqual([
      'In the scenario: Network: has an unknown key "bogus".',
    ]);
  });

  it('warnings, store errors and set-aside reasons are told in Japanese', () => {
    const bare = parseScenarioText('{"policy":{"costDown":0.05}}');
    const old = parseScenarioText(file({ preset: 'gone', modelVersion: '0.1.0' }));
    const warnings: StorageMessage[] = [
      ...(bare.ok ? bare.warnings : []),
      ...(old.ok ? old.warnings : []),
    ];
    expect(warnings.map((m) => m.code)).toEqual(['bareScenario', 'presetAsBase', 'modelChanged']);
    const s = new ScenarioStore(new MemoryStorage());
    const sc = presetScenario('layered');
    const errors: StorageMessage[] = [];
    for (const r of [
      s.save('', 'layered', sc),
      s.save('B', 'layered', { ...sc, policy: { ...sc.policy, costDown: 7 } }),
      s.save('C', 'nope', sc),
      s.rename('nobody', 'D'),
    ]) {
      if (!r.ok) errors.push(r.error);
    }
    s.storage.setItem('scs:scenario:Broken', '{"format": ');
    const aside = s.list().setAside.flatMap((x) => x.reasons);
    s.storage.setItem('scs:damaged:x', 'not json');
    const unreadable = s.setAside().find((x) => x.key === 'scs:damaged:x')!.reasons;
    const all = [...warnings, ...errors, ...aside, ...unreadable];
    expect(all).toHaveLength(9);
    for (const m of all) {
      const ja = storageText('ja', m);
      expect(englishIn(ja), `${m.text} → ${ja}`).toEqual([]);
    }
  });
});

describe('engine messages in Japanese', () => {
  const patches: unknown[] = [
    { policy: { costDown: 0.5 } },
    { policy: { costDown: 'high' } },
    { policy: { belowCostBan: 'yes' } },
    { years: 2.5 },
    { policy: { bogus: 1 } },
    { bogus: 1 },
    { policy: 5 },
    { network: { firmsPerTier: [3] } },
    { network: { firmsPerTier: [3, 1.5] } },
    { network: { firmsPerTier: 'many' } },
    { network: { firmsPerTier: [3, 200000, 200000] } },
    { shocks: 'energy' },
    { shocks: [5] },
    { shocks: [{ variable: 'oil', start: 0, duration: 1, size: 0.1 }] },
    { shocks: [{ variable: 'energy', start: 'soon', duration: 1, size: 9 }] },
    {
      shocks: Array.from({ length: 30 }, () => ({
        variable: 'energy',
        start: 0,
        duration: 1,
        size: 0.1,
      })),
    },
    { bargaining: { betaMin: 0.99, betaMax: 0.1 } },
  ];

  it.each(patches.map((p) => [JSON.stringify(p).slice(0, 60), p]))(
    'no English sentence is left: %s',
    (_, patch) => {
      for (const e of engineErrors(patch)) {
        const ja = engineText('ja', e);
        expect(ja, e).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        expect(englishIn(ja), `${e} → ${ja}`).toEqual([]);
      }
    },
  );

  it('a scenario that is not an object', () => {
    expect(engineText('ja', engineErrors(5)[0])).toBe('シナリオ：JSONオブジェクトにしてください。');
  });

  it('link notices quote the engine through the same translator', () => {
    const { issues } = decodeState('?v=2&lang=ja&a.policy.costDown=9&b.network.firmsPerTier=3,1.5');
    const texts = issues.map((i) => issueText('ja', i));
    expect(issues.some((i) => i.code === 'invalidValue' || i.code === 'outOfRange')).toBe(true);
    for (const t of texts) expect(englishIn(t), t).toEqual([]);
  });
});
