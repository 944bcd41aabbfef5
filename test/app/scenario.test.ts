import { describe, expect, it } from 'vitest';
import { SimBridge } from '../../src/app/bridge.svelte.ts';
import { ScenarioModel, messageFor } from '../../src/app/scenario.svelte.ts';
import { presetScenario, type Scenario } from '../../src/engine/index.ts';

/** A bridge that records what it was asked to run and never finishes a run. */
function recordingBridge() {
  const asked: Scenario[] = [];
  const bridge = new SimBridge('A', { run: (s) => (asked.push(s), new Promise(() => {})) });
  return { bridge, asked };
}

describe('ScenarioModel', () => {
  it('starts from its preset and asks for a run', () => {
    const { bridge, asked } = recordingBridge();
    const m = new ScenarioModel('A', 'layered', bridge);
    expect(m.scenario).toEqual(presetScenario('layered'));
    expect(asked).toHaveLength(1);
  });

  it('applies a valid value, replacing (not mutating) the scenario', () => {
    const { bridge } = recordingBridge();
    const m = new ScenarioModel('A', 'large-firm-led', bridge);
    const before = m.scenario;
    expect(m.set('policy.costDown', 0.07)).toBe(true);
    expect(m.scenario).not.toBe(before);
    expect(before.policy.costDown).toBe(0.03);
    expect(m.value('policy.costDown')).toBe(0.07);
    expect(bridge.stats.requested).toBe(2);
  });

  it('rejects an out-of-range value with a message naming the lever and range, and runs nothing', () => {
    const { bridge } = recordingBridge();
    const m = new ScenarioModel('A', 'large-firm-led', bridge);
    const before = m.scenario;
    expect(m.set('policy.costDown', 0.5)).toBe(false);
    expect(m.scenario).toBe(before);
    expect(bridge.stats.requested).toBe(1);
    const msg = m.fieldErrors['policy.costDown']?.('en');
    expect(msg).toMatch(/^Cost-down demand must be from 0%\/year to 10%\/year/);
    // A valid value clears the message.
    expect(m.set('policy.costDown', 0.05)).toBe(true);
    expect(m.fieldErrors).toEqual({});
  });

  it('rejects bad firm counts and shocks with the engine’s reasons', () => {
    const { bridge } = recordingBridge();
    const m = new ScenarioModel('B', 'layered', bridge);
    expect(m.set('network.firmsPerTier', [3])).toBe(false);
    expect(m.fieldErrors['network.firmsPerTier']?.('en')).toMatch(/2 to 6 tiers/);
    expect(m.set('shocks', [{ variable: 'energy', start: 0, duration: 1, size: 9 }])).toBe(false);
    // A shock's size is a change typed in percent.
    expect(m.fieldErrors.shocks?.('en')).toBe('Shock 1, Size: must be from -90% to +300%.');
  });

  it('a preset or reset drops every rejected value and runs the preset', () => {
    const { bridge } = recordingBridge();
    const m = new ScenarioModel('A', 'large-firm-led', bridge);
    m.set('policy.costDown', 0.05);
    m.set('market.valueOrientation', 7);
    const gen = m.generation;
    m.reset();
    expect(m.scenario).toEqual(presetScenario('large-firm-led'));
    expect(m.fieldErrors).toEqual({});
    expect(m.generation).toBe(gen + 1);
    m.applyPreset('japan-2024');
    expect(m.preset).toBe('japan-2024');
    expect(m.scenario.shocks).toHaveLength(presetScenario('japan-2024').shocks.length);
  });
});

describe('messageFor', () => {
  it('keeps the messages about the path, else all of them', () => {
    const errors = ['policy.costDown: must be from 0 to 0.1 (share/year)', 'seed: must be x'];
    expect(messageFor('policy.costDown', errors)).toBe(
      'Cost-down demand must be from 0%/year to 10%/year.',
    );
    expect(messageFor('bargaining.betaMin', ['bargaining: betaMin must not exceed betaMax'])).toBe(
      'Bargaining: betaMin must not exceed betaMax.',
    );
  });
});
