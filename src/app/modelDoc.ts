/**
 * "How the model works": docs/model.md rendered with marked, equations
 * ($...$ and $$...$$) with KaTeX. The file is bundled at build time if it
 * exists; the renderer is loaded only when the page is opened.
 */
const files = import.meta.glob('../../docs/model.md', {
  query: '?raw',
  import: 'default',
}) as Record<string, () => Promise<string>>;

/** The rendered HTML, or null if the build has no docs/model.md. */
export async function loadModelDoc(): Promise<string | null> {
  const load = files['../../docs/model.md'];
  if (!load) return null;
  const [source, { Marked }, { default: markedKatex }] = await Promise.all([
    load(),
    import('marked'),
    import('marked-katex-extension'),
    import('katex/dist/katex.min.css'),
  ]);
  const marked = new Marked({ gfm: true });
  marked.use(markedKatex({ throwOnError: false, nonStandard: true }));
  return marked.parse(source, { async: false });
}
