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
 * Exit codes: 0 done (misses included), 1 --check found a stale table,
 * 2 bad options or a document without the markers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Job } from '../src/engine/batch.ts';
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
  const count = (v: string, name: string, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min)
      throw new UsageError(`${name} must be a whole number of at least ${min}, got "${v}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case '--seeds':
        o.seeds = count(value(i++, a), a, 1);
        break;
      case '--workers':
        o.workers = count(value(i++, a), a, 0);
        break;
      case '--lang': {
        const v = value(i++, a);
        if (v !== 'en' && v !== 'ja') throw new UsageError(`--lang must be en or ja, got "${v}"`);
        o.lang = v;
        break;
      }
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
        throw new UsageError(`unknown option "${a}"`);
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

function readDoc(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as Error).message}`);
  }
}

async function main(): Promise<number> {
  let o: Options;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message === 'help') {
        process.stdout.write(HELP);
        return 0;
      }
      process.stderr.write(`calibrate: ${e.message}\n${HELP}`);
      return 2;
    }
    throw e;
  }
  const docs: { lang: CalibrationLang; path: string; text: string }[] = [];
  if (o.write || o.check) {
    try {
      for (const [lang, path] of [
        ['en', o.docEn],
        ['ja', o.docJa],
      ] as const) {
        const text = readDoc(path);
        if (extractCalibrationRegion(text) === null) {
          throw new UsageError(
            `${path} has no calibration table: add the lines ${CALIBRATION_START} and ${CALIBRATION_END} where it goes`,
          );
        }
        docs.push({ lang, path, text });
      }
    } catch (e) {
      if (e instanceof UsageError) {
        process.stderr.write(`calibrate: ${e.message}\n`);
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
      if (next !== d.text) writeFileSync(d.path, next);
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

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`calibrate: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
