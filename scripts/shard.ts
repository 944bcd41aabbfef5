/**
 * Batches split over machines. `npm run sim -- --runs N --shard k/n` (or
 * --sweep) runs shard k of n and writes a shard file; `npm run merge --
 * FILES...` checks that the files are the n shards of one batch and writes
 * exactly what `npm run sim` would have written for the same command without
 * --shard.
 *
 * The rule: job i of the plan (i = point × runs + run: the runs of the first
 * grid point, then those of the next, ...) belongs to shard i mod n, shards
 * counted from 0 like a Kubernetes Indexed Job's completion index. Each shard
 * gets ⌊N/n⌋ or ⌈N/n⌉ of the N jobs, spread over the grid; the split does not
 * depend on --workers or on the machine.
 *
 * A shard file is one JSON object laid out one run per line, so that files of
 * thousands of full runs are written and read a line at a time:
 *
 *   {"format":"supply-chain-sim shard",...,"plan":{...},"outputs":[
 *   {"index":3,"seed":...,"tiers":4,"quarters":8,"summary":{...},"packed":"<base64>"},
 *   ...
 *   ]}
 *
 * Outputs keep every bit, so the merge computes the same statistics: `packed`
 * (every series of a --runs job) holds the Float64Array's bytes, little-endian,
 * in base64, and a summary's non-finite numbers and -0 are written as the
 * strings "NaN", "Infinity", "-Infinity" and "-0".
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import {
  ECONOMY,
  MODEL_VERSION,
  PARAM_BY_PATH,
  SERIES,
  validateScenario,
  type Summary,
} from '../src/engine/index.ts';
import {
  MAX_JOBS,
  jobCount,
  jobs,
  type Job,
  type Plan,
  type RunOutput,
} from '../src/engine/batch.ts';
import { MAX_BATCH_SERIES_BYTES, count, echo, summarizeErrors } from '../src/engine/limits.ts';
import { UsageError, batchCost, formatBatch, shardSize, type Shard } from './cli.ts';
import { FileError } from './files.ts';

export const SHARD_FORMAT = 'supply-chain-sim shard';
export const SHARD_FORMAT_VERSION = 1;

/**
 * Most bytes of shard files one merge reads, all files together: 2,000,000,000
 * (the series of a --runs batch, at most MAX_BATCH_SERIES_BYTES, take about
 * 4/3 as much in base64). Checked from the files' sizes before reading any.
 */
export const MAX_MERGE_BYTES = 2_000_000_000;

export const MERGE_USAGE = `Usage: npm run merge -- [--format json|csv] [--out FILE] SHARD_FILE...

Combines the shard files written by npm run sim -- ... --shard k/n (k = 0 to n-1)
into the output that npm run sim writes for the same command without --shard.
Give every shard of the batch exactly once, in any order.

  --format json|csv    output format (default json)
  --out FILE           write to FILE instead of standard output (checked before any
                       file is read; written whole or not at all)
  --debug              on an internal error, print the stack trace (also SIM_DEBUG=1)
  --help               this text

At most 2,000,000,000 bytes of shard files in all. Exit codes: 0 done, 2 bad input
or shard files that do not fit (a message names the file), 1 an internal error.`;

/** Whether job `index` belongs to shard s: index mod n = k. */
export const inShard = (index: number, s: Shard): boolean => index % s.n === s.k;

/** The jobs of shard s, in plan order. */
export function shardJobs(plan: Plan, s: Shard): Job[] {
  return jobs(plan).filter((j) => inShard(j.index, s));
}

/** A hash of the model version and the plan (scenario, seeds, grid): shards of one batch share it. */
export function planFingerprint(plan: Plan): string {
  const text = JSON.stringify({ version: MODEL_VERSION, plan });
  return 'sha256:' + createHash('sha256').update(text).digest('hex');
}

/* ----------------------------------------------------------- exact numbers */

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function encodePacked(a: Float64Array): string {
  const bytes = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return (LITTLE_ENDIAN ? bytes : Buffer.from(bytes).swap64()).toString('base64');
}

function decodePacked(s: string): Float64Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return null;
  const bytes = Buffer.from(s, 'base64');
  if (bytes.length % 8 !== 0) return null;
  if (!LITTLE_ENDIAN) bytes.swap64();
  // A copy: the decoded bytes may not sit at a multiple of 8 in their buffer.
  return new Float64Array(new Uint8Array(bytes).buffer);
}

const SPECIAL: Record<string, number> = {
  NaN: NaN,
  Infinity: Infinity,
  '-Infinity': -Infinity,
  '-0': -0,
};

/** JSON.stringify replacer: non-finite numbers and -0 as strings (JSON has no NaN, and 0 for -0). */
function exactNumbers(_key: string, v: unknown): unknown {
  if (typeof v !== 'number') return v;
  if (Object.is(v, -0)) return '-0';
  return Number.isFinite(v) ? v : String(v);
}

function reviveNumbers(x: unknown): unknown {
  if (typeof x === 'string') return Object.hasOwn(SPECIAL, x) ? SPECIAL[x] : x;
  if (Array.isArray(x)) return x.map(reviveNumbers);
  if (isObject(x)) {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) o[k] = reviveNumbers(v);
    return o;
  }
  return x;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/* ---------------------------------------------------------------- writing */

/**
 * The lines of shard s's file (each ending in a newline), from the outputs of
 * its jobs (by job index, as the worker pool returns them).
 */
export function* shardLines(
  plan: Plan,
  s: Shard,
  outputs: readonly (RunOutput | undefined)[],
): Generator<string> {
  const total = jobCount(plan);
  const head = JSON.stringify({
    format: SHARD_FORMAT,
    formatVersion: SHARD_FORMAT_VERSION,
    version: MODEL_VERSION,
    fingerprint: planFingerprint(plan),
    shard: { k: s.k, n: s.n },
    rule: 'job index mod n = k',
    jobs: total,
    jobsInShard: shardSize(total, s),
    plan,
  });
  yield head.slice(0, -1) + ',"outputs":[\n';
  for (let i = s.k; i < total; i += s.n) {
    const o = outputs[i];
    if (!o) throw new Error(`run ${i} of shard ${s.k}/${s.n} was not done`);
    const line = JSON.stringify(
      {
        index: o.index,
        seed: o.seed,
        tiers: o.tiers,
        quarters: o.quarters,
        summary: o.summary,
        ...(o.packed ? { packed: encodePacked(o.packed) } : {}),
      },
      exactNumbers,
    );
    yield line + (i + s.n < total ? ',\n' : '\n');
  }
  yield ']}\n';
}

/* ---------------------------------------------------------------- reading */

/** A shard file, checked. */
export interface ShardFile {
  file: string;
  shard: Shard;
  fingerprint: string;
  plan: Plan;
  outputs: RunOutput[];
}

/**
 * Reads the layout shardLines writes a line at a time (a file of full runs
 * may be too large for one string); undefined if the file is laid out
 * otherwise.
 */
function parseLines(data: Buffer): Record<string, unknown> | undefined {
  let end = data.indexOf(10);
  if (end < 0) return undefined;
  const first = data.toString('utf8', 0, end);
  if (!first.endsWith(',"outputs":[')) return undefined;
  try {
    const head = JSON.parse(first + ']}') as unknown;
    if (!isObject(head)) return undefined;
    const outputs: unknown[] = [];
    let more = true; // whether the previous line ended in a comma (or was the head)
    for (;;) {
      const start = end + 1;
      end = data.indexOf(10, start);
      if (end < 0) return undefined;
      const line = data.toString('utf8', start, end);
      if (line === ']}') {
        if (end + 1 !== data.length || (more && outputs.length > 0)) return undefined;
        head.outputs = outputs;
        return head;
      }
      if (!more) return undefined;
      more = line.endsWith(',');
      outputs.push(JSON.parse(more ? line.slice(0, -1) : line));
    }
  } catch {
    return undefined;
  }
}

function parseFile(file: string, data: Buffer): unknown {
  const lines = parseLines(data);
  if (lines !== undefined) return lines;
  let text: string;
  try {
    text = data.toString('utf8');
  } catch (e) {
    throw new UsageError(`${file}: too large to read as one JSON text (${(e as Error).message})`, {
      cause: e,
    });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file} is not valid JSON: ${echo((e as Error).message)}`, { cause: e });
  }
}

const SERIES_COUNT = Object.keys(SERIES).length;
const ECONOMY_COUNT = Object.keys(ECONOMY).length;
const positiveInt = (x: unknown): x is number => Number.isInteger(x) && (x as number) > 0;

function decodeOutput(
  x: unknown,
  index: number,
  plan: Plan,
  bad: (msg: string) => UsageError,
): RunOutput {
  const what = `run ${index}`;
  if (!isObject(x)) throw bad(`${what} is not an object`);
  if (x.index !== index) {
    throw bad(`the run in place of ${what} has index ${String(x.index)} (index mod n must be k)`);
  }
  if (x.seed !== plan.seeds[index % plan.seeds.length]) {
    throw bad(
      `${what} has seed ${String(x.seed)}, the plan says ${plan.seeds[index % plan.seeds.length]}`,
    );
  }
  if (!positiveInt(x.tiers) || !positiveInt(x.quarters)) {
    throw bad(`${what} has no valid "tiers" and "quarters"`);
  }
  if (!isObject(x.summary)) throw bad(`${what} has no "summary"`);
  const out: RunOutput = {
    index,
    seed: x.seed,
    summary: reviveNumbers(x.summary) as Summary,
    tiers: x.tiers,
    quarters: x.quarters,
  };
  if (plan.full) {
    const packed = typeof x.packed === 'string' ? decodePacked(x.packed) : null;
    if (!packed) throw bad(`${what} has no valid "packed" series (base64)`);
    const expected = (SERIES_COUNT * x.tiers + ECONOMY_COUNT) * x.quarters;
    if (packed.length !== expected) {
      throw bad(`${what} has ${packed.length} series values, expected ${expected}`);
    }
    out.packed = packed;
  } else if (x.packed !== undefined) throw bad(`${what} has series, which a sweep's runs have not`);
  return out;
}

/**
 * Checks a plan read from a file as the CLI checks its own: at most MAX_JOBS
 * runs, a valid scenario, grid points that set known numbers, seeds that are
 * whole numbers, and series within MAX_BATCH_SERIES_BYTES. Returns what is
 * wrong, or undefined.
 */
function planProblem(p: Plan): string | undefined {
  const total = p.points.length * p.seeds.length;
  if (total < 1 || total > MAX_JOBS) {
    return `the plan has ${count(total)} runs; a batch has 1 to ${count(MAX_JOBS)}`;
  }
  if (!p.seeds.every((x) => Number.isSafeInteger(x)))
    return 'the plan has a seed that is not a whole number';
  for (const point of p.points) {
    if (
      !isObject(point) ||
      !Array.isArray(point.set) ||
      !point.set.every(
        (a) =>
          Array.isArray(a) &&
          a.length === 2 &&
          typeof a[0] === 'string' &&
          PARAM_BY_PATH.get(a[0])?.kind !== undefined &&
          PARAM_BY_PATH.get(a[0])?.kind !== 'boolean' &&
          typeof a[1] === 'number',
      )
    ) {
      return 'the plan has a grid point that does not set known parameters to numbers';
    }
  }
  const v = validateScenario(p.base);
  if (!v.ok) return `the plan's scenario is invalid: ${summarizeErrors(v.errors, 5).join('; ')}`;
  const { seriesBytes } = batchCost(p);
  if (seriesBytes > MAX_BATCH_SERIES_BYTES) {
    return `the plan's series would take ${count(seriesBytes)} bytes, at most ${count(MAX_BATCH_SERIES_BYTES)}`;
  }
  return undefined;
}

/** Parses and checks one shard file; throws UsageError naming the file. */
export function readShard(file: string, data: Buffer): ShardFile {
  file = echo(file);
  const bad = (msg: string) => new UsageError(`${file}: ${msg}`);
  const x = parseFile(file, data);
  if (!isObject(x) || x.format !== SHARD_FORMAT) {
    throw new UsageError(
      `${file} is not a shard file (npm run sim -- --runs N --shard k/n --out FILE writes them)`,
    );
  }
  if (x.formatVersion !== SHARD_FORMAT_VERSION) {
    throw bad(
      `shard file format ${String(x.formatVersion)}; this merge reads format ${SHARD_FORMAT_VERSION}`,
    );
  }
  if (x.version !== MODEL_VERSION) {
    throw bad(
      `written by model version ${String(x.version)}, this is ${MODEL_VERSION}: run the shards again`,
    );
  }
  const s = x.shard;
  if (
    !isObject(s) ||
    !Number.isInteger(s.k) ||
    !positiveInt(s.n) ||
    (s.k as number) < 0 ||
    (s.k as number) >= s.n
  ) {
    throw bad('no valid "shard" ({"k": 0 to n-1, "n": at least 1})');
  }
  const shard = { k: s.k as number, n: s.n };
  const p = x.plan;
  if (
    !isObject(p) ||
    (p.kind !== 'runs' && p.kind !== 'sweep') ||
    !isObject(p.base) ||
    !Array.isArray(p.points) ||
    !Array.isArray(p.seeds) ||
    p.seeds.length === 0 ||
    typeof p.full !== 'boolean'
  ) {
    throw bad('no valid "plan"');
  }
  const plan = p as unknown as Plan;
  const problem = planProblem(plan);
  if (problem) throw bad(problem);
  const fingerprint = planFingerprint(plan);
  if (x.fingerprint !== fingerprint) {
    throw bad('the plan does not match its fingerprint (the file was changed or damaged)');
  }
  const total = jobCount(plan);
  if (x.jobs !== total) throw bad(`"jobs" is ${String(x.jobs)}, the plan has ${total}`);
  if (!Array.isArray(x.outputs)) throw bad('no "outputs" list');
  const size = shardSize(total, shard);
  if (x.outputs.length !== size) {
    throw bad(
      `shard ${shard.k}/${shard.n} of ${total} runs must hold ${size} runs, it holds ${x.outputs.length} (an unfinished file?)`,
    );
  }
  const outputs = x.outputs.map((o, j) => decodeOutput(o, shard.k + j * shard.n, plan, bad));
  return { file, shard, fingerprint, plan, outputs };
}

/* ---------------------------------------------------------------- merging */

/**
 * Checks that `files` are the n shards of one batch, each once, and puts
 * their outputs back in job order. Throws UsageError naming the problem file.
 */
export function mergeShards(files: readonly ShardFile[]): { plan: Plan; outputs: RunOutput[] } {
  if (files.length === 0) throw new UsageError('no shard files given');
  const first = files[0];
  const { n } = first.shard;
  const byK = new Map<number, ShardFile>();
  for (const f of files) {
    if (f.shard.n !== n) {
      throw new UsageError(
        `${f.file} is shard ${f.shard.k}/${f.shard.n}, but ${first.file} is shard ${first.shard.k}/${n}: the shards of one batch have the same n`,
      );
    }
    if (f.fingerprint !== first.fingerprint) {
      throw new UsageError(
        `${f.file} is a shard of another batch than ${first.file} (another scenario, seed, --runs or --sweep; plans ${f.fingerprint.slice(0, 19)}… and ${first.fingerprint.slice(0, 19)}…)`,
      );
    }
    const twin = byK.get(f.shard.k);
    if (twin) {
      throw new UsageError(
        `${f.file} is shard ${f.shard.k}/${n}, and so is ${twin.file}: give each shard once`,
      );
    }
    byK.set(f.shard.k, f);
  }
  const missing: number[] = [];
  for (let k = 0; k < n; k++) if (!byK.has(k)) missing.push(k);
  if (missing.length > 0) {
    const shown = missing.slice(0, 10).map((k) => `${k}/${n}`);
    if (missing.length > 10) shown.push(`and ${missing.length - 10} more`);
    throw new UsageError(
      `shard${missing.length > 1 ? 's' : ''} ${shown.join(', ')} missing: a batch in ${n} shards needs all of 0/${n} to ${n - 1}/${n}`,
    );
  }
  const outputs = new Array<RunOutput>(jobCount(first.plan));
  for (const f of files) for (const o of f.outputs) outputs[o.index] = o;
  return { plan: first.plan, outputs };
}

/**
 * `npm run merge -- [options] FILES...` without process I/O: reads the shard
 * files with `readFile` and returns the output. Throws UsageError.
 */
export function mergeCli(
  argv: string[],
  readFile: (path: string) => Buffer,
  io: {
    /** Called with --out after the arguments are checked, before any file is read. */
    prepareOut?: (out: string) => void;
    /** The size in bytes of a file, to refuse more than MAX_MERGE_BYTES before reading. */
    sizeOf?: (path: string) => number;
  } = {},
): { output: string; out?: string; shards: number; runs: number } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        format: { type: 'string', default: 'json' },
        out: { type: 'string' },
        debug: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(echo((e as Error).message), { cause: e });
  }
  const o = parsed.values;
  if (o.help) return { output: MERGE_USAGE + '\n', shards: 0, runs: 0 };
  if (o.format !== 'json' && o.format !== 'csv') {
    throw new UsageError(`--format must be json or csv, got "${echo(o.format ?? '')}"`);
  }
  if (o.out !== undefined && o.out.trim() === '') {
    throw new UsageError(
      '--out is empty: give a file name, or leave out --out to write to standard output',
    );
  }
  if (parsed.positionals.length === 0) {
    throw new UsageError('give the shard files to merge, e.g. npm run merge -- shard-*.json');
  }
  if (parsed.positionals.length > MAX_JOBS) {
    throw new UsageError(
      `${count(parsed.positionals.length)} files given; a batch has at most ${count(MAX_JOBS)} shards`,
    );
  }
  if (io.sizeOf) {
    const total = parsed.positionals.reduce((s, f) => s + io.sizeOf!(f), 0);
    if (total > MAX_MERGE_BYTES) {
      throw new UsageError(
        `the shard files hold ${count(total)} bytes, more than a merge reads (${count(MAX_MERGE_BYTES)})`,
      );
    }
  }
  if (o.out !== undefined) io.prepareOut?.(o.out);
  const shards = parsed.positionals.map((file) => {
    let data: Buffer;
    try {
      data = readFile(file);
    } catch (e) {
      if (e instanceof UsageError || e instanceof FileError) {
        throw new UsageError(e.message, { cause: e });
      }
      throw new UsageError(`cannot read ${echo(file)}: ${echo((e as Error).message)}`, {
        cause: e,
      });
    }
    return readShard(file, data);
  });
  const { plan, outputs } = mergeShards(shards);
  const output = formatBatch({ plan, format: o.format, workers: 1 }, outputs, outputs.length);
  return { output, out: o.out, shards: shards.length, runs: outputs.length };
}
