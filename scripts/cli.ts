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
  toJSON,
  validateScenario,
  type Scenario,
  type SimResult,
} from '../src/engine/index.ts';

export class UsageError extends Error {}

export const USAGE = `Usage: npm run sim -- [options]

  --preset NAME        start from a preset (${PRESET_NAMES.join(', ')}); default: the defaults
  --scenario FILE      a JSON scenario (any subset of keys) merged over the preset
  --set path=value     set one parameter (repeatable), e.g. --set policy.costDown=0.03
                       --set network.firmsPerTier=[3,18,90,360]
  --seed N             random seed
  --years N            years simulated
  --firms N            total number of firms, split by the preset's tier ratios
  --format json|csv    output format (default json)
  --out FILE           write to FILE instead of standard output
  --list-presets       list the presets and exit
  --describe           list every parameter with unit, default and range, and exit
  --help               this text`;

export interface CliOutcome {
  /** Text for standard output (or the file named by --out). */
  output: string;
  out?: string;
}

/** Parses a --set value: JSON where it parses (numbers, booleans, arrays), else the raw string. */
function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Splits a total firm count by the tier ratios of a scenario; every tier keeps at least one firm. */
export function splitFirms(total: number, ratios: readonly number[]): number[] {
  const sum = ratios.reduce((a, b) => a + b, 0);
  const counts = ratios.map((r) => Math.max(1, Math.round((total * r) / sum)));
  const diff = total - counts.reduce((a, b) => a + b, 0);
  counts[counts.length - 1] = Math.max(1, counts[counts.length - 1] + diff);
  return counts;
}

function intOption(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
  return n;
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
}): Scenario {
  let base: Scenario;
  if (opts.preset !== undefined) {
    if (!PRESET_NAMES.includes(opts.preset)) {
      throw new UsageError(`unknown preset "${opts.preset}"; presets: ${PRESET_NAMES.join(', ')}`);
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
    if (eq <= 0) throw new UsageError(`--set takes path=value, got "${s}"`);
    const path = s.slice(0, eq).trim();
    if (!PARAM_BY_PATH.has(path) && path !== 'network.firmsPerTier' && path !== 'shocks') {
      throw new UsageError(
        `--set: unknown parameter "${path}" (npm run sim -- --describe lists them)`,
      );
    }
    setPath(sc, path, parseValue(s.slice(eq + 1).trim()));
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
  if (!v.ok) throw new UsageError(`invalid scenario:\n  ${v.errors.join('\n  ')}`);
  return v.scenario;
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

/** Runs the command line; throws UsageError for bad input. */
export function runCli(argv: string[], readFile: (path: string) => string): CliOutcome {
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
        'list-presets': { type: 'boolean' },
        describe: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const o = parsed.values;
  if (o.help) return { output: USAGE + '\n' };
  if (o['list-presets']) return { output: listPresets() };
  if (o.describe) return { output: describe() };
  if (o.format !== 'json' && o.format !== 'csv') {
    throw new UsageError(`--format must be json or csv, got "${o.format}"`);
  }
  let scenarioJson: unknown;
  if (o.scenario !== undefined) {
    let text: string;
    try {
      text = readFile(o.scenario);
    } catch (e) {
      throw new UsageError(`--scenario: cannot read ${o.scenario}: ${(e as Error).message}`);
    }
    try {
      scenarioJson = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`--scenario: ${o.scenario} is not valid JSON: ${(e as Error).message}`);
    }
  }
  const sc = buildScenario({
    preset: o.preset,
    scenarioJson,
    sets: o.set,
    seed: intOption('seed', o.seed),
    years: intOption('years', o.years),
    firms: intOption('firms', o.firms),
  });
  const result = simulate(sc);
  const output = o.format === 'csv' ? toCSV(result) : JSON.stringify(toJSON(result)) + '\n';
  return { output, out: o.out };
}
