/**
 * `npm run sim -- [options]`: runs a scenario and prints JSON or CSV (see
 * --help). Batches (--runs, --sweep) run on worker threads with a progress
 * bar on stderr; Ctrl-C stops them and writes the runs done so far, marked
 * as partial. With --shard k/n a batch runs only its shard k and writes a
 * shard file for `npm run merge` (scripts/shard.ts), and nothing when
 * interrupted.
 */
import { tmpdir } from 'node:os';
import { jobs, jobCount } from '../src/engine/batch.ts';
import { MAX_SCENARIO_BYTES } from '../src/engine/limits.ts';
import { coreCount, nodePool } from '../src/pool/node.ts';
import type { Progress } from '../src/pool/pool.ts';
import { UsageError, formatBatch, parseCli, type BatchRequest } from './cli.ts';
import {
  FileError,
  OutFile,
  catchUncaught,
  debugWanted,
  readRegularFile,
  reportInternal,
  say as sayAs,
  writePieces,
} from './files.ts';
import { shardJobs, shardLines } from './shard.ts';

/** The output file, opened (as a temporary file beside it) before any work. */
let outFile: OutFile | undefined;

/** Writes the output, given in pieces, to --out (whole or absent) or standard output. */
function writeOutput(pieces: Iterable<string>, ext: string): void {
  if (outFile) writePieces(outFile, pieces, tmpdir(), ext);
  else for (const p of pieces) process.stdout.write(p);
}

/** A progress line on stderr: redrawn in place on a terminal, every tenth otherwise. */
function progressBar(): (p: Progress) => void {
  const tty = process.stderr.isTTY === true;
  let lastTenth = -1;
  return (p) => {
    const width = 30;
    const filled = p.total > 0 ? Math.round((width * p.done) / p.total) : width;
    const left = p.remainingMs === null ? '' : `, ${(p.remainingMs / 1000).toFixed(1)} s left`;
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total} runs${left}`;
    if (tty) process.stderr.write(`\r${line}\x1b[K`);
    else {
      const tenth = Math.floor((10 * p.done) / Math.max(1, p.total));
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        process.stderr.write(line + '\n');
      }
    }
  };
}

async function runBatch(req: BatchRequest): Promise<number> {
  const pool = nodePool(req.workers);
  let interrupted = false;
  const onSigint = () => {
    if (interrupted) process.exit(130); // a second Ctrl-C: stop without writing
    interrupted = true;
    pool.cancel(false);
  };
  process.on('SIGINT', onSigint);
  const { shard } = req;
  const list = shard ? shardJobs(req.plan, shard) : jobs(req.plan);
  const total = list.length;
  const workers = `${req.workers} worker${req.workers === 1 ? '' : 's'}`;
  process.stderr.write(
    shard
      ? `sim: shard ${shard.k}/${shard.n}: ${total} of ${jobCount(req.plan)} runs on ${workers} (Ctrl-C stops without writing the shard)\n`
      : `sim: ${total} runs on ${workers} (Ctrl-C stops and writes the runs done)\n`,
  );
  try {
    const run = await pool.run(list, { onProgress: progressBar() });
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (shard) {
      if (run.cancelled) {
        process.stderr.write(
          `sim: interrupted; shard ${shard.k}/${shard.n} not written (the merge needs whole shards)\n`,
        );
        return 130;
      }
      writeOutput(shardLines(req.plan, shard, run.outputs), 'json');
      process.stderr.write(
        `sim: shard ${shard.k}/${shard.n}: ${total} runs in ${(run.ms / 1000).toFixed(2)} s\n`,
      );
      return 0;
    }
    writeOutput([formatBatch(req, run.outputs, run.done)], req.format);
    if (run.cancelled) {
      process.stderr.write(
        `sim: interrupted; wrote the ${run.done} of ${total} runs done (partial results, "complete": false)\n`,
      );
      return 130;
    }
    process.stderr.write(`sim: ${total} runs in ${(run.ms / 1000).toFixed(2)} s\n`);
    return 0;
  } finally {
    process.off('SIGINT', onSigint);
    pool.dispose();
  }
}

const debug = debugWanted(process.argv);
const say = (message: string) => sayAs('sim', message);
const internal = (e: unknown) => reportInternal('sim', e, debug);

async function main(): Promise<number> {
  try {
    const req = parseCli(
      process.argv.slice(2),
      (p) => readRegularFile(p, MAX_SCENARIO_BYTES, '--scenario').toString('utf8'),
      coreCount(),
      (out) => {
        outFile = OutFile.open(out);
      },
    );
    for (const n of req.notes ?? []) say(n);
    if (req.kind === 'text') {
      if (req.out === undefined) process.stdout.write(req.output);
      else writeOutput([req.output], 'txt');
      return 0;
    }
    return await runBatch(req);
  } catch (e) {
    if (e instanceof UsageError || e instanceof FileError) {
      say(`${e.message}\n(npm run sim -- --help lists the options)`);
      return 2;
    }
    return internal(e);
  }
}

catchUncaught('sim', debug);
process.exitCode = await main();
