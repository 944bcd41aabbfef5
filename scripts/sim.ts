/** `npm run sim -- [options]`: runs a scenario and prints JSON or CSV (see --help). */
import { readFileSync, writeFileSync } from 'node:fs';
import { UsageError, runCli } from './cli.ts';

try {
  const { output, out } = runCli(process.argv.slice(2), (p) => readFileSync(p, 'utf8'));
  if (out) writeFileSync(out, output);
  else process.stdout.write(output);
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`sim: ${e.message}\n(npm run sim -- --help lists the options)\n`);
    process.exit(2);
  }
  throw e;
}
