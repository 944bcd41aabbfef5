/**
 * The parameter tables of docs/model.md, generated from the engine's
 * parameter table so that the document cannot drift from the code.
 *   npx tsx scripts/params-doc.ts          print the tables
 *   npx tsx scripts/params-doc.ts --write  rewrite them in docs/model.md
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { paramsMarkdown, replaceParamsSection } from './params-markdown.ts';

const docPath = fileURLToPath(new URL('../docs/model.md', import.meta.url));
if (process.argv.includes('--write')) {
  writeFileSync(docPath, replaceParamsSection(readFileSync(docPath, 'utf8')));
} else {
  process.stdout.write(paramsMarkdown());
}
