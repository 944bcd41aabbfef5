/**
 * `npm run merge -- [--format json|csv] [--out FILE] SHARD_FILE...`: combines
 * the shard files of `npm run sim -- ... --shard k/n` into the output that
 * `npm run sim` writes for the same command without --shard (see
 * scripts/shard.ts). Exits with code 2 and a message naming the file at fault
 * when the files are not the n shards of one batch, each once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { UsageError } from './cli.ts';
import { mergeCli } from './shard.ts';

function main(): number {
  try {
    const r = mergeCli(process.argv.slice(2), (p) => readFileSync(p));
    if (r.out) writeFileSync(r.out, r.output);
    else process.stdout.write(r.output);
    if (r.shards > 0) process.stderr.write(`merge: ${r.shards} shards, ${r.runs} runs\n`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`merge: ${e.message}\n(npm run merge -- --help shows the usage)\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = main();
