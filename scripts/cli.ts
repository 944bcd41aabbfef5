/**
 * The command-line runner's logic, separate from process I/O so that it can be
 * tested: parse arguments, build and validate the scenario, run, format.
 */
import { parseArgs } from 'node:util';
import {
  PARAMS,
  PARAM_BY_PATH,
  PRESETS,
  PRESET_NAMES,
  SHOCK_VARIABLES,
  defaultScenario,
  mergeDeep,
  presetScenario,
  setPath,
  simulate,
  splitFirms,
  toJSON,
  validateScenario,
  ECONOMY,
  MODEL_VERSION,
  SERIES,
  SUMMARY_UNITS,
  type Scenario,
  type SimResult,
} from '../src/engine/index.ts';
import {
  BatchError,
  STATS,
  bandsJSON,
  computeBands,
  computeSweep,
  MAX_JOBS,
  pointScenario,
  jobCount,
  parseSweep,
  planRuns,
  planSweep,
  sweepJSON,
  type Plan,
  type RunOutput,
} from '../src/engine/batch.ts';
import {
  MAX_BATCH_SERIES_BYTES,
  MAX_BATCH_WORK,
  MAX_DEPTH,
  MAX_SCENARIO_BYTES,
  count,
  echo,
  escapeControl,
  jsonDepth,
  safeJsonParse,
  summarizeErrors,
} from '../src/engine/limits.ts';
import { FileError } from './files.ts';

export class UsageError extends Error {}

export const USAGE = `Usage: npm run sim -- [options]

  --preset NAME        start from a preset (${PRESET_NAMES.join(', ')}); default: the defaults
  --scenario FILE      a JSON scenario (any subset of keys) merged over the preset
  --set path=value     set one parameter (repeatable), e.g. --set policy.costDown=0.03
                       --set network.firmsPerTier=[3,18,90,360]
  --seed N             random seed
  --years N            years simulated
  --firms N            total number of firms, split by the preset's tier ratios
  --runs N             run N seeds (the first is --seed) and print percentile bands
                       (p10, p50, p90, mean, sd, se, min, max) of every output
  --sweep path=from:to:steps
                       run a grid over one parameter, or two (give --sweep twice),
                       e.g. --sweep policy.costDown=0:0.05:6; with --runs N, N seeds
                       per grid point; prints the summary's statistics per point
  --workers N          worker threads for --runs and --sweep (default: all cores)
  --shard k/n          with --runs or --sweep: run only shard k of n (k from 0 to n-1,
                       the jobs whose index mod n is k) and write a JSON shard file;
                       npm run merge -- FILES... combines the n shard files into the
                       output of the same command without --shard
  --format json|csv    output format (default json)
  --out FILE           write to FILE instead of standard output (checked before any
                       work; written whole or not at all)
  --list-presets       list the presets and exit
  --describe           list every parameter with unit, default and range, and exit
  --debug              on an internal error, print the stack trace (also SIM_DEBUG=1)
  --help               this text

Limits: a --scenario file of at most ${count(MAX_SCENARIO_BYTES)} bytes, nested at most
${MAX_DEPTH} levels deep; at most ${count(MAX_JOBS)} runs a batch, ${count(MAX_BATCH_WORK)} firm-quarters
of work a batch or shard (about 40 minutes on one core), and ${count(MAX_BATCH_SERIES_BYTES)} bytes
of series held by --runs. Exit codes: 0 done, 2 bad input (a message says what),
1 an internal error, 130 stopped by Ctrl-C.`;

export interface CliOutcome {
  /** Text for standard output (or the file named by --out). */
  output: string;
  out?: string;
  /** Lines for standard error: what the scenario does that the command line may not expect. */
  notes?: string[];
}

/**
 * Shard k of n of a batch (--shard k/n): the jobs whose index (point × runs +
 * run, in plan order) is k modulo n. k counts from 0, like a Kubernetes
 * Indexed Job's completion index. See scripts/shard.ts.
 */
export interface Shard {
  k: number;
  n: number;
}

/** A batch for the caller to run on a worker pool (scripts/sim.ts), then format with formatBatch. */
export interface BatchRequest {
  plan: Plan;
  format: 'json' | 'csv';
  out?: string;
  workers: number;
  /** Run only this shard and write a shard file (scripts/shard.ts) instead of the output. */
  shard?: Shard;
  /** As CliOutcome.notes. */
  notes?: string[];
}

/** What the command line asks for: text ready to print, or a batch to run. */
export type CliRequest = ({ kind: 'text' } & CliOutcome) | ({ kind: 'batch' } & BatchRequest);

/** Most worker threads --workers accepts. */
export const MAX_WORKERS = 256;

/** Parses a --set value: JSON where it parses (numbers, booleans, arrays), else the raw string. */
function parseValue(path: string, raw: string): unknown {
  if (jsonDepth(raw) > MAX_DEPTH) {
    throw new UsageError(`--set ${path}: the value is nested more than ${MAX_DEPTH} levels deep`);
  }
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export { splitFirms };

/** A whole-number option: decimal digits with an optional sign, nothing else ("", "1e3", "0x10" are refused). */
function intOption(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (raw.trim() === '') throw new UsageError(`--${name} is empty: give a whole number`);
  const n = /^\s*[+-]?\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n)) {
    throw new UsageError(`--${name} must be a whole number, got "${echo(raw)}"`);
  }
  return n;
}

/** A text option that must not be empty. */
function nonEmpty(name: string, raw: string | undefined, hint: string): string | undefined {
  if (raw !== undefined && raw.trim() === '') throw new UsageError(`--${name} is empty: ${hint}`);
  return raw;
}

/** The number of jobs of shard `s` of a batch of `total` jobs: those with index ≡ k (mod n). */
export function shardSize(total: number, s: Shard): number {
  return Math.max(0, Math.ceil((total - s.k) / s.n));
}

/** Parses --shard k/n: whole numbers, 0 <= k < n, n at most MAX_JOBS. */
export function parseShard(raw: string): Shard {
  const m = /^\s*(-?\d{1,15})\s*\/\s*(-?\d{1,15})\s*$/.exec(raw);
  if (!m) {
    throw new UsageError(
      `--shard takes k/n, whole numbers with k from 0 to n-1 (e.g. --shard 0/8 ... --shard 7/8), got "${echo(raw)}"`,
    );
  }
  const k = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1)
    throw new UsageError(`--shard ${echo(raw)}: n (the number of shards) must be at least 1`);
  if (n > MAX_JOBS) {
    throw new UsageError(
      `--shard ${echo(raw)}: n (the number of shards) must be at most ${MAX_JOBS}`,
    );
  }
  if (k < 0 || k >= n) {
    throw new UsageError(
      `--shard ${echo(raw)}: k must be from 0 to ${n - 1} (shards count from 0, like a Kubernetes Indexed Job's completion index)`,
    );
  }
  return { k, n };
}

export function describe(): string {
  const lines = ['path\tunit\tdefault\tmin\tmax\tlabel'];
  for (const p of PARAMS) {
    if (p.kind === 'boolean') lines.push(`${p.path}\t(true/false)\t${p.default}\t\t\t${p.label}`);
    else lines.push(`${p.path}\t${p.unit}\t${p.default}\t${p.min}\t${p.max}\t${p.label}`);
  }
  lines.push(
    `network.firmsPerTier\tfirms per tier\t[${defaultScenario().network.firmsPerTier.join(',')}]\t2 tiers\t6 tiers\tFirm counts, tier 0 (final-goods makers) first`,
  );
  lines.push(
    `shocks\tlist\t[]\t\t\tShocks: {"variable": ${SHOCK_VARIABLES.join('|')}, "start": years, "duration": years, "size": relative change}`,
  );
  return lines.join('\n') + '\n';
}

export function listPresets(): string {
  return PRESETS.map((p) => `${p.name}\t${p.title}\n\t${p.description}`).join('\n') + '\n';
}

/** Builds the scenario from the options; throws UsageError with every problem found. */
export function buildScenario(opts: {
  preset?: string;
  scenarioJson?: unknown;
  sets?: string[];
  seed?: number;
  years?: number;
  firms?: number;
  /** Receives a line for each --set lever that the policy timeline changes later in the run. */
  notes?: string[];
}): Scenario {
  let base: Scenario;
  if (opts.preset !== undefined) {
    if (!PRESET_NAMES.includes(opts.preset)) {
      throw new UsageError(
        `unknown preset "${echo(opts.preset)}"; presets: ${PRESET_NAMES.join(', ')}`,
      );
    }
    base = presetScenario(opts.preset);
  } else base = defaultScenario();
  let sc: Record<string, unknown> = base as unknown as Record<string, unknown>;
  if (opts.scenarioJson !== undefined) {
    const j = opts.scenarioJson;
    if (j === null || typeof j !== 'object' || Array.isArray(j)) {
      throw new UsageError('--scenario: the file must hold a JSON object');
    }
    sc = mergeDeep(sc, j);
  }
  for (const s of opts.sets ?? []) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set takes path=value, got "${echo(s)}"`);
    const path = s.slice(0, eq).trim();
    if (
      !PARAM_BY_PATH.has(path) &&
      path !== 'network.firmsPerTier' &&
      path !== 'shocks' &&
      path !== 'policyEvents'
    ) {
      throw new UsageError(
        `--set: unknown parameter "${echo(path)}" (npm run sim -- --describe lists them)`,
      );
    }
    setPath(sc, path, parseValue(path, s.slice(eq + 1).trim()));
  }
  if (opts.seed !== undefined) sc.seed = opts.seed;
  if (opts.years !== undefined) sc.years = opts.years;
  if (opts.firms !== undefined) {
    const ratios = (sc.network as { firmsPerTier?: unknown }).firmsPerTier;
    const r =
      Array.isArray(ratios) && ratios.every((x) => typeof x === 'number' && x > 0)
        ? ratios
        : [1, 1];
    if (opts.firms < r.length) {
      throw new UsageError(
        `--firms must be at least the number of tiers (${r.length}), got ${opts.firms}`,
      );
    }
    setPath(sc, 'network.firmsPerTier', splitFirms(opts.firms, r as number[]));
  }
  const v = validateScenario(sc);
  if (!v.ok) {
    // An error may quote a key of the file: control characters escaped, cut at 300 characters.
    const lines = summarizeErrors(v.errors).map((e) =>
      escapeControl(e.length > 300 ? `${e.slice(0, 300)}… (${count(e.length)} characters)` : e),
    );
    throw new UsageError(`invalid scenario:\n  ${lines.join('\n  ')}`);
  }
  if (opts.notes) opts.notes.push(...timelineNotes(v.scenario, opts.sets ?? []));
  return v.scenario;
}

/**
 * A --set of a policy lever that the scenario's policy timeline also changes
 * holds only until the timeline's first change of it: one line per such lever,
 * naming when, to what and by which event, and how to keep the value.
 */
export function timelineNotes(sc: Scenario, sets: readonly string[]): string[] {
  const notes: string[] = [];
  const seen = new Set<string>();
  for (const s of sets) {
    const path = s.slice(0, Math.max(0, s.indexOf('='))).trim();
    if (!path.startsWith('policy.') || seen.has(path)) continue;
    seen.add(path);
    const lever = path.slice('policy.'.length);
    const events = sc.policyEvents
      .filter((e) => e.lever === lever)
      .sort((a, b) => a.start - b.start);
    if (events.length === 0) continue;
    const e = events[0];
    const q = Math.round(e.start * 4);
    const when = `${sc.simulation.startYear + Math.floor(q / 4)}Q${(q % 4) + 1}`;
    const more = events.length > 1 ? ` (and ${events.length - 1} more change(s) later)` : '';
    notes.push(
      `note: ${path} is also changed by the scenario's policy timeline: to ${e.value} from ${when}` +
        `${e.label ? ` ("${echo(e.label)}")` : ''}${more}; your --set value holds until then. ` +
        `To keep it throughout, give a timeline without that event (--set policyEvents=[...] replaces the whole timeline; [] removes it).`,
    );
  }
  return notes;
}

/** Tidy CSV: one row per value, with section, key, tier, period and unit. */
export function toCSV(r: SimResult): string {
  const rows = ['section,key,tier,period,value,unit'];
  const num = (x: number) => (Number.isFinite(x) ? String(x) : '');
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  for (const [key, perTier] of Object.entries(r.series)) {
    const unit = q(r.units[`series.${key}`] ?? '');
    perTier.forEach((a, tier) => {
      for (let t = 0; t < a.length; t++)
        rows.push(`series,${key},${tier},${r.periods[t]},${num(a[t])},${unit}`);
    });
  }
  for (const [key, a] of Object.entries(r.economy)) {
    const unit = q(r.units[`economy.${key}`] ?? '');
    for (let t = 0; t < a.length; t++)
      rows.push(`economy,${key},,${r.periods[t]},${num(a[t])},${unit}`);
  }
  for (const [key, val] of Object.entries(r.summary)) {
    const unit = q(r.units[`summary.${key}`] ?? '');
    if (Array.isArray(val))
      val.forEach((x, tier) => rows.push(`summary,${key},${tier},,${num(x ?? NaN)},${unit}`));
    else rows.push(`summary,${key},,,${num((val as number | null) ?? NaN)},${unit}`);
  }
  return rows.join('\n') + '\n';
}

/**
 * Runs a single-run command line; throws UsageError for bad input. A batch
 * (--runs, --sweep) needs a worker pool: use parseCli and scripts/sim.ts.
 */
export function runCli(argv: string[], readFile: (path: string) => string): CliOutcome {
  const req = parseCli(argv, readFile, 1);
  if (req.kind === 'batch') {
    throw new UsageError('--runs and --sweep run on worker threads: use npm run sim');
  }
  return { output: req.output, out: req.out, notes: req.notes ?? [] };
}

/** Bytes of the series a --runs job returns (8 a value: every series per tier and quarter, and the economy's). */
function seriesBytes(sc: Scenario): number {
  const tiers = sc.network.firmsPerTier.length;
  const quarters = sc.years * 4;
  return (Object.keys(SERIES).length * tiers + Object.keys(ECONOMY).length) * quarters * 8;
}

/** Firm-quarters of one run: its firms times its quarters, burn-in included. */
function runWork(sc: Scenario): number {
  const firms = sc.network.firmsPerTier.reduce((a, b) => a + b, 0);
  return firms * (sc.years + sc.simulation.burnInYears) * 4;
}

/**
 * The work a batch asks of this process (its shard's runs, or all), in
 * firm-quarters, and the memory its series take (--runs: the whole batch,
 * which the merge of its shards holds too).
 */
export function batchCost(plan: Plan, shard?: Shard): { work: number; seriesBytes: number } {
  const runs = plan.seeds.length;
  let work = 0;
  let bytes = 0;
  plan.points.forEach((p, i) => {
    const sc = p.set.length === 0 ? plan.base : pointScenario(plan.base, p, plan.base.seed);
    const mine = shard
      ? Array.from({ length: runs }, (_, r) => i * runs + r).filter((j) => j % shard.n === shard.k)
          .length
      : runs;
    work += runWork(sc) * mine;
    if (plan.full) bytes += seriesBytes(sc) * runs;
  });
  return { work, seriesBytes: bytes };
}

/** Refuses a batch past MAX_BATCH_WORK or MAX_BATCH_SERIES_BYTES, saying what would fit. */
function checkCost(plan: Plan, shard: Shard | undefined): void {
  const { work, seriesBytes: bytes } = batchCost(plan, shard);
  const jobs = shard ? shardSize(jobCount(plan), shard) : jobCount(plan);
  if (work > MAX_BATCH_WORK) {
    const perRun = work / Math.max(1, jobs);
    throw new UsageError(
      `the batch${shard ? `'s shard ${shard.k}/${shard.n}` : ''} asks for ${count(Math.round(work))} firm-quarters of work (${count(jobs)} runs of about ${count(Math.round(perRun))}), at most ${count(MAX_BATCH_WORK)} (about 40 minutes on one core): ` +
        `ask for fewer runs, firms or years, or split the batch over machines with --shard k/n (n at least ${count(Math.ceil(work / MAX_BATCH_WORK))})`,
    );
  }
  if (bytes > MAX_BATCH_SERIES_BYTES) {
    const perRun = bytes / jobCount(plan);
    throw new UsageError(
      `--runs ${count(plan.seeds.length)} would hold ${count(bytes)} bytes of series in memory (${count(Math.round(perRun))} a run), at most ${count(MAX_BATCH_SERIES_BYTES)}: ` +
        `ask for at most ${count(Math.floor(MAX_BATCH_SERIES_BYTES / perRun))} runs of this scenario, or fewer years or tiers (--shard does not help: the merge holds every run)`,
    );
  }
}

/**
 * Parses the command line: `text` to print, or a `batch` to run. Single runs
 * are run here. `cores` is the default for --workers. `prepareOut`, if
 * given, is called with --out once the input is checked and before any work
 * (scripts/sim.ts opens the output file there, so that a batch is not run
 * for a file that cannot be written). Throws UsageError.
 */
export function parseCli(
  argv: string[],
  readFile: (path: string) => string,
  cores: number,
  prepareOut?: (out: string) => void,
): CliRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        preset: { type: 'string' },
        scenario: { type: 'string' },
        set: { type: 'string', multiple: true },
        seed: { type: 'string' },
        years: { type: 'string' },
        firms: { type: 'string' },
        format: { type: 'string', default: 'json' },
        out: { type: 'string' },
        runs: { type: 'string' },
        sweep: { type: 'string', multiple: true },
        workers: { type: 'string' },
        shard: { type: 'string' },
        'list-presets': { type: 'boolean' },
        describe: { type: 'boolean' },
        debug: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(echo((e as Error).message));
  }
  const o = parsed.values;
  if (o.help) return { kind: 'text', output: USAGE + '\n' };
  if (o['list-presets']) return { kind: 'text', output: listPresets() };
  if (o.describe) return { kind: 'text', output: describe() };
  if (o.format !== 'json' && o.format !== 'csv') {
    throw new UsageError(`--format must be json or csv, got "${echo(o.format ?? '')}"`);
  }
  const out = nonEmpty(
    'out',
    o.out,
    'give a file name, or leave out --out to write to standard output',
  );
  nonEmpty('preset', o.preset, `give one of ${PRESET_NAMES.join(', ')}`);
  let scenarioJson: unknown;
  if (o.scenario !== undefined) {
    nonEmpty('scenario', o.scenario, 'give the name of a JSON file');
    const name = `"${echo(o.scenario)}"`;
    let text: string;
    try {
      text = readFile(o.scenario);
    } catch (e) {
      if (e instanceof FileError || e instanceof UsageError) throw new UsageError(e.message);
      throw new UsageError(`--scenario: cannot read ${name}: ${echo((e as Error).message)}`);
    }
    const p = safeJsonParse(text.replace(/^\ufeff/, '')); // a byte-order mark some editors write
    if (!p.ok) {
      const errors = summarizeErrors(p.errors);
      throw new UsageError(
        errors.length === 1
          ? `--scenario: ${name} is ${errors[0].startsWith('not valid JSON') ? '' : 'refused: '}${errors[0]}`
          : `--scenario: ${name} is refused:\n  ${errors.join('\n  ')}`,
      );
    }
    scenarioJson = p.value;
  }
  const notes: string[] = [];
  const sc = buildScenario({
    preset: o.preset,
    scenarioJson,
    sets: o.set,
    notes,
    seed: intOption('seed', o.seed),
    years: intOption('years', o.years),
    firms: intOption('firms', o.firms),
  });
  const format = o.format;
  const runs = intOption('runs', o.runs);
  const workers = intOption('workers', o.workers);
  if (workers !== undefined && (workers < 1 || workers > MAX_WORKERS)) {
    throw new UsageError(`--workers must be from 1 to ${MAX_WORKERS}, got ${workers}`);
  }
  const shard = o.shard === undefined ? undefined : parseShard(o.shard);
  if (runs !== undefined || o.sweep !== undefined) {
    let plan: Plan;
    try {
      if (o.sweep !== undefined) {
        if (o.sweep.length > 2) {
          throw new UsageError(`--sweep: at most two parameters, got ${o.sweep.length}`);
        }
        for (const spec of o.sweep) {
          // Longer is no sweep, and its pattern takes quadratic time on some long texts.
          if (spec.length > 200) {
            throw new UsageError(
              `--sweep "${echo(spec)}" is too long (at most 200 characters): it reads path=from:to:steps`,
            );
          }
        }
        plan = planSweep(sc, o.sweep.map(parseSweep), runs ?? 1);
      } else plan = planRuns(sc, runs!);
    } catch (e) {
      if (e instanceof BatchError) {
        throw new UsageError(`${o.sweep ? '--sweep' : '--runs'}: ${echo(e.message)}`);
      }
      throw e;
    }
    if (shard && format === 'csv') {
      throw new UsageError(
        '--shard writes a JSON shard file, not CSV: leave out --format csv here and give it to npm run merge -- --format csv',
      );
    }
    checkCost(plan, shard);
    const size = shard ? shardSize(jobCount(plan), shard) : jobCount(plan);
    if (out !== undefined) prepareOut?.(out);
    return {
      kind: 'batch',
      plan,
      format,
      out,
      workers: Math.max(1, Math.min(workers ?? cores, size)),
      shard,
      notes,
    };
  }
  if (workers !== undefined) throw new UsageError('--workers goes with --runs or --sweep');
  if (shard) throw new UsageError('--shard goes with --runs or --sweep');
  if (out !== undefined) prepareOut?.(out);
  const result = simulate(sc);
  const output = format === 'csv' ? toCSV(result) : JSON.stringify(toJSON(result)) + '\n';
  return { kind: 'text', output, out, notes };
}

const csvNum = (x: number | null | undefined) =>
  typeof x === 'number' && Number.isFinite(x) ? String(x) : '';
const csvText = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * The output of a batch: bands (--runs) or grid points (--sweep), as JSON or
 * tidy CSV. `done` of `total` runs were done; fewer when interrupted, which
 * the output says (`complete: false`).
 */
export function formatBatch(
  req: BatchRequest,
  outputs: readonly (RunOutput | undefined)[],
  done: number,
): string {
  const { plan } = req;
  const total = jobCount(plan);
  const complete = done === total;
  const units: Record<string, string> = {};
  const head = {
    version: MODEL_VERSION,
    kind: plan.kind,
    complete,
    runsDone: done,
    runsAsked: total,
    seed: plan.base.seed,
    seeds: plan.seeds,
    scenario: plan.base,
  };
  if (plan.kind === 'runs') {
    const b = computeBands(plan.base, outputs);
    for (const [k, v] of Object.entries(SERIES)) units[`series.${k}`] = v.unit;
    for (const [k, v] of Object.entries(ECONOMY)) units[`economy.${k}`] = v.unit;
    for (const [k, v] of Object.entries(SUMMARY_UNITS)) units[`summary.${k}`] = v;
    if (req.format === 'json') {
      return (
        JSON.stringify({
          ...head,
          seeds: b.seeds,
          runs: b.runs,
          stats: STATS,
          periods: b.periods,
          ...bandsJSON(b),
          units,
        }) + '\n'
      );
    }
    const rows = ['section,key,tier,period,stat,value,unit'];
    for (const [key, byStat] of Object.entries(b.series)) {
      const unit = csvText(units[`series.${key}`]);
      for (const stat of STATS)
        byStat[stat].forEach((a, tier) => {
          for (let t = 0; t < a.length; t++)
            rows.push(`series,${key},${tier},${b.periods[t]},${stat},${csvNum(a[t])},${unit}`);
        });
    }
    for (const [key, byStat] of Object.entries(b.economy)) {
      const unit = csvText(units[`economy.${key}`]);
      for (const stat of STATS) {
        const a = byStat[stat];
        for (let t = 0; t < a.length; t++)
          rows.push(`economy,${key},,${b.periods[t]},${stat},${csvNum(a[t])},${unit}`);
      }
    }
    rows.push(...summaryRows(b.summary, '', 'summary,'));
    return rows.join('\n') + '\n';
  }
  const sw = computeSweep(plan, outputs);
  for (const [k, v] of Object.entries(SUMMARY_UNITS)) units[`summary.${k}`] = v;
  if (req.format === 'json') {
    return (
      JSON.stringify({ ...head, runsPerPoint: plan.seeds.length, ...sweepJSON(sw), units }) + '\n'
    );
  }
  const rows = [
    [...sw.axes.map((a) => csvText(a.path)), 'runs', 'key', 'tier', 'stat', 'value', 'unit'].join(
      ',',
    ),
  ];
  for (const p of sw.points) {
    rows.push(...summaryRows(p.summary, `${p.values.join(',')},${p.runs},`, ''));
  }
  return rows.join('\n') + '\n';
}

/** CSV rows `prefix + section + key,tier,stat,value,unit` of summary statistics. */
function summaryRows(
  summary: ReturnType<typeof computeBands>['summary'],
  prefix: string,
  section: string,
): string[] {
  const rows: string[] = [];
  for (const [key, band] of Object.entries(summary)) {
    const unit = csvText(SUMMARY_UNITS[key as keyof typeof SUMMARY_UNITS] ?? '');
    for (const stat of STATS) {
      const v = band[stat];
      if (Array.isArray(v))
        v.forEach((x, tier) =>
          rows.push(`${prefix}${section}${key},${tier},${stat},${csvNum(x)},${unit}`),
        );
      else rows.push(`${prefix}${section}${key},,${stat},${csvNum(v)},${unit}`);
    }
  }
  return rows;
}
