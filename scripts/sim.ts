/**
 * `npm run sim -- [options]`: runs a scenario and prints JSON or CSV (see
 * --help). Batches (--runs, --sweep) run on worker threads with a progress
 * bar on stderr; Ctrl-C stops them and writes the runs done so far, marked
 * as partial.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { jobs, jobCount } from '../src/engine/batch.ts';
import { coreCount, nodePool } from '../src/pool/node.ts';
import type { Progress } from '../src/pool/pool.ts';
import { UsageError, formatBatch, parseCli, type BatchRequest } from './cli.ts';

function write(output: string, out: string | undefined): void {
  if (out) writeFileSync(out, output);
  else process.stdout.write(output);
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
  const total = jobCount(req.plan);
  process.stderr.write(
    `sim: ${total} runs on ${req.workers} worker${req.workers === 1 ? '' : 's'} (Ctrl-C stops and writes the runs done)\n`,
  );
  try {
    const run = await pool.run(jobs(req.plan), { onProgress: progressBar() });
    if (process.stderr.isTTY) process.stderr.write('\n');
    write(formatBatch(req, run.outputs, run.done), req.out);
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

async function main(): Promise<number> {
  try {
    const req = parseCli(process.argv.slice(2), (p) => readFileSync(p, 'utf8'), coreCount());
    if (req.kind === 'text') {
      write(req.output, req.out);
      return 0;
    }
    return await runBatch(req);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`sim: ${e.message}\n(npm run sim -- --help lists the options)\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = await main();
