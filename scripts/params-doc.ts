/**
 * The parameter tables of docs/model.md (and of its Japanese translation
 * docs/model.ja.md), generated from the engine's parameter table and the
 * i18n catalog so that the documents cannot drift from the code.
 *   npx tsx scripts/params-doc.ts                    print the tables
 *   npx tsx scripts/params-doc.ts --write            rewrite them in docs/model.md
 *   npx tsx scripts/params-doc.ts --lang ja          print the Japanese tables
 *   npx tsx scripts/params-doc.ts --lang ja --write  rewrite them in docs/model.ja.md
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LANGS, type Lang } from '../src/i18n/index.ts';
import { paramsMarkdown, replaceParamsSection } from './params-markdown.ts';

const args = process.argv.slice(2);
const langAt = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
const langArg =
  langAt < 0 ? 'en' : args[langAt].startsWith('--lang=') ? args[langAt].slice(7) : args[langAt + 1];
if (!(LANGS as readonly string[]).includes(langArg)) {
  process.stderr.write(`--lang must be one of ${LANGS.join(', ')} (got ${String(langArg)})\n`);
  process.exit(2);
}
const lang = langArg as Lang;

const file = lang === 'en' ? '../docs/model.md' : `../docs/model.${lang}.md`;
const docPath = fileURLToPath(new URL(file, import.meta.url));
if (args.includes('--write')) {
  writeFileSync(docPath, replaceParamsSection(readFileSync(docPath, 'utf8'), lang));
} else {
  process.stdout.write(paramsMarkdown(lang));
}
