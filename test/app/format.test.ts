import { describe, expect, it } from 'vitest';
import { fieldText, pct, pp, sliderStep } from '../../src/app/format.ts';
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
