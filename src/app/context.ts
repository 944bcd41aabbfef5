/**
 * The app's shared state in one object: made once at the root (src/main.ts)
 * and handed to the root component (App or EmbedView), which puts it into
 * Svelte context; components read it with getAppContext(). Modules that
 * are not components take what they need of it as a parameter. A test
 * makes its own with createAppContext(), so nothing leaks between tests.
 * No module of src/app exports an instance of state (npm run lint).
 */
import { createContext } from 'svelte';
import { EmbedFrame } from './charts/frame.svelte.ts';
import { ChartView } from './charts/view.svelte.ts';
import { TryIt } from './lessons/tryIt.svelte.ts';
import { FullscreenState } from './presenter/fullscreen.svelte.ts';
import { Presenter } from './presenter/presenter.svelte.ts';
import { RunsSetting } from './runs/bands.svelte.ts';
import { SensForm } from './sensitivity/form.svelte.ts';

export interface AppContext {
  /** How the comparison charts are shown (A and B or B − A, which charts, the presenter's chart). */
  readonly chartView: ChartView;
  /** Presenter mode. */
  readonly presenter: Presenter;
  /** The chart shown full screen. */
  readonly fullscreen: FullscreenState;
  /** The runs per scenario. */
  readonly runsSetting: RunsSetting;
  /** The sensitivity page's settings. */
  readonly sensForm: SensForm;
  /** The lesson handed to the Simulation page ("try it yourself"). */
  readonly tryIt: TryIt;
  /** The embed view's frame, whose size its chart's type follows. */
  readonly embedFrame: EmbedFrame;
}

/** A fresh app state, every part at its start. */
export function createAppContext(): AppContext {
  return {
    chartView: new ChartView(),
    presenter: new Presenter(),
    fullscreen: new FullscreenState(),
    runsSetting: new RunsSetting(),
    sensForm: new SensForm(),
    tryIt: new TryIt(),
    embedFrame: new EmbedFrame(),
  };
}

const [getContext, setContext] = createContext<AppContext>();

/** The app state of the component tree (throws outside one whose root set it). */
export const getAppContext: () => AppContext = getContext;
/** Puts `app` into the context of the calling (root) component and its descendants; returns it. */
export const setAppContext: (app: AppContext) => AppContext = setContext;
