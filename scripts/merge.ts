/**
 * `npm run merge -- [--format json|csv] [--out FILE] SHARD_FILE...`: combines
 * the shard files of `npm run sim -- ... --shard k/n` into the output that
 * `npm run sim` writes for the same command without --shard (see
 * scripts/shard.ts). Exits with code 2 and a message naming the file at fault
 * when the files are not the n shards of one batch, each once, or cannot be
 * read (special files are refused before reading); --out is checked before
 * any file is read and written whole or not at all. Exit code 1 only for an
 * internal error, in one line (the stack trace with --debug or SIM_DEBUG=1).
 */
import { UsageError } from './cli.ts';
import {
  FileError,
  OutFile,
  catchUncaught,
  debugWanted,
  readRegularFile,
  regularSize,
  reportInternal,
  say,
} from './files.ts';
import { MAX_MERGE_BYTES, mergeCli } from './shard.ts';

const debug = debugWanted(process.argv);

function main(): number {
  let outFile: OutFile | undefined;
  try {
    const r = mergeCli(
      process.argv.slice(2),
      (p) => readRegularFile(p, MAX_MERGE_BYTES, 'shard file'),
      {
        prepareOut: (out) => {
          outFile = OutFile.open(out);
        },
        sizeOf: regularSize,
      },
    );
    if (outFile) {
      outFile.write(r.output);
      outFile.commit();
    } else process.stdout.write(r.output);
    if (r.shards > 0) say('merge', `${r.shards} shards, ${r.runs} runs`);
    return 0;
  } catch (e) {
    outFile?.discard();
    if (e instanceof UsageError || e instanceof FileError) {
      say('merge', `${e.message}\n(npm run merge -- --help shows the usage)`);
      return 2;
    }
    return reportInternal('merge', e, debug);
  }
}

catchUncaught('merge', debug);
process.exitCode = main();
