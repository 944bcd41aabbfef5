/**
 * The keyboard shortcuts: which key does what, and when they must not fire
 * (while typing in a field, or with Ctrl, Alt or Meta held). Pure.
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
}

const TEXT_LESS_INPUTS = new Set([
  'button',
  'submit',
  'reset',
  'checkbox',
  'radio',
  'color',
  'file',
  'image',
]);

/** Whether keys typed at `target` go into a field (text, number, slider, select, editable). */
export function isTypingTarget(target: unknown): boolean {
  const t = target as TargetLike | null | undefined;
  if (!t || typeof t.tagName !== 'string') return false;
  if (t.isContentEditable) return true;
  const tag = t.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (t.type ?? 'text').toLowerCase();
    // Arrow keys move sliders and radio groups: those count as fields too.
    if (type === 'range' || type === 'radio') return true;
    return !TEXT_LESS_INPUTS.has(type);
  }
  return false;
}

/**
 * The action of a key press, or null. `presenting`: presenter mode is on
 * (P, ? and Escape work always, the others only then). `charts`: how many
 * charts can be chosen by number.
 */
export function shortcutFor(e: KeyLike, presenting: boolean, charts: number): Action | null {
  if (e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return null;
  if (isTypingTarget(e.target)) return null;
  const key = e.key;
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
