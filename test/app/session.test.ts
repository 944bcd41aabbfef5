import { describe, expect, it } from 'vitest';
import { isTypingTarget } from '../../src/app/presenter/shortcuts.ts';
import { SimBridge } from '../../src/app/bridge.svelte.ts';
import { ScenarioModel } from '../../src/app/scenario.svelte.ts';
import { AppSession, undoKey, viewOfHash } from '../../src/app/share/session.svelte.ts';
import { SavedScenarios, asideName } from '../../src/app/share/saved.svelte.ts';
import { embedOf } from '../../src/app/share/start.ts';
import { formatIndicator } from '../../src/app/table/format.ts';
import { TableRunner } from '../../src/app/table/tableRunner.ts';
import { MODEL_VERSION, presetScenario } from '../../src/engine/index.ts';
import { embedUrl } from '../../src/share/embed.ts';
import { MemoryStorage, SAVED_PREFIX, ScenarioStore } from '../../src/share/storage.ts';
import { CHART_IDS, decodeState, scenarioOf } from '../../src/share/urlState.ts';
import { createAppContext } from '../../src/app/context.ts';

const PAGE = 'https://example.org/app/';

/** A bridge whose runs never finish. */
function bridge(id: string) {
  return new SimBridge(id, { run: () => new Promise(() => {}) });
}

/** A session over fresh models and a fresh app state (nothing left over from another test). */
function session() {
  const a = new ScenarioModel('A', 'large-firm-led', bridge('A'));
  const b = new ScenarioModel('B', 'layered', bridge('B'));
  const app = createAppContext();
  return { s: new AppSession(a, b, app), a, b, app };
}

describe('AppSession and the link', () => {
  it('a link decoded once on start: the models built from it run it first, and applying it asks for no run again', () => {
    const href = `${PAGE}?v=3&a=layered&b=large-firm-led&a.policy.costDown=0.0625`;
    const decoded = decodeState(href, { lang: 'en' });
    const ba = bridge('A');
    const bb = bridge('B');
    const a = new ScenarioModel('A', decoded.state.a.preset, ba, scenarioOf(decoded.state.a));
    const b = new ScenarioModel('B', decoded.state.b.preset, bb, scenarioOf(decoded.state.b));
    expect([ba.stats.requested, bb.stats.requested]).toEqual([1, 1]);
    const s = new AppSession(a, b, createAppContext());
    s.apply(decoded, href);
    expect([ba.stats.requested, bb.stats.requested]).toEqual([1, 1]);
    expect(a.preset).toBe('layered');
    expect(a.scenario.policy.costDown).toBe(0.0625);
    expect(s.issues).toBe(decoded.issues);
    // A model started from its preset instead would have run the preset first, then the link.
    const c = new ScenarioModel('A', 'large-firm-led', bridge('A'));
    const s2 = new AppSession(
      c,
      new ScenarioModel('B', 'layered', bridge('B')),
      createAppContext(),
    );
    s2.apply(decoded, href);
    expect(c.bridge.stats.requested).toBe(2);
  });

  it('opens a link: both scenarios, the options and the language; the link round-trips', () => {
    const { s, a, b } = session();
    const href = `${PAGE}?v=3&lang=ja&view=table&mode=diff&charts=wage,burden&a=layered&b=large-firm-led&a.policy.costDown=0.0625`;
    const decoded = s.open(href, 'en');
    expect(decoded.issues.map((i) => i.code)).toEqual(['noCheck']);
    expect(s.issues).toBe(decoded.issues);
    expect(a.preset).toBe('layered');
    expect(a.scenario.policy.costDown).toBe(0.0625);
    expect(b.preset).toBe('large-firm-led');
    expect(b.scenario).toEqual(presetScenario('large-firm-led'));
    expect(s.view).toBe('table');
    expect(s.mode).toBe('diff');
    expect(s.charts).toEqual(['wage', 'burden']);
    // The link's scenario is asked for (after the preset's, which the bridge then drops).
    expect(a.bridge.stats.requested).toBe(2);
    expect(s.canUndo).toBe(false);

    const link = s.link(href);
    expect(
      link.startsWith(
        `${PAGE}?v=3&model=${MODEL_VERSION}&lang=ja&view=table&mode=diff&charts=wage,burden`,
      ),
    ).toBe(true);
    const again = decodeState(link);
    expect(again.issues).toEqual([]);
    expect(again.state).toEqual(s.state());
    s.dismissIssues();
    expect(s.issues).toEqual([]);
  });

  it('presenter mode and its chart travel with the link', () => {
    const { s, app } = session();
    const { presenter, chartView } = app;
    s.open(`${PAGE}?v=3&charts=wage,investment,burden&present=burden`, 'en');
    expect(presenter.on).toBe(true);
    expect(chartView.currentChart).toBe('burden');
    expect(s.link(PAGE)).toMatch(/&present=burden&/);
    // The presenter's next chart is what the link then says.
    chartView.step(1);
    expect(s.state().present).toBe('wage');
    presenter.toggle();
    expect(s.state().present).toBeNull();
    expect(s.link(PAGE)).not.toMatch(/present=/);
    // A link without it leaves presenter mode.
    s.open(`${PAGE}?v=3&present=vapw`, 'en');
    expect(chartView.currentChart).toBe('vapw');
    s.open(`${PAGE}?v=3`, 'en');
    expect(presenter.on).toBe(false);
  });

  it("reads and writes its own app state only: another session's options stay as they were", () => {
    const one = session();
    const two = session();
    one.s.open(`${PAGE}?v=3&mode=diff&charts=wage,burden&present=burden&runs=10&sens.from=B`, 'en');
    expect(one.app.presenter.on).toBe(true);
    expect(one.app.chartView.mode).toBe('diff');
    expect(one.app.runsSetting.runs).toBe(10);
    expect(one.app.sensForm.scenario).toBe('B');
    // The other session's state, and what its link says, are still the defaults.
    expect(two.app.presenter.on).toBe(false);
    expect(two.app.chartView.mode).toBe('both');
    expect(two.app.chartView.charts).toEqual([...CHART_IDS]);
    expect(two.app.runsSetting.runs).toBe(1);
    expect(two.app.sensForm.scenario).toBe('A');
    expect(two.s.state()).toMatchObject({ mode: 'ab', present: null, runs: 1 });
    expect(two.s.link(PAGE)).not.toMatch(/present=|runs=|mode=|sens\./);
  });

  it('holds only what differs from the presets', () => {
    const { s, a } = session();
    s.open(PAGE, 'en');
    expect(s.link(PAGE)).not.toContain('a.');
    a.set('policy.costDown', 0.05);
    const link = s.link(PAGE);
    expect(link).toContain('a.policy.costDown=0.05');
    expect(link).not.toContain('b.');
  });

  it('a malformed link gives the defaults and says why', () => {
    const { s, a, b } = session();
    const decoded = s.open(`${PAGE}?v=zz&a=layered`, 'en');
    expect(decoded.issues.map((i) => i.code)).toEqual(['badVersion']);
    expect(a.scenario).toEqual(presetScenario('large-firm-led'));
    expect(b.scenario).toEqual(presetScenario('layered'));
    expect(s.view).toBe('compare');
  });

  it('old hash routes and #table choose the view when the link names none', () => {
    const { s } = session();
    s.open(`${PAGE}#model`, 'en');
    expect(s.view).toBe('model');
    s.open(`${PAGE}?v=3&view=compare#table`, 'en');
    expect(s.view).toBe('compare');
    s.open(`${PAGE}#table`, 'en');
    expect(s.view).toBe('table');
    s.navigate('#sim');
    expect(s.view).toBe('compare');
    s.navigate('#results');
    expect(s.view).toBe('compare');
    expect(viewOfHash('#model')).toBe('model');
    expect(viewOfHash('')).toBeNull();
  });

  it('embedOf: the embed view for an embed link only', () => {
    const state = decodeState(PAGE).state;
    const e = embedOf(decodeState(embedUrl(PAGE, state, 'wage'), { lang: 'ja' }));
    expect(e?.chart).toBe('wage');
    expect(e?.state.a.preset).toBe('large-firm-led');
    expect(e?.notices).toEqual([]);
    expect(embedOf(decodeState(PAGE, { lang: 'en' }))).toBeNull();
    // An embed pinned with model 1: its notice that the figures now come from the new model.
    const old = embedUrl(PAGE, state, 'burden').replace(/pin=[^&]*/, 'pin=1.0.0');
    expect(embedOf(decodeState(old, { lang: 'ja' }))?.notices.map((i) => i.code)).toEqual([
      'modelChanged',
    ]);
  });
});

describe('undo and redo', () => {
  it('restores both scenarios step by step; a new edit clears redo', () => {
    const { s, a, b } = session();
    s.open(PAGE, 'en');
    const start = a.scenario;
    a.set('policy.costDown', 0.05, 1000);
    b.applyPreset('large-firm-led', 5000);
    expect(s.canUndo).toBe(true);

    expect(s.undo()).toBe(true);
    expect(b.preset).toBe('layered');
    expect(a.scenario.policy.costDown).toBe(0.05);
    expect(s.canRedo).toBe(true);
    expect(s.undo()).toBe(true);
    expect(a.scenario).toBe(start);
    expect(s.undo()).toBe(false);

    expect(s.redo()).toBe(true);
    expect(a.scenario.policy.costDown).toBe(0.05);
    a.set('policy.costDown', 0.02, 9000);
    expect(s.canRedo).toBe(false);
    expect(s.redo()).toBe(false);
  });

  it('a dragged slider makes one step; a rejected value makes none', () => {
    const { s, a } = session();
    s.open(PAGE, 'en');
    for (const [i, x] of [0.04, 0.05, 0.06].entries()) a.set('policy.costDown', x, 100 + i * 50);
    expect(a.set('policy.costDown', 0.5, 300)).toBe(false);
    expect(s.history.sizes.undo).toBe(1);
    s.undo();
    expect(a.scenario.policy.costDown).toBe(0.03);
  });

  it('opening a saved scenario is a step; opening a link forgets the history', () => {
    const { s, b } = session();
    s.open(PAGE, 'en');
    const sc = presetScenario('large-firm-led');
    s.loadInto('B', 'large-firm-led', sc);
    expect(b.scenario).toBe(sc);
    s.undo();
    expect(b.preset).toBe('layered');
    s.redo();
    s.open(PAGE, 'en');
    expect(s.canUndo).toBe(false);
    expect(s.canRedo).toBe(false);
  });

  it('undoKey: Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y', () => {
    const k = (
      key: string,
      mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>>,
    ) => undoKey({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
    expect(k('z', { ctrlKey: true })).toBe('undo');
    expect(k('z', { metaKey: true })).toBe('undo');
    expect(k('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(k('z', { metaKey: true, shiftKey: true })).toBe('redo');
    expect(k('y', { ctrlKey: true })).toBe('redo');
    expect(k('z', {})).toBeNull();
    expect(k('z', { ctrlKey: true, altKey: true })).toBeNull();
    expect(k('x', { ctrlKey: true })).toBeNull();
  });

  it('undo stands aside only for text entry (the shortcuts’ own test): not sliders, buttons or lists', () => {
    const el = (tagName: string, extra: Record<string, unknown> = {}) =>
      ({
        tagName,
        isContentEditable: false,
        closest: () => null,
        ...extra,
      }) as unknown as EventTarget;
    expect(isTypingTarget(el('INPUT', { type: 'text' }))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'number' }))).toBe(true);
    expect(isTypingTarget(el('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(el('DIV', { isContentEditable: true }))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'range' }))).toBe(false);
    expect(isTypingTarget(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTypingTarget(el('BUTTON'))).toBe(false);
    expect(isTypingTarget(el('SELECT'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('saved scenarios and the table', () => {
  it('lists saved scenarios; a damaged one is set aside and reported, not deleted', () => {
    const storage = new MemoryStorage();
    new ScenarioStore(storage).save('Group 1', 'layered', presetScenario('layered'));
    storage.setItem(`${SAVED_PREFIX}Broken`, 'not json');
    const saved = new SavedScenarios(storage);
    expect(saved.entries.map((e) => e.name)).toEqual(['Group 1']);
    expect(saved.aside.map(asideName)).toEqual(['Broken']);
    expect(saved.aside[0].raw).toBe('not json');
    expect(storage.getItem(`${SAVED_PREFIX}Broken`)).toBeNull();
    saved.store.discardSetAside(saved.aside[0].key);
    saved.refresh();
    expect(saved.aside).toEqual([]);
  });

  it('TableRunner runs entries one at a time, in order, and keeps their outcomes', async () => {
    const ran: number[] = [];
    const runner = new TableRunner({
      run: async (s) => {
        ran.push(s.policy.costDown);
        if (s.policy.costDown === 0.09) return { ok: false, errors: ['boom'] };
        return {
          ok: true,
          ms: 1,
          result: { summary: { wageGap: s.policy.costDown * 10 } } as never,
        };
      },
    });
    const entry = (name: string, costDown: number) => ({
      name,
      preset: 'layered',
      scenario: {
        ...presetScenario('layered'),
        policy: { ...presetScenario('layered').policy, costDown },
      },
      savedAt: '2026-01-01T00:00:00.000Z',
      modelVersion: '1',
    });
    const e1 = entry('one', 0.01);
    const e2 = entry('two', 0.09);
    const [r1, r2] = await runner.run([e1, e2]);
    expect(r1).toEqual({ ok: true, summary: { wageGap: 0.1 } });
    expect(r2).toEqual({ ok: false, errors: ['boom'] });
    await runner.run([e2, e1]);
    expect(ran).toEqual([0.01, 0.09]);
    expect(runner.cached(e1)).toBe(r1);
    // Saved again (a new time): runs again.
    await runner.run([{ ...e1, savedAt: '2026-01-02T00:00:00.000Z' }]);
    expect(ran).toEqual([0.01, 0.09, 0.01]);
  });

  it('formatIndicator shows each unit as the indicators do', () => {
    expect(formatIndicator(0.0123, 'share/year')).toBe('1.23%');
    expect(formatIndicator(0.5, 'share')).toBe('50.0%');
    expect(formatIndicator(1.7412, 'ratio')).toBe('1.74');
    expect(formatIndicator(343210, '¥m/year')).toBe('¥343bn');
    expect(formatIndicator(343210, '¥m/year', 'ja')).toBe('3,432億円');
    expect(formatIndicator(null, 'share')).toBe('–');
    expect(formatIndicator(Number.NaN, 'ratio')).toBe('–');
  });
});
