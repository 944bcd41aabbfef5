/**
 * The UI language as Svelte 5 state. Components call `locale.t(key, params)`
 * in their markup; because `t` reads `locale.lang`, every text re-renders
 * when the language changes. A language whose catalog is not loaded yet
 * (Japanese, loaded on demand) is switched to once it has loaded; the page
 * loads it before it first renders when it starts in Japanese (main.ts).
 */
import {
  detectLocale,
  hasLang,
  loadLang,
  paramText,
  translate,
  type Lang,
  type MessageKey,
  type MessageParams,
} from './index.ts';

export class Locale {
  lang = $state<Lang>('en');
  /** The language last asked for (it may still be loading). */
  #wanted: Lang = 'en';

  constructor(lang: Lang = 'en', doc: Document | undefined = globalThis.document) {
    this.set(lang, doc);
  }

  t = (key: MessageKey, params?: MessageParams): string => translate(this.lang, key, params);

  param = (path: string) => paramText(this.lang, path);

  /** Switches the language, the document's `lang` attribute (for fonts and screen readers) and its title. */
  set(lang: Lang, doc: Document | undefined = globalThis.document): void {
    this.#wanted = lang;
    if (!hasLang(lang)) {
      void loadLang(lang).then(() => {
        if (this.#wanted === lang) this.set(lang, doc);
      });
      return;
    }
    this.lang = lang;
    if (doc) applyTo(doc, lang);
  }
}

function applyTo(doc: Document, lang: Lang): void {
  doc.documentElement.lang = lang;
  doc.title = translate(lang, 'app.title');
}

/** The app's one locale, started from the browser's languages. */
export const locale = new Locale(detectLocale(globalThis.navigator?.languages));
