/**
 * "Try it yourself": the lesson handed to the Simulation page, whose levers
 * the banner there lists and highlights (null: no lesson handed over).
 */
export class TryIt {
  lesson = $state<string | null>(null);
}

/** The attribute LeverRow puts on each lever of the control panel. */
export const leverSelector = (path: string): string => `[data-lever="${CSS.escape(path)}"]`;

/**
 * Marks the levers of `paths` in the control panel (class `lesson-lever`) and
 * opens the folded sections holding them; returns the undo of both.
 */
export function highlightLevers(root: ParentNode, paths: readonly string[]): () => void {
  const marked: Element[] = [];
  const opened: HTMLDetailsElement[] = [];
  for (const path of paths) {
    for (const el of root.querySelectorAll(leverSelector(path))) {
      if (el.closest('.lessons-page')) continue;
      el.classList.add('lesson-lever');
      marked.push(el);
      const details = el.closest('details');
      if (details && !details.open) {
        details.open = true;
        opened.push(details);
      }
    }
  }
  return () => {
    for (const el of marked) el.classList.remove('lesson-lever');
    for (const d of opened) d.open = false;
  };
}

/** Gives every id under `root` a prefix (and the references to it), keeping ids unique on the page. */
export function prefixIds(root: Element, prefix: string): void {
  const refs = ['aria-labelledby', 'aria-describedby', 'aria-controls', 'for'];
  const renamed: Record<string, string> = {};
  for (const el of root.querySelectorAll('[id]')) {
    if (el.id.startsWith(prefix)) continue;
    renamed[el.id] = prefix + el.id;
    el.id = prefix + el.id;
  }
  const all = [root, ...root.querySelectorAll('*')];
  for (const el of all) {
    for (const attr of refs) {
      const v = el.getAttribute(attr);
      if (!v) continue;
      const next = v
        .split(/\s+/)
        .map((id) => renamed[id] ?? id)
        .join(' ');
      if (next !== v) el.setAttribute(attr, next);
    }
  }
}
