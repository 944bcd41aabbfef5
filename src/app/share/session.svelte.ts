/**
 * The app's shareable state around the two scenario models: the view, the
 * chart options, presenter mode, the language and the sensitivity page's
 * settings, read from the link on start and written
 * back to it (history.replaceState) while the user edits; the undo history
 * of scenario edits. The pure parts live in src/share/.
 */
import type { Scenario } from '../../engine/index.ts';
import { locale } from '../../i18n/locale.svelte.ts';
import { shareUrl } from '../../share/embed.ts';
import { UndoHistory } from '../../share/history.ts';
import {
  CHART_IDS,
  decodeState,
  deepEqual,
  scenarioOf,
  stateOf,
  type AppState,
  type ChartId,
  type ChartMode,
  type DecodeResult,
  type Lang,
  type ShareIssue,
  type View,
} from '../../share/urlState.ts';
import { fromChartMode, toChartMode } from '../charts/view.svelte.ts';
import type { AppContext } from '../context.ts';
import type { EditEvent, ScenarioModel } from '../scenario.svelte.ts';

/** The parts of the app state (src/app/context.ts) that a link holds besides the models. */
export type LinkedState = Pick<AppContext, 'chartView' | 'presenter' | 'runsSetting' | 'sensForm'>;

/** Both scenarios as shown: what undo and redo restore. */
export interface Snapshot {
  A: { preset: string; scenario: Scenario };
  B: { preset: string; scenario: Scenario };
}

/** Snapshots are equal when both presets and scenario objects are (scenarios are never mutated). */
export function sameSnapshot(x: Snapshot, y: Snapshot): boolean {
  return (
    x.A.preset === y.A.preset &&
    x.A.scenario === y.A.scenario &&
    x.B.preset === y.B.preset &&
    x.B.scenario === y.B.scenario
  );
}

/** The views of the old hash routes (#sim, #model) and the new #table and #sensitivity. */
export function viewOfHash(hash: string): View | null {
  if (hash === '#sim') return 'compare';
  if (hash === '#model') return 'model';
  if (hash === '#table') return 'table';
  if (hash === '#sensitivity') return 'sensitivity';
  if (hash === '#lessons') return 'lessons';
  return null;
}

export class AppSession {
  view = $state<View>('compare');
  /** The chart of the embed view, when the link asks for one. */
  embed = $state<ChartId | null>(null);
  /** What the link's reader ignored or changed (shown until dismissed). */
  issues = $state.raw<ShareIssue[]>([]);
  /** The state the link was opened with (for the embed view). */
  opened = $state.raw<AppState | null>(null);
  /** The guided lesson open on the lessons page (null: the list). */
  lesson = $state<string | null>(null);
  canUndo = $state(false);
  canRedo = $state(false);

  readonly history: UndoHistory<Snapshot>;
  readonly #models: { A: ScenarioModel; B: ScenarioModel };
  readonly #app: LinkedState;

  constructor(a: ScenarioModel, b: ScenarioModel, app: LinkedState) {
    this.#models = { A: a, B: b };
    this.#app = app;
    this.history = new UndoHistory(this.snapshot(), { equals: sameSnapshot, limit: 200 });
    this.history.subscribe(() => {
      this.canUndo = this.history.canUndo;
      this.canRedo = this.history.canRedo;
    });
    for (const m of [a, b]) m.onEdit = (e) => this.#edited(e);
  }

  /** A and B together ('ab') or B − A: the charts' own setting, in the link's terms. */
  get mode(): ChartMode {
    return toChartMode(this.#app.chartView.mode);
  }
  set mode(m: ChartMode) {
    this.#app.chartView.mode = fromChartMode(m);
  }

  /** The charts shown (the charts' own setting). */
  get charts(): ChartId[] {
    return this.#app.chartView.charts;
  }
  set charts(c: ChartId[]) {
    this.#app.chartView.charts = CHART_IDS.filter((id) => c.includes(id));
  }

  /** Presenter mode and the chart it shows (null when off). */
  get present(): ChartId | null {
    const { presenter, chartView } = this.#app;
    return presenter.on ? (chartView.currentChart ?? CHART_IDS[0]) : null;
  }
  set present(chart: ChartId | null) {
    const { presenter, chartView } = this.#app;
    if (presenter.on !== (chart !== null)) presenter.toggle();
    if (chart !== null) chartView.show(Math.max(0, chartView.charts.indexOf(chart)));
  }

  get models(): ScenarioModel[] {
    return [this.#models.A, this.#models.B];
  }

  snapshot(): Snapshot {
    const { A, B } = this.#models;
    return {
      A: { preset: A.preset, scenario: A.scenario },
      B: { preset: B.preset, scenario: B.scenario },
    };
  }

  /** The whole state as a link holds it (reactive: reads the models, options and language). */
  state(): AppState {
    const { A, B } = this.#models;
    return {
      a: stateOf(A.scenario, A.preset),
      b: stateOf(B.scenario, B.preset),
      charts: CHART_IDS.filter((c) => this.charts.includes(c)),
      mode: this.mode,
      view: this.view,
      embed: this.embed,
      lang: locale.lang,
      runs: this.#app.runsSetting.runs,
      sens: this.#app.sensForm.settings(),
      present: this.present,
      // The lesson belongs to the lessons page (and is in the link only there).
      ...(this.view === 'lessons' && this.lesson ? { lesson: this.lesson } : {}),
    };
  }

  /** The link of the current state over `href`'s page. */
  link(href: string = location.href): string {
    return shareUrl(href, this.state());
  }

  /**
   * Opens a link: both scenarios, the options, the language and the
   * sensitivity page's settings; whatever was ignored goes to `issues`. The
   * undo history starts afresh.
   */
  open(href: string, lang: Lang): DecodeResult {
    const decoded = decodeState(href, { lang });
    this.apply(decoded, href);
    return decoded;
  }

  /**
   * Shows a link already decoded (on start: src/main.ts decodes it once).
   * A model that already holds the link's scenario is left alone, so that
   * its run in flight is not run again.
   */
  apply(decoded: DecodeResult, href: string): void {
    const s = decoded.state;
    for (const [id, link] of [
      ['A', s.a],
      ['B', s.b],
    ] as const) {
      const m = this.#models[id];
      const sc = scenarioOf(link);
      if (m.preset !== link.preset || !deepEqual(m.scenario, sc)) m.load(link.preset, sc);
    }
    this.view = s.view;
    // A hash route (#model, #table) of a link that does not name its view.
    const at = href.indexOf('#');
    const hash = at >= 0 ? viewOfHash(href.slice(at)) : null;
    if (hash && !/[?&]view=/.test(href)) this.view = hash;
    this.mode = s.mode;
    this.charts = [...s.charts];
    this.embed = s.embed;
    this.#app.runsSetting.runs = s.runs;
    this.present = s.present;
    this.#app.sensForm.load(s.sens);
    this.issues = decoded.issues;
    this.lesson = s.lesson ?? null;
    this.opened = s;
    locale.set(s.lang);
    this.history.reset(this.snapshot());
  }

  /** Follows an old-style hash route (#sim, #model) or #table. */
  navigate(hash: string): void {
    const v = viewOfHash(hash);
    if (v) this.view = v;
  }

  dismissIssues(): void {
    this.issues = [];
  }

  #edited(e: EditEvent): void {
    const key = e.path === undefined ? undefined : `${e.model.id}:${e.path}`;
    this.history.push(this.snapshot(), { key, time: e.time ?? performance.now() });
  }

  /** Shows a saved or imported scenario in A or B: one undo step. */
  loadInto(id: 'A' | 'B', preset: string, scenario: Scenario): void {
    this.#models[id].load(preset, scenario);
    this.history.push(this.snapshot());
  }

  #restore(s: Snapshot): void {
    for (const id of ['A', 'B'] as const) {
      const m = this.#models[id];
      if (m.preset !== s[id].preset || m.scenario !== s[id].scenario) {
        m.load(s[id].preset, s[id].scenario);
      }
    }
  }

  undo(): boolean {
    const s = this.history.undo();
    if (s) this.#restore(s);
    return s !== undefined;
  }

  redo(): boolean {
    const s = this.history.redo();
    if (s) this.#restore(s);
    return s !== undefined;
  }
}

/** 'undo', 'redo' or null for a key press (Ctrl or Cmd + Z, Ctrl/Cmd + Shift + Z, Ctrl + Y). */
export function undoKey(e: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y' && !e.shiftKey) return 'redo';
  return null;
}
