import { describe, expect, it } from 'vitest';
import { presetScenario, setPath, validateScenario } from '../../src/engine/index.ts';
import { validationMessage } from '../../src/i18n/validation.ts';

/** The engine's messages for a preset with `path` set to `value`. */
function errorsFor(path: string, value: unknown): string[] {
  const s = structuredClone(presetScenario('layered')) as unknown as Record<string, unknown>;
  setPath(s, path, value);
  const r = validateScenario(s);
  if (r.ok) throw new Error(`${path} = ${JSON.stringify(value)} was accepted`);
  return r.errors;
}

const cases: [string, unknown][] = [
  ['policy.costDown', 0.5],
  ['network.firmsPerTier', [3]],
  ['network.firmsPerTier', [3, 1.5]],
  ['network.firmsPerTier', [3, 300000]],
  ['network.firmsPerTier', [3, 200000, 200000]],
  ['shocks', [{ variable: 'energy', start: 0, duration: 1, size: 9 }]],
  ['shocks', [{ variable: 'energy', start: 99, duration: 1, size: 0.1 }]],
  ['bargaining.betaMin', 0.99],
];

describe('validation messages', () => {
  it('keep the engine’s English wording of a range, with the lever’s label (a share in percent)', () => {
    expect(validationMessage('en', 'policy.costDown', errorsFor('policy.costDown', 0.5))).toBe(
      'Cost-down demand must be from 0%/year to 10%/year.',
    );
    expect(
      validationMessage('en', 'policy.paymentDays', errorsFor('policy.paymentDays', 999)),
    ).toMatch(/^Payment terms must be from \d+ to \d+ \(days\)\.$/);
  });

  it('are told in Japanese for every rejection the controls can cause', () => {
    for (const [path, value] of cases) {
      const ja = validationMessage('ja', path, errorsFor(path, value));
      expect(ja, path).not.toMatch(/must|tiers|firms|shock|years/i);
      expect(ja, path).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    expect(validationMessage('ja', 'policy.costDown', errorsFor('policy.costDown', 0.5))).toBe(
      'コストダウン要請：0%／年から10%／年までの値にしてください。',
    );
  });
});
