/**
 * "How the model works": docs/model.md rendered with marked, equations
 * ($...$ and $$...$$) with KaTeX. The file is bundled at build time if it
 * exists; the renderer is loaded only when the page is opened.
 */
const files = import.meta.glob('../../docs/model.md', {
  query: '?raw',
  import: 'default',
}) as Record<string, () => Promise<string>>;

export interface ModelDoc {
  /** The document up to its title (its first level-1 heading), then the rest. */
  head: string;
  html: string;
  /** The sections (level-2 headings), for a table of contents. */
  sections: { id: string; title: string }[];
}

/** An id for a heading: lower case words joined by dashes. */
export function slug(text: string): string {
  const words = text
    .replace(/<[^>]*>/g, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  return `model-${(words ?? ['section']).join('-')}`;
}

/** The rendered document, or null if the build has no docs/model.md. */
export async function loadModelDoc(): Promise<ModelDoc | null> {
  const load = files['../../docs/model.md'];
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
  const all = marked.parse(source, { async: false });
  const cut = all.indexOf('</h1>');
  const at = cut >= 0 ? cut + '</h1>'.length : 0;
  return { head: all.slice(0, at), html: all.slice(at), sections };
}
