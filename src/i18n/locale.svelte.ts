/**
 * The UI language as Svelte 5 state. Components call `locale.t(key, params)`
 * in their markup; because `t` reads `locale.lang`, every text re-renders
 * when the language changes.
 */
import {
  detectLocale,
  paramText,
  translate,
  type Lang,
  type MessageKey,
  type MessageParams,
} from './index.ts';

export class Locale {
  lang = $state<Lang>('en');

  constructor(lang: Lang = 'en', doc: Document | undefined = globalThis.document) {
    this.lang = lang;
    if (doc) applyTo(doc, lang);
  }

  t = (key: MessageKey, params?: MessageParams): string => translate(this.lang, key, params);

  param = (path: string) => paramText(this.lang, path);

  /** Switches the language, the document's `lang` attribute (for fonts and screen readers) and its title. */
  set(lang: Lang, doc: Document | undefined = globalThis.document): void {
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
