/**
 * The one table of a link's keys: each view option with how it is written
 * (only when it differs from the default) and read back (checked on its own),
 * in the order written and read; and every other key a link may hold. The
 * encoder, the decoder and the list of known keys all follow it, so that a
 * new key is added in one place.
 */
import { LANGS } from '../../i18n/langs.ts';
import { pickOption } from './codecs.ts';
import { issue, type ShareIssue } from './issues.ts';
import type { Params } from './migrations.ts';
import { SENS_KEY_SET } from './sens.ts';
import {
  CHART_IDS,
  CHART_MODES,
  RUNS_CHOICES,
  VIEWS,
  type AppState,
  type RunsChoice,
} from './state.ts';

/** The options a link writes (a pinned state has no presenter mode or lesson). */
export type LinkOptions = Pick<AppState, 'lang' | 'view' | 'mode' | 'charts' | 'embed' | 'runs'> &
  Partial<Pick<AppState, 'present' | 'lesson'>>;

export interface OptionKey {
  key: string;
  /** Only chooses how the app shows things: a link of such keys alone needs no version or check code. */
  viewOnly: boolean;
  /** The value written for `s`, or undefined for the default (left out). */
  write(s: LinkOptions): string | undefined;
  /** Reads the key (if the link has it) into `state`; a value that cannot be used is told. */
  read(params: Params, state: AppState, issues: ShareIssue[]): void;
}

export const OPTION_KEYS: readonly OptionKey[] = [
  {
    key: 'lang',
    viewOnly: true,
    write: (s) => s.lang,
    read: (p, st, issues) => {
      st.lang = pickOption(p, 'lang', LANGS, issues) ?? st.lang;
    },
  },
  {
    key: 'view',
    viewOnly: true,
    write: (s) => (s.view !== 'compare' ? s.view : undefined),
    read: (p, st, issues) => {
      st.view = pickOption(p, 'view', VIEWS, issues) ?? st.view;
    },
  },
  {
    key: 'mode',
    viewOnly: true,
    write: (s) => (s.mode !== 'ab' ? s.mode : undefined),
    read: (p, st, issues) => {
      st.mode = pickOption(p, 'mode', CHART_MODES, issues) ?? st.mode;
    },
  },
  {
    key: 'charts',
    viewOnly: true,
    write: (s) => {
      const charts = CHART_IDS.filter((c) => s.charts.includes(c));
      return charts.length !== CHART_IDS.length ? charts.join(',') : undefined;
    },
    read: (p, st, issues) => {
      const charts = p.get('charts');
      if (charts === undefined) return;
      const listed = charts === '' ? [] : charts.split(',');
      for (const c of listed) {
        if (!(CHART_IDS as readonly string[]).includes(c)) {
          issues.push(
            issue('badOption', { name: 'charts', value: c, allowed: CHART_IDS.join(', ') }),
          );
        }
      }
      st.charts = CHART_IDS.filter((c) => listed.includes(c));
      if (listed.length > 0 && st.charts.length === 0) {
        // A link that lists charts of which none exists is a damaged one: the default set, said so.
        // (An empty list is a choice: the user hid every chart.)
        issues.push(issue('chartsNone', { value: charts }));
        st.charts = [...CHART_IDS];
      }
    },
  },
  {
    key: 'embed',
    viewOnly: true,
    write: (s) => s.embed ?? undefined,
    read: (p, st, issues) => {
      if (p.get('embed') !== undefined)
        st.embed = pickOption(p, 'embed', CHART_IDS, issues) ?? null;
    },
  },
  {
    key: 'runs',
    viewOnly: true,
    write: (s) => (s.runs !== 1 ? String(s.runs) : undefined),
    read: (p, st, issues) => {
      const runs = pickOption(p, 'runs', RUNS_CHOICES.map(String), issues);
      if (runs !== undefined) st.runs = Number(runs) as RunsChoice;
    },
  },
  {
    // After charts and embed: an embed never presents, and presents a chart it shows.
    key: 'present',
    viewOnly: true,
    write: (s) => (s.present && !s.embed ? s.present : undefined),
    read: (p, st, issues) => {
      if (p.get('present') === undefined || st.embed) return;
      // Presenter mode stays on when its chart is not known (it then opens on the first chart).
      st.present = pickOption(p, 'present', CHART_IDS, issues) ?? CHART_IDS[0];
      // On a chart the link does not show: named, and the first one shown instead.
      if (st.charts.length > 0 && !st.charts.includes(st.present)) {
        const shown = st.charts[0];
        issues.push(issue('presentHidden', { value: st.present, shown }));
        st.present = shown;
      }
    },
  },
  {
    // Guided lessons: ?lesson=<id> opens the lessons page on that lesson.
    key: 'lesson',
    viewOnly: false,
    write: (s) => (s.lesson && s.view === 'lessons' ? s.lesson : undefined),
    read: (p, st) => {
      const lesson = p.get('lesson');
      if (lesson === undefined) return;
      st.lesson = lesson;
      if (!p.has('view')) st.view = 'lessons';
    },
  },
];

/** The keys besides the options, the sensitivity settings and a scenario's settings. */
export const OTHER_KEYS = {
  v: 'the link format version',
  c: 'the check code of the other keys',
  model: 'the model version the link was made with',
  pin: 'the model version an embed was pinned with (its scenarios are given in full)',
  a: "scenario A's preset",
  b: "scenario B's preset",
  table: "a workshop's scenario table (src/share/workshop.ts reads it)",
} as const;

/** Every key a link may hold besides a scenario's settings (`a.<path>`, `b.<path>`). */
export const KNOWN_KEYS: ReadonlySet<string> = new Set([
  ...Object.keys(OTHER_KEYS),
  ...OPTION_KEYS.map((o) => o.key),
  ...SENS_KEY_SET,
]);

/** Keys that only choose how the app shows things (with the format version). */
export const VIEW_ONLY_KEYS: ReadonlySet<string> = new Set([
  'v',
  ...OPTION_KEYS.filter((o) => o.viewOnly).map((o) => o.key),
  ...SENS_KEY_SET,
]);

/** The options' pairs for a state, in the table's order. */
export function optionPairs(s: LinkOptions): [string, string][] {
  const out: [string, string][] = [];
  for (const o of OPTION_KEYS) {
    const v = o.write(s);
    if (v !== undefined) out.push([o.key, v]);
  }
  return out;
}

/** Reads every option of the link into `state`, in the table's order. */
export function readOptions(params: Params, state: AppState, issues: ShareIssue[]): void {
  for (const o of OPTION_KEYS) o.read(params, state, issues);
}
