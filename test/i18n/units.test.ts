/** Units people type (issue 11, item 4): shares in percent, levers by name in every message. */
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../src/engine/index.ts';
import { issueText, storageText } from '../../src/i18n/messages.ts';
import { isPercent, parseLeverText, toTyped, typedUnit } from '../../src/i18n/units.ts';
import { engineText } from '../../src/i18n/validation.ts';
import { storageMessage } from '../../src/share/storage.ts';
import { decodeState } from '../../src/share/urlState.ts';

describe('shares typed in percent', () => {
  it('80, 80%, 80 %, ８０％ all mean 0.8 on a share', () => {
    for (const raw of ['80', '80%', '80 %', ' 80 ', '８０％', '８０', '80.0%', '+80']) {
      expect(parseLeverText('policy.passThroughFloor', raw), raw).toBe(0.8);
    }
    expect(parseLeverText('policy.costDown', '2.5')).toBe(0.025);
    expect(parseLeverText('policy.costDown', '7')).toBe(0.07);
  });

  it('other levers take the number as it is; % is not a number there', () => {
    expect(parseLeverText('policy.paymentDays', '60')).toBe(60);
    expect(parseLeverText('policy.paymentDays', '６０')).toBe(60);
    expect(parseLeverText('labor.minimumWage', '1,200')).toBe(1200);
    expect(parseLeverText('policy.paymentDays', '60%')).toBeNull();
    expect(parseLeverText('policy.passThroughFloor', 'abc')).toBeNull();
    expect(parseLeverText('policy.passThroughFloor', '')).toBeNull();
    expect(parseLeverText('policy.passThroughFloor', '8%0')).toBeNull();
  });

  it('shows a share in percent with a percent unit', () => {
    expect(toTyped('policy.passThroughFloor', 0.15)).toBe(15);
    expect(toTyped('policy.costDown', 0.035)).toBe(3.5);
    expect(typedUnit('en', 'policy.costDown', 'share/year')).toBe('%/year');
    expect(typedUnit('ja', 'policy.costDown', '比率／年')).toBe('%／年');
    expect(typedUnit('en', 'policy.paymentDays', 'days')).toBe('days');
    // Every unit that names a share is a percentage.
    for (const p of PARAMS) {
      if (/^share/.test(p.unit)) expect(isPercent(p.path), p.path).toBe(true);
    }
  });
});

describe('messages name levers, never internal paths', () => {
  const noPath =
    /\b(policy|labor|market|firms|bargaining|network|costs|simulation|mechanisms)\.[a-z]/;

  it('an engine message about a lever, in both languages', () => {
    const en = engineText('en', 'policy.passThroughFloor: must be from 0 to 1 (share)');
    expect(en).toBe('Pass-through floor must be from 0% to 100%.');
    const ja = engineText('ja', 'policy.passThroughFloor: must be from 0 to 1 (share)');
    expect(ja).not.toMatch(noPath);
    expect(ja).toMatch(/0%から100%/);
  });

  it('link notices name the lever and give a share in percent', () => {
    const out = decodeState(
      '?v=3&a.policy.passThroughFloor=1.5&b.policy.costDown=x&a.firms.reinvestShare=0.2',
    );
    for (const lang of ['en', 'ja'] as const) {
      for (const i of out.issues) expect(issueText(lang, i), i.code).not.toMatch(noPath);
    }
    const range = out.issues.find((i) => i.code === 'outOfRange')!;
    expect(issueText('en', range)).toBe(
      'scenario A: Pass-through floor = 150% ignored (must be from 0% to 100%).',
    );
    const removed = out.issues.find((i) => i.code === 'removedSetting')!;
    expect(issueText('en', removed)).toMatch(/Reinvested share of profit/);
  });

  it('scenario-file messages name the lever', () => {
    const m = storageMessage('scenario', {
      engine: 'policy.costDown: must be from 0 to 0.1 (share/year)',
    });
    expect(storageText('en', m)).toBe(
      'In the scenario: Cost-down demand must be from 0%/year to 10%/year.',
    );
    expect(storageText('ja', m)).not.toMatch(noPath);
    const r = storageMessage('removedSetting', { path: 'firms.reinvestShare', current: '2.0' });
    expect(storageText('en', r)).not.toMatch(noPath);
  });
});

describe('heat-map axes of a link', () => {
  it('name the lever and give a share in percent', () => {
    const out = decodeState('?v=3&sens.y=policy.passThroughFloor:0:1.5:3');
    const range = out.issues.find((i) => i.code === 'axisRange')!;
    const en = issueText('en', range);
    expect(en).toContain('Pass-through floor:0%:150%:3');
    expect(en).toContain('from 0% to 100%');
    expect(issueText('ja', range)).not.toMatch(/policy\./);
  });
});

describe("a shock's size", () => {
  it('is typed in percent: 40, 40%, +40% and ４０％ mean +0.4', () => {
    for (const raw of ['40', '40%', '+40%', '４０％', ' 40 % ']) {
      expect(parseLeverText('shocks[0].size', raw), raw).toBe(0.4);
    }
    expect(parseLeverText('shocks[2].size', '-20')).toBe(-0.2);
    expect(parseLeverText('shocks[0].size', '−20%')).toBe(-0.2);
    // Its times stay in years.
    expect(parseLeverText('shocks[0].start', '1.5')).toBe(1.5);
    expect(parseLeverText('shocks[0].start', '１.５')).toBe(1.5);
  });
});
