import { describe, expect, it } from 'vitest';
import { fieldText, money, pct, period, pp, sentences, sliderStep } from '../../src/app/format.ts';
import { PARAMS, PRESET_NAMES, getPath, presetScenario } from '../../src/engine/index.ts';

describe('formatting', () => {
  it('shows shares as percentages and differences as points', () => {
    expect(pct(0.0194, 2)).toBe('1.94%');
    expect(pp(0.0106, 2)).toBe('+1.06 pp');
    expect(pp(-0.24, 0)).toBe('-24 pp');
    expect(pct(NaN)).toBe('–');
  });

  it('writes field values without float noise', () => {
    expect(fieldText(0.1 + 0.2)).toBe('0.3');
    expect(fieldText(2026)).toBe('2026');
  });

  it('keeps the parameter step on its grid and steps finer off it', () => {
    expect(sliderStep({ min: 0, step: 0.05 }, 0.15)).toBe(0.05);
    expect(sliderStep({ min: 0, step: 0.05 }, 0.02)).toBe(0.01);
    expect(sliderStep({ min: -0.05, step: 0.005 }, 0.0125)).toBeCloseTo(0.0001, 12);
  });

  it('lets every slider show every preset value exactly', () => {
    for (const name of PRESET_NAMES) {
      const sc = presetScenario(name);
      for (const p of PARAMS) {
        if (p.kind === 'boolean') continue;
        const v = getPath(sc, p.path) as number;
        const s = sliderStep(p, v);
        const k = (v - p.min) / s;
        expect(Math.abs(k - Math.round(k)), `${name} ${p.path}`).toBeLessThan(1e-6);
      }
    }
  });
});

describe('formatting per language', () => {
  it('counts money in ¥bn in English and in 億円 in Japanese, signed on request', () => {
    expect(money(602.4, 'en')).toBe('¥602bn');
    expect(money(601.79, 'ja')).toBe('6,018億円');
    expect(money(-25.84, 'ja', { signed: true })).toBe('-258億円');
    expect(money(258.4, 'en', { signed: true })).toBe('+¥258bn');
    expect(money(NaN, 'ja')).toBe('–');
  });

  it('writes points, quarters and sentences as each language does', () => {
    expect(pp(0.0106, 2, 'ja')).toBe('+1.06ポイント');
    expect(period('2045Q4', 'ja')).toBe('2045年第4四半期');
    expect(period('2045Q4', 'en')).toBe('2045Q4');
    expect(sentences('数値ではありません。', '直前の結果です。')).toBe(
      '数値ではありません。直前の結果です。',
    );
    expect(sentences('Not a number.', 'The last run stays.')).toBe(
      'Not a number. The last run stays.',
    );
  });
});
