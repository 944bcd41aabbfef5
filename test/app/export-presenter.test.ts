/**
 * The pure parts of the chart exports and presenter mode: chart content and
 * its CSV, caption names, the shortcut map and preset cycling.
 */
import { describe, expect, it } from 'vitest';
import { chartContent, contentCsv } from '../../src/app/charts/content.ts';
import { captionNames, currentState } from '../../src/app/export/state.ts';
import {
  cyclePreset,
  isTypingTarget,
  ownsArrows,
  shortcutFor,
} from '../../src/app/presenter/shortcuts.ts';
import { parseCsv } from '../../src/export/csv.ts';
import { presetScenario, simulate, type SimResult } from '../../src/engine/index.ts';
import { CHART_IDS } from '../../src/share/urlState.ts';

const runs = new Map<string, SimResult>();
function run(name: string): SimResult {
  if (!runs.has(name)) {
    const sc = presetScenario(name);
    sc.years = 3;
    runs.set(name, simulate(sc));
  }
  return runs.get(name)!;
}

describe('chart content', () => {
  it('gives every chart translated texts and a legend of A, B and the tiers (or outcomes)', () => {
    const a = run('large-firm-led');
    const b = run('layered');
    for (const id of CHART_IDS) {
      const en = chartContent(id, a, b, 'both', 'en');
      const ja = chartContent(id, a, b, 'both', 'ja');
      expect(en.id).toBe(id);
      expect(en.title).not.toBe(ja.title);
      // The settled chart's legend names its outcomes (A and B are under its bars).
      if (id !== 'settled') expect(en.legend.map((l) => l.text).slice(0, 2)).toEqual(['A', 'B']);
    }
    const wage = chartContent('wage', a, b, 'both', 'en');
    expect(wage.legend.map((l) => l.shape)).toEqual([
      'line',
      'dashed',
      'line',
      'line',
      'line',
      'line',
    ]);
    expect(wage.yTitle).toBe('¥m per worker/year');
    const diff = chartContent('wage', a, b, 'diff', 'ja');
    expect(diff.legend).toHaveLength(a.tiers);
    expect(diff.yTitle).toBe('B − A（' + chartContent('wage', a, b, 'both', 'ja').unit + '）');
    expect(chartContent('wage', null, null, 'both', 'en').datasets).toEqual([]);
  });

  it('writes a line chart’s CSV with one column per line, the unit in each header, exact values', () => {
    const a = run('large-firm-led');
    const b = run('layered');
    const c = chartContent('investment', a, b, 'both', 'en');
    if (c.kind !== 'line') throw new Error('a line chart');
    const [header, ...rows] = parseCsv(contentCsv(c, 'en'));
    expect(header[0]).toBe('Period');
    expect(header[1]).toBe('A: Tier 0 (final goods) (% of value added)');
    expect(header).toHaveLength(1 + a.tiers + b.tiers);
    expect(rows).toHaveLength(a.quarters);
    expect(rows[0][0]).toBe(`${a.scenario.simulation.startYear}Q1`);
    expect(rows.map((r) => Number(r[2]))).toEqual(c.datasets[1].data.map((p) => p.y));
    // Japanese headers for a Japanese UI.
    expect(parseCsv(contentCsv(chartContent('investment', a, b, 'both', 'ja'), 'ja'))[0][0]).toBe(
      '期間',
    );
  });

  it('writes the cost-up chart’s CSV with one row per bearer and the period in the unit', () => {
    const a = run('large-firm-led');
    const b = run('layered');
    const c = chartContent('burden', a, b, 'both', 'en');
    if (c.kind !== 'bar') throw new Error('a bar chart');
    const [header, ...rows] = parseCsv(contentCsv(c, 'en'));
    expect(header).toEqual(['Bearer', `A (${c.unit})`, `B (${c.unit})`]);
    expect(c.unit).toMatch(/^¥bn, total \d{4}–\d{4}$/);
    expect(rows.map((r) => r[0])).toEqual([...c.bearers]);
    expect(rows.at(-1)![0]).toBe('Consumers');
    expect(c.labels[0]).toBe('Tier 0');
    expect(rows.map((r) => Number(r[1]))).toEqual(c.datasets[0].data);
    const d = chartContent('burden', a, b, 'diff', 'en');
    expect(d.datasets.map((x) => x.label)).toEqual(['B − A']);
  });
});

describe('caption names', () => {
  it('names both presets, and says when a scenario was changed', () => {
    const a = { preset: 'large-firm-led', scenario: presetScenario('large-firm-led') };
    const changed = presetScenario('layered');
    changed.policy.subsidy = 0.05;
    const state = currentState(a, { preset: 'layered', scenario: changed }, 'ab', 'en');
    const names = captionNames(state, 'en');
    expect(names[0]).toMatch(/^A: Large-firm-led/);
    expect(names[0]).not.toMatch(/modified/);
    expect(names[1]).toMatch(/^B: Layered.*, modified$/);
    expect(captionNames(state, 'ja')[1]).toMatch(/^B：.*（変更あり）$/);
  });
});

describe('keyboard shortcuts', () => {
  const body = { tagName: 'BODY' };
  it('map keys to actions; only P, ? and Escape outside presenter mode', () => {
    expect(shortcutFor({ key: 'p', target: body }, false, 5)).toEqual({ type: 'presenter' });
    expect(shortcutFor({ key: 'P', shiftKey: true, target: body }, true, 5)).toEqual({
      type: 'presenter',
    });
    expect(shortcutFor({ key: '?', target: body }, false, 5)).toEqual({ type: 'help' });
    expect(shortcutFor({ key: 'ArrowRight', target: body }, false, 5)).toBeNull();
    expect(shortcutFor({ key: 'a', target: body }, false, 5)).toBeNull();
    expect(shortcutFor({ key: 'ArrowRight', target: body }, true, 5)).toEqual({
      type: 'chart',
      step: 1,
    });
    expect(shortcutFor({ key: 'PageUp', target: body }, true, 5)).toEqual({
      type: 'chart',
      step: -1,
    });
    expect(shortcutFor({ key: '5', target: body }, true, 5)).toEqual({ type: 'chartN', n: 4 });
    expect(shortcutFor({ key: '6', target: body }, true, 5)).toBeNull();
    expect(shortcutFor({ key: 'A', shiftKey: true, target: body }, true, 5)).toEqual({
      type: 'preset',
      scenario: 'A',
      step: -1,
    });
    expect(shortcutFor({ key: 'b', target: body }, true, 5)).toEqual({
      type: 'preset',
      scenario: 'B',
      step: 1,
    });
    expect(shortcutFor({ key: 'f', target: body }, true, 5)).toEqual({ type: 'fullscreen' });
  });

  it('never fire while typing in a field or with Ctrl, Alt or Meta', () => {
    for (const target of [
      { tagName: 'INPUT', type: 'text' },
      { tagName: 'INPUT', type: 'number' },
      { tagName: 'TEXTAREA' },
      { tagName: 'DIV', isContentEditable: true },
    ]) {
      expect(isTypingTarget(target)).toBe(true);
      expect(shortcutFor({ key: 'p', target }, true, 5)).toBeNull();
      expect(shortcutFor({ key: 'ArrowRight', target }, true, 5)).toBeNull();
    }
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(shortcutFor({ key: 'p', ctrlKey: true, target: body }, true, 5)).toBeNull();
    expect(shortcutFor({ key: 'c', metaKey: true, target: body }, true, 5)).toBeNull();
    expect(shortcutFor({ key: 'a', isComposing: true, target: body }, true, 5)).toBeNull();
  });

  it('keep working on a clicked slider, radio button or list, whose arrow keys stay its own', () => {
    for (const target of [
      { tagName: 'INPUT', type: 'range' },
      { tagName: 'INPUT', type: 'radio' },
      { tagName: 'SELECT' },
      { tagName: 'DIV', getAttribute: (n: string) => (n === 'role' ? 'listbox' : null) },
    ]) {
      expect(isTypingTarget(target)).toBe(false);
      expect(ownsArrows(target)).toBe(true);
      expect(shortcutFor({ key: 'p', target }, false, 5)).toEqual({ type: 'presenter' });
      expect(shortcutFor({ key: 'd', target }, true, 5)).toEqual({ type: 'mode' });
      expect(shortcutFor({ key: '2', target }, true, 5)).toEqual({ type: 'chartN', n: 1 });
      for (const key of ['ArrowRight', 'ArrowLeft', 'PageDown', 'PageUp']) {
        expect(shortcutFor({ key, target }, true, 5)).toBeNull();
      }
    }
    // A button or a checkbox takes no arrow keys: they switch charts.
    expect(shortcutFor({ key: 'ArrowRight', target: { tagName: 'BUTTON' } }, true, 5)).toEqual({
      type: 'chart',
      step: 1,
    });
  });

  it('cycle presets both ways, wrapping around', () => {
    const names = ['x', 'y', 'z'];
    expect(cyclePreset(names, 'x', 1)).toBe('y');
    expect(cyclePreset(names, 'z', 1)).toBe('x');
    expect(cyclePreset(names, 'x', -1)).toBe('z');
    expect(cyclePreset(names, 'unknown', 1)).toBe('x');
    expect(cyclePreset(names, 'unknown', -1)).toBe('z');
  });
});
