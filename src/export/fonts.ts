/**
 * A Japanese web font for machines without one (Noto Sans JP, split by
 * Unicode range, so that a page downloads only the pieces of the characters
 * it shows). It is loaded on demand — never in the entry chunk — the first
 * time the page is in Japanese, and canvas drawings (the charts, PNG
 * exports) wait for it: a canvas does not redraw itself when a font arrives.
 */

/** The family the app's font stacks name after the system's own fonts. */
export const JAPANESE_FAMILY = 'Noto Sans JP';

/** Characters the first screen and the charts show, so that their pieces are fetched at once. */
const SAMPLE =
  '賃金投資付加価値労働分配率第階層最終製品消費者億円年期間負担コスト上昇シナリオ大企業主導型';

let loading: Promise<void> | null = null;

/**
 * Loads the Japanese font's faces (once) and waits until the pieces for
 * `text` are ready. Never rejects: without the font the system's is used.
 */
export function loadJapaneseFont(text = SAMPLE): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return Promise.resolve();
  loading ??= import('@fontsource/noto-sans-jp/400.css').then(
    () => undefined,
    () => undefined,
  );
  return loading.then(() =>
    document.fonts.load(`16px "${JAPANESE_FAMILY}"`, text).then(
      () => undefined,
      () => undefined,
    ),
  );
}

/** Ready to draw text of `lang` on a canvas: for Japanese, once the font has loaded. */
export function fontsReady(lang: string, text?: string): Promise<void> {
  return lang === 'ja' ? loadJapaneseFont(text) : Promise.resolve();
}

/**
 * Loads the Japanese font whenever the document's language becomes Japanese
 * (the locale sets `<html lang>`), and calls `loaded` after each load, so
 * that canvases can draw again with it.
 */
export function followDocumentLanguage(doc: Document, loaded: () => void): void {
  const check = () => {
    if (doc.documentElement.lang === 'ja') void loadJapaneseFont().then(loaded);
  };
  check();
  new MutationObserver(check).observe(doc.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
  });
}
