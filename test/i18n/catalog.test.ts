import { describe, expect, it } from 'vitest';
import { ECONOMY, PARAMS, PRESETS, SERIES } from '../../src/engine/index.ts';
import { CATALOGS, MISSING_JA, flatten } from '../../src/i18n/catalogs.ts';
import { detectLocale, hasMessage, paramText, tierName, translate } from '../../src/i18n/index.ts';
import { Locale } from '../../src/i18n/locale.svelte.ts';
import { ISSUE_TEXT, decodeState } from '../../src/share/urlState.ts';

const en = flatten(CATALOGS.en);
const ja = flatten(CATALOGS.ja);
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('catalogs', () => {
  it('have exactly the same keys in English and Japanese', () => {
    const onlyEn = [...en.keys()].filter((k) => !ja.has(k));
    const onlyJa = [...ja.keys()].filter((k) => !en.has(k));
    expect({ onlyEn, onlyJa }).toEqual({ onlyEn: [], onlyJa: [] });
    expect(en.size).toBeGreaterThan(400);
  });

  it('have no empty texts and no Japanese text left in English', () => {
    for (const [k, v] of [...en, ...ja]) expect(v.trim(), k).not.toBe('');
    expect(MISSING_JA).toEqual([]);
  });

  it('have the same placeholders in both languages', () => {
    const differ = [...en.keys()].filter(
      (k) => placeholders(en.get(k)!).join() !== placeholders(ja.get(k)!).join(),
    );
    expect(differ).toEqual([]);
  });

  it('translate every UI text into Japanese (not copied from English)', () => {
    // Texts that are the same in both languages on purpose.
    const same = new Set([
      'lang.en',
      'lang.ja',
      'status.none',
      'indicators.diff',
      'export.png1080',
      'export.png720',
    ]);
    const copied = [...en.keys()].filter(
      (k) => !same.has(k) && en.get(k) === ja.get(k) && /[a-z]{3}/i.test(en.get(k)!),
    );
    expect(copied).toEqual([]);
  });

  it('cover every parameter (label, help, unit, source), series, economy series and preset', () => {
    for (const p of PARAMS) {
      for (const lang of ['en', 'ja'] as const) {
        expect(hasMessage(lang, `param.${p.path}.label`), `${lang} ${p.path}`).toBe(true);
        expect(hasMessage(lang, `param.${p.path}.help`), `${lang} ${p.path}`).toBe(true);
        expect(hasMessage(lang, `param.${p.path}.unit`)).toBe(p.unit !== '');
        expect(hasMessage(lang, `param.${p.path}.source`)).toBe(!!p.source);
      }
      expect(paramText('en', p.path)).toEqual({
        label: p.label,
        unit: p.unit,
        help: p.help,
        source: p.source ?? null,
      });
    }
    for (const k of Object.keys(SERIES)) expect(ja.has(`series.${k}.label`)).toBe(true);
    for (const k of Object.keys(ECONOMY)) expect(ja.has(`economy.${k}.unit`)).toBe(true);
    for (const p of PRESETS) expect(ja.has(`preset.${p.name}.description`)).toBe(true);
  });

  it("use the source document's Japanese policy terms", () => {
    const all = [...ja.values()].join('\n');
    for (const term of [
      '大企業牽引モデル',
      '複層化したバリューチェーン',
      '価格転嫁',
      '下請事業者',
      '親事業者',
      'コストダウン',
      '成果配分',
      '共存共栄',
    ]) {
      expect(all, term).toContain(term);
    }
    expect(translate('ja', 'preset.large-firm-led.title')).toBe('大企業牽引モデル');
    expect(translate('ja', 'param.policy.passThroughFloor.label')).toBe('価格転嫁の下限');
  });

  it('the link messages: English is the link reader text, Japanese fills the same params', () => {
    // A link of model 1 (format 2): no check code, migrated, a bad value, figures from the new model.
    const out = decodeState('?v=2&a.policy.costDown=7&a.firms.reinvestShare=0.4');
    expect(out.issues.map((i) => i.code)).toEqual([
      'noCheck',
      'migrated',
      'removedSetting',
      'outOfRange',
      'modelChanged',
    ]);
    for (const i of out.issues) {
      expect(translate('en', `share.issue.${i.code}`, i.params)).toBe(i.text);
      expect(translate('ja', `share.issue.${i.code}`, i.params)).not.toMatch(/\{\{|[a-z]{4} /);
    }
    expect(Object.keys(ISSUE_TEXT).every((c) => ja.has(`share.issue.${c}`))).toBe(true);
  });
});

describe('translate and helpers', () => {
  it('fills placeholders without HTML escaping', () => {
    expect(translate('en', 'app.scenario', { id: 'A' })).toBe('Scenario A');
    expect(translate('ja', 'app.scenario', { id: 'A' })).toBe('シナリオA');
    expect(translate('en', 'controls.whatMeans', { label: 'R&D <x>' })).toBe(
      'What does “R&D <x>” mean?',
    );
    expect(tierName('ja', 3, 4)).toBe('第3階層（最下層）');
    expect(tierName('en', 1, 4)).toBe('Tier 1');
  });

  it('detects Japanese when the browser prefers it to English', () => {
    expect(detectLocale(['ja-JP', 'en-US'])).toBe('ja');
    expect(detectLocale(['ja'])).toBe('ja');
    expect(detectLocale(['en-GB', 'ja'])).toBe('en');
    expect(detectLocale(['fr-FR', 'ja-JP'])).toBe('ja');
    expect(detectLocale(['fr-FR', 'de'])).toBe('en');
    expect(detectLocale(undefined)).toBe('en');
    expect(detectLocale([])).toBe('en');
  });

  it('the runes locale switches language and the document lang', () => {
    const loc = new Locale('en');
    expect(loc.t('undo.undo')).toBe('Undo');
    const doc = { documentElement: { lang: 'en' } } as unknown as Document;
    loc.set('ja', doc);
    expect(loc.t('undo.undo')).toBe('元に戻す');
    expect(doc.documentElement.lang).toBe('ja');
    expect(doc.title).toBe('サプライチェーンのコスト分担');
    expect(loc.param('policy.costDown').label).toBe('コストダウン要請');
  });
});
