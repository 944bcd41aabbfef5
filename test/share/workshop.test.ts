/** The workshop table shared whole (issue 11, item 7): link and file, checked, merged without loss. */
import { describe, expect, it } from 'vitest';
import { presetScenario, setPath, type Scenario } from '../../src/engine/index.ts';
import { workshopText } from '../../src/i18n/messages.ts';
import { MemoryStorage, ScenarioStore } from '../../src/share/storage.ts';
import { decodeState } from '../../src/share/urlState.ts';
import {
  MAX_LINK_LENGTH,
  MAX_TABLE_CHARS,
  decodeTable,
  exportTableFile,
  mergeTable,
  parseTableFile,
  tableLink,
  tableOfLink,
  type TableScenario,
} from '../../src/share/workshop.ts';

function edited(preset: string, edits: Record<string, unknown>): Scenario {
  const sc = structuredClone(presetScenario(preset)) as unknown as Record<string, unknown>;
  for (const [p, v] of Object.entries(edits)) setPath(sc, p, v);
  return sc as unknown as Scenario;
}

const TABLE: TableScenario[] = [
  { name: 'Group 3', preset: 'layered', scenario: edited('layered', { 'policy.costDown': 0.03 }) },
  { name: 'Group 1', preset: 'large-firm-led', scenario: presetScenario('large-firm-led') },
  {
    name: '第2班',
    preset: 'japan-2024',
    scenario: edited('japan-2024', { 'policy.passThroughFloor': 0.5, 'policy.subsidy': 0.2 }),
  },
];

describe('a table link', () => {
  it('carries every scenario with its name, in order, and reads back the same', () => {
    const link = tableLink('https://x.test/app/?v=3&a=layered#sim', 'ja', TABLE);
    expect(link.length).toBeLessThan(MAX_LINK_LENGTH);
    expect(link.startsWith('https://x.test/app/?v=3&')).toBe(true);
    // The app's own reader opens the table page in Japanese, with nothing to warn about.
    const app = decodeState(link);
    expect(app.issues).toEqual([]);
    expect(app.state.view).toBe('table');
    expect(app.state.lang).toBe('ja');
    const read = decodeTable(tableOfLink(link)!);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.scenarios.map((s) => s.name)).toEqual(['Group 3', 'Group 1', '第2班']);
    expect(read.scenarios).toEqual(TABLE);
    expect(read.notes).toEqual([]);
  });

  it('holds only what differs from each preset', () => {
    const text = tableOfLink(tableLink('https://x.test/', 'en', TABLE))!;
    expect(JSON.parse(text).s[0]).toEqual({
      n: 'Group 3',
      p: 'layered',
      d: { 'policy.costDown': 0.03 },
    });
    expect(JSON.parse(text).s[1]).toEqual({ n: 'Group 1', p: 'large-firm-led' });
  });

  it('refuses a damaged table whole, naming what is wrong in both languages', () => {
    const bad = JSON.stringify({
      m: '2.0.0',
      s: [
        { n: 'ok', p: 'layered' },
        { n: 'too much', p: 'layered', d: { 'policy.passThroughFloor': 1.5 } },
        { p: 'layered' },
      ],
    });
    const r = decodeTable(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.code)).toEqual(['invalid', 'badEntry']);
    expect(workshopText('en', r.errors[0])).toBe(
      '“too much”: Pass-through floor must be from 0% to 100%.',
    );
    expect(workshopText('ja', r.errors[0])).toMatch(/^「too much」：価格転嫁の下限：0%から100%/);
    expect(workshopText('en', r.errors[1])).toMatch(/^Scenario 3 lacks its name/);
    expect(decodeTable('{"s": [').ok).toBe(false);
    expect(decodeTable('{"s": []}')).toEqual({
      ok: false,
      errors: [{ code: 'empty', params: {} }],
    });
  });

  it('says when the table came from an older model', () => {
    const r = decodeTable(JSON.stringify({ m: '1.4.0', s: [{ n: 'x', p: 'layered' }] }));
    expect(r.ok && r.notes.map((n) => n.code)).toEqual(['model']);
  });
});

describe('a table file', () => {
  it('round-trips every scenario in full, in order', () => {
    const text = exportTableFile(TABLE, new Date('2026-01-01T00:00:00Z'));
    const r = parseTableFile(text);
    expect(r.ok && r.scenarios).toEqual(TABLE);
  });

  it('names what is wrong', () => {
    expect(parseTableFile('not json')).toMatchObject({ ok: false, errors: [{ code: 'notJson' }] });
    expect(parseTableFile('{"format": "other"}')).toMatchObject({
      ok: false,
      errors: [{ code: 'notTable' }],
    });
    const v2 = JSON.stringify({
      format: 'supply-chain-cost-sharing/table',
      formatVersion: 2,
      scenarios: [],
    });
    expect(parseTableFile(v2)).toMatchObject({ ok: false, errors: [{ code: 'badVersion' }] });
  });
});

describe('merging a table into the saved scenarios', () => {
  it('keeps what is saved already: same scenario kept, a different one of the same name not overwritten', () => {
    const store = new ScenarioStore(new MemoryStorage());
    store.save('Group 1', 'large-firm-led', presetScenario('large-firm-led'));
    store.save('Group 3', 'layered', presetScenario('layered')); // differs from the table's
    store.save('Mine', 'layered', presetScenario('layered'));
    const r = mergeTable(store, TABLE);
    expect(r.names).toEqual(['Group 3 (2)', 'Group 1', '第2班']);
    expect(r.messages.map((m) => m.code)).toEqual(['added', 'same', 'renamed']);
    expect(workshopText('en', r.messages[2])).toMatch(/saved as “Group 3 \(2\)”/);
    expect(workshopText('ja', r.messages[0])).toBe('保存しました：「第2班」。');
    // Nothing that was there is lost or changed.
    expect(store.get('Group 3')!.scenario).toEqual(presetScenario('layered'));
    expect(store.get('Mine')).not.toBeNull();
    expect(store.get('Group 3 (2)')!.scenario).toEqual(TABLE[0].scenario);
    // Opening the same table again adds nothing.
    const again = mergeTable(store, TABLE);
    expect(again.names).toEqual(r.names);
    expect(again.messages.map((m) => m.code)).toEqual(['same']);
  });
});

describe('a table file or link within the caps (as the command line and saved scenarios)', () => {
  const file = exportTableFile(TABLE);

  it('too large: refused before it is read, with its size and the cap, in en and ja', () => {
    const big = file.replace('"scenarios"', `"pad": "${'x'.repeat(MAX_TABLE_CHARS)}", "scenarios"`);
    const r = parseTableFile(big);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].code).toBe('tooLarge');
    expect(workshopText('en', r.errors[0])).toMatch(
      /^It is too large: [\d,]+ characters, at most 4,194,304/,
    );
    expect(workshopText('ja', r.errors[0])).toMatch(/^大きすぎます/);
    expect(decodeTable('"' + 'x'.repeat(MAX_TABLE_CHARS) + '"').ok).toBe(false);
  });

  it('nested too deep: refused before parsing (no stack overflow), told', () => {
    const deep = '{"s":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    const r = decodeTable(deep);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(workshopText('en', r.errors[0])).toBe(
        'It is nested more than 32 levels deep (a table is about 6 levels deep).',
      );
  });

  it('reserved keys are named, not dropped silently', () => {
    const bad = file.replace('"preset": "layered"', '"preset": "layered", "__proto__": {"x": 1}');
    const r = parseTableFile(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0].code).toBe('reservedKey');
      expect(workshopText('en', r.errors[0])).toContain('scenarios[0].__proto__');
      expect(workshopText('ja', r.errors[0])).toContain('scenarios[0].__proto__');
    }
  });

  it('a table within the caps still opens', () => {
    expect(parseTableFile(file).ok).toBe(true);
  });
});
