/**
 * `npm run calibrate -- [options]`: runs every calibration target of
 * src/engine/calibration.ts over seeds 1..N and prints, for each, the target,
 * its source, the model's p10 / median / p90 over the seeds and pass or miss,
 * then a count. Misses are reported, and are not an error: the exit code is 0
 * unless the command itself fails.
 *
 *   --seeds N        seeds 1..N (default 10)
 *   --workers N      worker threads (default: the cores); 0 runs in this thread
 *   --lang en|ja     language of the printed table (default en)
 *   --write          rewrite the tables between <!-- calibration:start --> and
 *                    <!-- calibration:end --> in docs/model.md (English) and
 *                    docs/model.ja.md (Japanese)
 *   --check          exit 1 if those tables differ from this run (nothing written)
 *   --doc-en FILE    the English document (default docs/model.md)
 *   --doc-ja FILE    the Japanese document (default docs/model.ja.md)
 *
 * Exit codes: 0 done (misses included), 1 --check found a stale table or
 * an internal error (one line; the stack trace with --debug or SIM_DEBUG=1),
 * 2 bad options, a document that cannot be read or written (checked before
 * the runs) or without the markers, or more work than a batch may ask for.
 */
import { fileURLToPath } from 'node:url';
import { MAX_JOBS, type Job } from '../src/engine/batch.ts';
import {
  MAX_BATCH_SERIES_BYTES,
  MAX_BATCH_WORK,
  count as fmtCount,
  echo,
} from '../src/engine/limits.ts';
import { SERIES, ECONOMY } from '../src/engine/index.ts';
import { MAX_WORKERS } from './cli.ts';
import {
  FileError,
  OutFile,
  catchUncaught,
  debugWanted,
  readRegularFile,
  reportInternal,
  say,
} from './files.ts';
import {
  CALIBRATION_END,
  CALIBRATION_START,
  calibrationCount,
  calibrationRegion,
  calibrationRows,
  calibrationRuns,
  calibrationSeeds,
  extractCalibrationRegion,
  formatValue,
  replaceCalibrationRegion,
  resultText,
  runCalibration,
  unpackRun,
  type CalibrationLang,
  type CalibrationResult,
  type CalibrationRow,
} from '../src/engine/calibration.ts';
import { MODEL_VERSION } from '../src/engine/simulate.ts';
import { coreCount, nodePool } from '../src/pool/node.ts';

class UsageError extends Error {}

interface Options {
  seeds: number;
  workers: number;
  lang: CalibrationLang;
  write: boolean;
  check: boolean;
  docEn: string;
  docJa: string;
}

const defaultDoc = (name: string) => fileURLToPath(new URL(`../docs/${name}`, import.meta.url));

function parseArgs(argv: string[]): Options {
  const o: Options = {
    seeds: 10,
    workers: coreCount(),
    lang: 'en',
    write: false,
    check: false,
    docEn: defaultDoc('model.md'),
    docJa: defaultDoc('model.ja.md'),
  };
  const value = (i: number, name: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
    return v;
  };
  const count = (v: string, name: string, min: number, max: number) => {
    const n = /^\s*\d{1,15}\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new UsageError(
        `${name} must be a whole number from ${min} to ${fmtCount(max)}, got "${echo(v)}"`,
      );
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case '--seeds':
        o.seeds = count(value(i++, a), a, 1, MAX_JOBS);
        break;
      case '--workers':
        o.workers = count(value(i++, a), a, 0, MAX_WORKERS);
        break;
      case '--lang': {
        const v = value(i++, a);
        if (v !== 'en' && v !== 'ja') {
          throw new UsageError(`--lang must be en or ja, got "${echo(v)}"`);
        }
        o.lang = v;
        break;
      }
      case '--debug':
        break;
      case '--write':
        o.write = true;
        break;
      case '--check':
        o.check = true;
        break;
      case '--doc-en':
        o.docEn = value(i++, a);
        break;
      case '--doc-ja':
        o.docJa = value(i++, a);
        break;
      case '--help':
      case '-h':
        throw new UsageError('help');
      default:
        throw new UsageError(`unknown option "${echo(a)}"`);
    }
  }
  if (o.write && o.check) throw new UsageError('--write and --check do not go together');
  return o;
}

const HELP = `npm run calibrate -- [--seeds N] [--workers N] [--lang en|ja] [--write | --check] [--doc-en FILE] [--doc-ja FILE]
  --seeds N      seeds 1..N (default 10)
  --workers N    worker threads (default: the cores); 0 runs in this thread
  --lang en|ja   language of the printed table
  --write        rewrite the tables between ${CALIBRATION_START} and ${CALIBRATION_END}
                 in docs/model.md and docs/model.ja.md
  --check        exit 1 if those tables differ from this run
  --doc-en FILE, --doc-ja FILE   other documents than docs/model.md and docs/model.ja.md
  --debug        on an internal error, print the stack trace (also SIM_DEBUG=1)
Misses are reported and do not change the exit code.
`;

/** A progress line on stderr: redrawn in place on a terminal, every tenth otherwise. */
function progress(): (done: number, total: number) => void {
  const tty = process.stderr.isTTY === true;
  const t0 = performance.now();
  let lastTenth = -1;
  return (done, total) => {
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    const line = `calibrate: ${done}/${total} runs, ${s} s`;
    if (tty) process.stderr.write(`\r${line}\x1b[K`);
    else {
      const tenth = Math.floor((10 * done) / Math.max(1, total));
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        process.stderr.write(line + '\n');
      }
    }
  };
}

/** Every run on a pool of worker threads; the rows are the same as in one thread. */
async function runOnPool(seeds: number[], workers: number): Promise<CalibrationRow[]> {
  const runs = calibrationRuns(seeds);
  const list: Job[] = runs.map((r, index) => ({ index, scenario: r.scenario, full: true }));
  const pool = nodePool(workers);
  const onProgress = progress();
  try {
    const batch = await pool.run(list, { onProgress: (p) => onProgress(p.done, p.total) });
    if (batch.cancelled) throw new Error('the runs were stopped');
    const byKey = new Map<string, CalibrationResult>();
    runs.forEach((r, i) => {
      const o = batch.outputs[i];
      if (!o) throw new Error(`run ${i} (${r.key}, seed ${r.seed}) gave no output`);
      byKey.set(`${r.seed} ${r.key}`, unpackRun(o, r.scenario));
    });
    return calibrationRows(seeds, (key, seed) => byKey.get(`${seed} ${key}`)!);
  } finally {
    pool.dispose();
  }
}

/** A plain-text table: the numbers in columns, each target's words and source below its line. */
function plainTable(rows: readonly CalibrationRow[], lang: CalibrationLang): string {
  const plain = (s: string) => s.replace(/`/g, '');
  const head =
    lang === 'ja'
      ? ['目標', 'p10', '中央値', 'p90', '結果']
      : ['target', 'p10', 'median', 'p90', 'result'];
  const body = rows.map((r) => [
    plain(r.target.target[lang]),
    formatValue(r.p10, r.target.unit, lang),
    formatValue(r.median, r.target.unit, lang),
    formatValue(r.p90, r.target.unit, lang),
    resultText(r, lang),
  ]);
  const width = (s: string) =>
    [...s].reduce((w, ch) => w + (/[\u3000-\uffef]/.test(ch) ? 2 : 1), 0);
  const cols = head.map((h, c) => Math.max(width(h), ...body.map((b) => width(b[c]))));
  const pad = (s: string, c: number, right: boolean) => {
    const fill = ' '.repeat(Math.max(0, cols[c] - width(s)));
    return right ? fill + s : s + fill;
  };
  const line = (cells: string[]) =>
    cells
      .map((s, c) => pad(s, c, c >= 1 && c <= 3))
      .join('  ')
      .trimEnd();
  const src = lang === 'ja' ? '出典' : 'source';
  const out = [line(head)];
  rows.forEach((r, i) => {
    out.push('');
    out.push(`${r.id}: ${plain(r.target.label[lang])}`);
    out.push(`  ${line(body[i])}`);
    out.push(`  ${src}: ${r.target.source[lang]}`);
  });
  return out.join('\n') + '\n';
}

/** Largest document --write and --check read: 10,000,000 bytes. */
const MAX_DOC_BYTES = 10_000_000;

function readDoc(path: string, what: string): string {
  try {
    return readRegularFile(path, MAX_DOC_BYTES, what).toString('utf8');
  } catch (e) {
    if (e instanceof FileError) throw new UsageError(e.message, { cause: e });
    throw e;
  }
}

/**
 * Refuses more seeds than a batch may run: the runs past MAX_JOBS, their
 * firm-quarters past MAX_BATCH_WORK, or their series past
 * MAX_BATCH_SERIES_BYTES (src/engine/limits.ts).
 */
function checkSize(seeds: number): void {
  const perSeed = calibrationRuns([1]);
  const runs = perSeed.length * seeds;
  let work = 0;
  let bytes = 0;
  for (const r of perSeed) {
    const sc = r.scenario;
    const tiers = sc.network.firmsPerTier.length;
    const firms = sc.network.firmsPerTier.reduce((x, y) => x + y, 0);
    work += firms * (sc.years + sc.simulation.burnInYears) * 4 * seeds;
    bytes +=
      (Object.keys(SERIES).length * tiers + Object.keys(ECONOMY).length) * sc.years * 4 * 8 * seeds;
  }
  const most = Math.max(
    1,
    Math.min(
      Math.floor(MAX_JOBS / perSeed.length),
      Math.floor((MAX_BATCH_WORK / work) * seeds),
      Math.floor((MAX_BATCH_SERIES_BYTES / bytes) * seeds),
    ),
  );
  if (seeds > most) {
    throw new UsageError(
      `--seeds ${seeds} asks for ${fmtCount(runs)} runs (${fmtCount(work)} firm-quarters, ${fmtCount(bytes)} bytes of series); at most ${fmtCount(most)} seeds fit the limits of a batch`,
    );
  }
}

async function main(): Promise<number> {
  let o: Options;
  try {
    o = parseArgs(process.argv.slice(2));
    checkSize(o.seeds);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message === 'help') {
        process.stdout.write(HELP);
        return 0;
      }
      say('calibrate', e.message);
      process.stderr.write(HELP);
      return 2;
    }
    throw e;
  }
  const docs: { lang: CalibrationLang; path: string; text: string; out?: OutFile }[] = [];
  if (o.write || o.check) {
    try {
      for (const [lang, path, what] of [
        ['en', o.docEn, '--doc-en'],
        ['ja', o.docJa, '--doc-ja'],
      ] as const) {
        const text = readDoc(path, what);
        if (extractCalibrationRegion(text) === null) {
          throw new UsageError(
            `${path} has no calibration table: add the lines ${CALIBRATION_START} and ${CALIBRATION_END} where it goes`,
          );
        }
        // --write: the document must be writable before the runs start.
        let out: OutFile | undefined;
        if (o.write) {
          try {
            out = OutFile.open(path, what);
          } catch (e) {
            if (e instanceof FileError) throw new UsageError(e.message, { cause: e });
            throw e;
          }
        }
        docs.push({ lang, path, text, out });
      }
    } catch (e) {
      if (e instanceof UsageError) {
        say('calibrate', e.message);
        return 2;
      }
      throw e;
    }
  }

  const seeds = calibrationSeeds(o.seeds);
  const t0 = performance.now();
  const where =
    o.workers === 0 ? 'in this thread' : `on ${o.workers} worker${o.workers === 1 ? '' : 's'}`;
  process.stderr.write(`calibrate: seeds 1-${o.seeds}, model version ${MODEL_VERSION}, ${where}\n`);
  const rows =
    o.workers === 0 ? runCalibration(seeds, progress()) : await runOnPool(seeds, o.workers);
  if (process.stderr.isTTY) process.stderr.write('\n');
  const secs = ((performance.now() - t0) / 1000).toFixed(1);

  process.stdout.write(plainTable(rows, o.lang));
  process.stdout.write(`\ncalibrate: ${calibrationCount(rows, o.lang)}\n`);
  process.stderr.write(`calibrate: ${rows.length} targets, seeds 1-${o.seeds}, ${secs} s\n`);

  let stale = 0;
  for (const d of docs) {
    const region = calibrationRegion(rows, d.lang, o.seeds);
    if (o.write) {
      const next = replaceCalibrationRegion(d.text, region)!;
      if (next !== d.text) {
        d.out!.write(next);
        d.out!.commit();
      } else d.out!.discard();
      process.stderr.write(`calibrate: ${next === d.text ? 'unchanged' : 'wrote'} ${d.path}\n`);
    } else if (extractCalibrationRegion(d.text) !== region) {
      stale++;
      process.stderr.write(
        `calibrate: the table in ${d.path} differs from this run (npm run calibrate -- --seeds ${o.seeds} --write)\n`,
      );
    }
  }
  if (o.check && stale === 0)
    process.stderr.write('calibrate: the tables of the docs are current\n');
  return stale > 0 ? 1 : 0;
}

const debug = debugWanted(process.argv);
catchUncaught('calibrate', debug);
main().then(
  (code) => process.exit(code),
  (e: unknown) => process.exit(reportInternal('calibrate', e, debug)),
);
