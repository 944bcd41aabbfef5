/**
 * Regression baseline of the model (in the spirit of SDEverywhere's model
 * check): a fingerprint of every output for a few scenarios, saved in
 * test/engine/baseline.json. The baseline test fails when any output moves
 * by more than a relative 1e-9, so a refactoring that should change nothing
 * is checked to change nothing. After an intended model change:
 *   npx tsx scripts/baseline.ts --write
 * and say in the commit why the figures moved.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fingerprint } from './fingerprint.ts';

const path = fileURLToPath(new URL('../test/engine/baseline.json', import.meta.url));
const data = fingerprint();
if (process.argv.includes('--write')) {
  writeFileSync(path, JSON.stringify(data, null, 1) + '\n');
  console.log(`wrote ${path}`);
} else {
  console.log(JSON.stringify(data, null, 1));
}
