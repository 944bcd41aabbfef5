/**
 * The keyboard shortcuts: which key does what, and when they must not fire
 * (while typing text, with Ctrl, Alt or Meta held, or an arrow key on a
 * slider, radio button or list); where the first Tab goes in presenter mode.
 */

export type Action =
  | { type: 'presenter' }
  | { type: 'help' }
  | { type: 'escape' }
  | { type: 'chart'; step: number }
  | { type: 'chartN'; n: number }
  | { type: 'preset'; scenario: 'A' | 'B'; step: number }
  | { type: 'mode' }
  | { type: 'controls' }
  | { type: 'fullscreen' };

export interface KeyLike {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  isComposing?: boolean;
  target?: unknown;
}

interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
  getAttribute?: (name: string) => string | null;
}

const TEXT_LESS_INPUTS = new Set([
  'button',
  'submit',
  'reset',
  'checkbox',
  'radio',
  'range',
  'color',
  'file',
  'image',
]);

/** Keys that move within a control (slider, radio group, list) rather than between charts. */
const MOVING_KEYS = new Set([
  'ArrowRight',
  'ArrowLeft',
  'ArrowUp',
  'ArrowDown',
  'PageUp',
  'PageDown',
  'Home',
  'End',
]);

/** Roles of widgets that take the arrow keys themselves. */
const ARROW_ROLES = new Set(['slider', 'radio', 'radiogroup', 'listbox', 'option', 'spinbutton']);

/**
 * Whether keys typed at `target` are text going into a field (a text or
 * number field, a text area, an editable element): only there do the
 * shortcuts stand aside for every key. A slider, a radio button or a list
 * that was clicked keeps the shortcuts working (see `ownsArrows`).
 */
export function isTypingTarget(target: unknown): boolean {
  const t = target as TargetLike | null | undefined;
  if (!t || typeof t.tagName !== 'string') return false;
  if (t.isContentEditable) return true;
  const tag = t.tagName.toUpperCase();
  if (tag === 'TEXTAREA') return true;
  if (tag === 'INPUT') return !TEXT_LESS_INPUTS.has((t.type ?? 'text').toLowerCase());
  return false;
}

/** Whether `target` moves with the arrow keys itself: a slider, a radio button, a list. */
export function ownsArrows(target: unknown): boolean {
  const t = target as TargetLike | null | undefined;
  if (!t || typeof t.tagName !== 'string') return false;
  const tag = t.tagName.toUpperCase();
  if (tag === 'SELECT') return true;
  if (tag === 'INPUT' && ['range', 'radio'].includes((t.type ?? '').toLowerCase())) return true;
  const role = typeof t.getAttribute === 'function' ? t.getAttribute('role') : null;
  return role !== null && ARROW_ROLES.has(role);
}

/**
 * The action of a key press, or null. `presenting`: presenter mode is on
 * (P, ? and Escape work always, the others only then). `charts`: how many
 * charts can be chosen by number. Nothing fires while text is typed; the
 * arrow and page keys stay with a focused slider, radio button or list.
 */
export function shortcutFor(e: KeyLike, presenting: boolean, charts: number): Action | null {
  if (e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return null;
  if (isTypingTarget(e.target)) return null;
  const key = e.key;
  if (MOVING_KEYS.has(key) && ownsArrows(e.target)) return null;
  if (key === 'Escape') return { type: 'escape' };
  if (key === '?') return { type: 'help' };
  const lower = key.length === 1 ? key.toLowerCase() : key;
  if (lower === 'p') return { type: 'presenter' };
  if (!presenting) return null;
  switch (lower) {
    case 'ArrowRight':
    case 'PageDown':
      return { type: 'chart', step: 1 };
    case 'ArrowLeft':
    case 'PageUp':
      return { type: 'chart', step: -1 };
    case 'a':
      return { type: 'preset', scenario: 'A', step: e.shiftKey ? -1 : 1 };
    case 'b':
      return { type: 'preset', scenario: 'B', step: e.shiftKey ? -1 : 1 };
    case 'd':
      return { type: 'mode' };
    case 'c':
      return { type: 'controls' };
    case 'f':
      return { type: 'fullscreen' };
  }
  if (/^[1-9]$/.test(key) && Number(key) <= charts) return { type: 'chartN', n: Number(key) - 1 };
  return null;
}

const FOCUSABLE =
  'button:not([disabled]), summary, a[href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The first control a keyboard can reach inside `root` (a chart's own tools), or null. */
export function firstControl(root: ParentNode | null | undefined): HTMLElement | null {
  if (!root) return null;
  for (const el of root.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (!el.closest('[hidden], details:not([open]) > :not(summary)')) return el;
  }
  return null;
}

/**
 * In presenter mode the first Tab (after the mode starts or the chart
 * changes) goes to the chart's own controls, not through the page's header.
 */
export class ChartTab {
  #armed = false;

  /** The next Tab goes to the chart shown. */
  arm(): void {
    this.#armed = true;
  }

  /** Handles a key press; true if it moved the focus into `figure`. */
  key(e: KeyboardEvent, figure: HTMLElement | null): boolean {
    if (e.key !== 'Tab' || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) return false;
    if (!this.#armed) return false;
    this.#armed = false;
    if (!figure || figure.contains(e.target as Node)) return false;
    const first = firstControl(figure);
    if (!first) return false;
    first.focus();
    e.preventDefault();
    return true;
  }
}

/** The preset `step` places after `current` in `names` (wraps around). */
export function cyclePreset(names: readonly string[], current: string, step: number): string {
  if (names.length === 0) return current;
  const i = names.indexOf(current);
  const from = i < 0 ? (step > 0 ? -1 : 0) : i;
  return names[(((from + step) % names.length) + names.length) % names.length];
}

/** The shortcuts as listed in the help: keys and the catalog key of their description. */
export const SHORTCUT_LIST = [
  { keys: ['P'], text: 'presenter.key.presenter' },
  { keys: ['?'], text: 'presenter.key.help' },
  { keys: ['→', '←'], text: 'presenter.key.chart' },
  { keys: ['1', '…'], text: 'presenter.key.chartN' },
  { keys: ['A'], text: 'presenter.key.presetA' },
  { keys: ['B'], text: 'presenter.key.presetB' },
  { keys: ['D'], text: 'presenter.key.mode' },
  { keys: ['C'], text: 'presenter.key.controls' },
  { keys: ['F'], text: 'presenter.key.fullscreen' },
  { keys: ['Esc'], text: 'presenter.key.escape' },
] as const;
