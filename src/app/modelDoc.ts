/**
 * "How the model works": docs/model.md (English) or docs/model.ja.md
 * (Japanese) rendered with marked, equations ($...$ and $$...$$) with KaTeX.
 * The files are bundled at build time if they exist; a language's file and
 * the renderer are loaded only when the page is opened in that language.
 */
import type { Lang } from '../i18n/index.ts';

const files = import.meta.glob(['../../docs/model.md', '../../docs/model.ja.md'], {
  query: '?raw',
  import: 'default',
}) as Record<string, () => Promise<string>>;

const FILE: Record<Lang, string> = {
  en: '../../docs/model.md',
  ja: '../../docs/model.ja.md',
};

export interface ModelDoc {
  /** The document up to its title (its first level-1 heading), then the rest. */
  head: string;
  html: string;
  /** The sections (level-2 headings), for a table of contents. */
  sections: { id: string; title: string }[];
  /** The language the document is in: English if `lang` has no document of its own. */
  lang: Lang;
}

/** An id for a heading: lower case words joined by dashes. */
export function slug(text: string): string {
  const words = text
    .replace(/<[^>]*>/g, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  return `model-${(words ?? ['section']).join('-')}`;
}

const rendered = new Map<Lang, Promise<ModelDoc | null>>();

/** The rendered document in `lang` (else in English), or null if the build has neither. */
export function loadModelDoc(lang: Lang = 'en'): Promise<ModelDoc | null> {
  let doc = rendered.get(lang);
  if (!doc) {
    doc = render(files[FILE[lang]] ? lang : 'en');
    rendered.set(lang, doc);
    // A failure is not kept: opening the page again tries again.
    doc.catch(() => rendered.delete(lang));
  }
  return doc;
}

async function render(lang: Lang): Promise<ModelDoc | null> {
  const load = files[FILE[lang]];
  if (!load) return null;
  const [source, { Marked }, { default: markedKatex }] = await Promise.all([
    load(),
    import('marked'),
    import('marked-katex-extension'),
    import('katex/dist/katex.min.css'),
  ]);
  const sections: ModelDoc['sections'] = [];
  const marked = new Marked({ gfm: true });
  marked.use(markedKatex({ throwOnError: false, nonStandard: true }));
  marked.use({
    renderer: {
      heading({ tokens, depth, text }) {
        const id = slug(text);
        if (depth === 2) sections.push({ id, title: text.replace(/[*_`]/g, '') });
        return `<h${depth} id="${id}" tabindex="-1">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
    },
  });
  // Wide tables and equations scroll on their own on a phone (not the page);
  // a region that scrolls can be reached with the keyboard.
  const all = marked
    .parse(source, { async: false })
    .replace(/<table>/g, '<div class="table-scroll" tabindex="0"><table>')
    .replace(/<\/table>/g, '</table></div>')
    .replace(/<span class="katex-display">/g, '<span class="katex-display" tabindex="0">');
  const cut = all.indexOf('</h1>');
  const at = cut >= 0 ? cut + '</h1>'.length : 0;
  return { head: all.slice(0, at), html: all.slice(at), sections, lang };
}
