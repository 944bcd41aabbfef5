/**
 * Old engine against new in one process: materialises src/engine of a base
 * commit (default 724a409, the commit before the second design) under
 * bench/.old-engine/ (git-ignored, inside the repository so that npm packages
 * such as valibot resolve), loads it and the working tree's engine, warms both
 * up and then times them alternately (old, new, old, new, ...) on the cases of
 * bench/engine-core.ts: the default scenario and 100,000 firms over 20 years,
 * each engine with its own defaults. Prints medians of set-up + run per
 * simulate() call and the ratio new / old against the 1.25 limit. Prints
 * figures; asserts nothing (exit code 0 once both engines ran).
 *   npm run bench:compare    (npx tsx bench/engine-compare.ts [--base <commit>] [--quick])
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const DEFAULT_BASE = '724a409';
const LIMIT = 1.25;

/** What the benchmark needs of an engine; the scenario is opaque (it differs between versions). */
interface Engine {
  label: string;
  /** `now` and `timings` as in simulate() at 724a409; an engine may ignore them. */
  simulate: (sc: Scenario, now?: () => number, timings?: Timings) => unknown;
  defaultScenario: () => Scenario;
  splitFirms: (total: number, ratios: readonly number[]) => number[];
  version: string;
}
type Timings = { setupMs: number; runMs: number };
type Scenario = { network: { firmsPerTier: number[] }; years: number; seed: number } & Record<
  string,
  unknown
>;

interface Case {
  name: string;
  /** Timed simulate() calls per sample (seeds 1..reps); the sample is their mean. */
  reps: number;
  pairs: number;
  warmup: number;
  scenario: (e: Engine) => Scenario;
}

function fail(msg: string): never {
  console.error(`engine-compare: ${msg}`);
  process.exit(1);
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  if (v === undefined || v.startsWith('--')) fail(`${name} needs a value`);
  return v;
}

const quick = process.argv.includes('--quick');
const base = arg('--base') ?? DEFAULT_BASE;
const benchDir = dirname(fileURLToPath(import.meta.url));

function git(args: string[]): Buffer {
  try {
    return execFileSync('git', args, {
      cwd: benchDir,
      maxBuffer: 256 << 20,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
    if (err.code === 'ENOENT')
      fail('git is not installed or not on the PATH; it is needed to read the base commit.');
    throw new Error(`git ${args.join(' ')}: ${err.stderr?.toString().trim() || err.message}`, {
      cause: e,
    });
  }
}

/** Writes the base commit's src/engine into a fresh folder under bench/.old-engine/; returns its engine folder. */
function materialise(commit: string): { hash: string; root: string; engineDir: string } {
  let hash: string;
  try {
    git(['rev-parse', '--show-toplevel']);
  } catch {
    fail(`${benchDir} is not in a git work tree (the comparison reads the base engine from git).`);
  }
  try {
    hash = git(['rev-parse', '--verify', '--quiet', `${commit}^{commit}`])
      .toString()
      .trim();
  } catch {
    fail(
      `commit '${commit}' is not available in this repository (a shallow clone? try 'git fetch --unshallow'); ` +
        'pass another with --base <commit>.',
    );
  }
  const files = git(['ls-tree', '-r', '--full-tree', '--name-only', '-z', hash, '--', 'src/engine'])
    .toString()
    .split('\0')
    .filter(Boolean);
  if (files.length === 0) fail(`commit ${hash.slice(0, 10)} has no src/engine directory.`);
  const parent = join(benchDir, '.old-engine');
  mkdirSync(parent, { recursive: true });
  const root = mkdtempSync(join(parent, `${hash.slice(0, 10)}-`));
  for (const f of files) {
    const out = join(root, f);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, git(['show', `${hash}:${f}`]));
  }
  return { hash, root, engineDir: join(root, 'src', 'engine') };
}

/**
 * Loads an engine from its folder: index.ts first (the public API), and any of
 * the needed functions it lacks from the folder's other files, so that the
 * benchmark survives the engine being split into more files.
 */
async function loadEngine(label: string, dir: string): Promise<Engine> {
  const names = ['simulate', 'defaultScenario', 'splitFirms', 'MODEL_VERSION'] as const;
  const found: Record<string, unknown> = {};
  const ts = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort((a, b) => rank(a) - rank(b));
  function rank(f: string): number {
    const i = ['index.ts', 'simulate.ts', 'params.ts', 'presets.ts'].indexOf(f);
    return i < 0 ? 99 : i;
  }
  for (const f of ts) {
    if (names.every((n) => n in found)) break;
    const src = readFileSync(join(dir, f), 'utf8');
    if (!names.some((n) => !(n in found) && src.includes(n))) continue;
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as Record<string, unknown>;
    for (const n of names) if (!(n in found) && mod[n] !== undefined) found[n] = mod[n];
  }
  for (const n of ['simulate', 'defaultScenario'] as const)
    if (typeof found[n] !== 'function') fail(`${label} engine in ${dir} exports no ${n}().`);
  const split =
    typeof found.splitFirms === 'function'
      ? (found.splitFirms as Engine['splitFirms'])
      : // The split of src/engine/presets.ts at 724a409, for an engine without one.
        (total: number, ratios: readonly number[]) => {
          const sum = ratios.reduce((a, b) => a + b, 0);
          const counts = ratios.map((r) => Math.max(1, Math.round((total * r) / sum)));
          const diff = total - counts.reduce((a, b) => a + b, 0);
          counts[counts.length - 1] = Math.max(1, counts[counts.length - 1] + diff);
          return counts;
        };
  return {
    label,
    simulate: found.simulate as Engine['simulate'],
    defaultScenario: found.defaultScenario as Engine['defaultScenario'],
    splitFirms: split,
    version: typeof found.MODEL_VERSION === 'string' ? found.MODEL_VERSION : '?',
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** The cases of bench/engine-core.ts, built from each engine's own defaults. */
function cases(): Case[] {
  return [
    {
      name: 'default',
      reps: quick ? 3 : 7,
      pairs: quick ? 7 : 15,
      warmup: quick ? 20 : 60,
      scenario: (e) => e.defaultScenario(),
    },
    {
      name: '100k firms',
      reps: 1,
      pairs: quick ? 2 : 4,
      warmup: 1,
      scenario: (e) => {
        const def = e.defaultScenario();
        return {
          ...def,
          network: {
            ...def.network,
            firmsPerTier: e.splitFirms(100_000, def.network.firmsPerTier),
          },
        };
      },
    },
  ];
}

const now = () => performance.now();

/**
 * Mean ms per simulate() call over seeds 1..reps, timed from outside (set-up +
 * run), and the run alone as the engine reports it (NaN if it does not).
 */
function sample(e: Engine, sc: Scenario, reps: number): { total: number; run: number } {
  const t: Timings = { setupMs: 0, runMs: 0 };
  let run = 0;
  const t0 = now();
  for (let i = 0; i < reps; i++) {
    t.runMs = NaN;
    e.simulate({ ...sc, seed: i + 1 }, now, t);
    run += t.runMs;
  }
  return { total: (now() - t0) / reps, run: run / reps };
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const loadStart = load();
  const old = materialise(base);
  let oldEngine: Engine;
  let newEngine: Engine;
  try {
    oldEngine = await loadEngine('old', old.engineDir);
    const newDir = join(benchDir, '..', 'src', 'engine');
    if (!existsSync(newDir)) fail(`no engine at ${newDir}`);
    newEngine = await loadEngine('new', newDir);
  } finally {
    // Every module is loaded by now (or loading failed): the copy is no longer needed.
    rmSync(old.root, { recursive: true, force: true });
    try {
      rmdirSync(dirname(old.root)); // bench/.old-engine/ itself, unless another comparison is using it
    } catch {
      // not empty
    }
  }
  const head = git(['rev-parse', '--short=10', 'HEAD']).toString().trim();
  const dirty = git(['status', '--porcelain', '--', '../src/engine']).toString().trim() !== '';
  console.log(
    `engine comparison (node ${process.version}, one core; set-up + run per simulate() call, ` +
      `alternately old, new; load average ${loadStart})`,
  );
  console.log(
    `  old: ${old.hash.slice(0, 10)} src/engine (model ${oldEngine.version})   ` +
      `new: working tree at ${head}${dirty ? ' with uncommitted changes to src/engine' : ''} (model ${newEngine.version})`,
  );
  console.log(
    `${'case'.padEnd(12)} ${'firms old/new'.padStart(15)} ${'samples'.padStart(8)} ` +
      `${'old ms'.padStart(10)} ${'new ms'.padStart(10)} ${'new/old'.padStart(8)}  within ${LIMIT}`,
  );
  const range = (xs: number[]) => `${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)}`;
  const firms = (sc: Scenario) => sc.network.firmsPerTier.reduce((a, b) => a + b, 0);
  for (const c of cases()) {
    const scOld = c.scenario(oldEngine);
    const scNew = c.scenario(newEngine);
    // Warm-up calls take the same arguments as the timed ones (a clock and a timings object).
    const w: Timings = { setupMs: 0, runMs: 0 };
    for (let i = 0; i < c.warmup; i++) {
      oldEngine.simulate({ ...scOld, seed: 1000 + i }, now, w);
      newEngine.simulate({ ...scNew, seed: 1000 + i }, now, w);
    }
    const sOld: { total: number; run: number }[] = [];
    const sNew: { total: number; run: number }[] = [];
    for (let p = 0; p < c.pairs; p++) {
      sOld.push(sample(oldEngine, scOld, c.reps));
      sNew.push(sample(newEngine, scNew, c.reps));
    }
    const tOld = sOld.map((x) => x.total);
    const tNew = sNew.map((x) => x.total);
    const ratio = median(tNew) / median(tOld);
    console.log(
      `${c.name.padEnd(12)} ${`${firms(scOld)}/${firms(scNew)}`.padStart(15)} ` +
        `${`${c.pairs}x${c.reps}`.padStart(8)} ${median(tOld).toFixed(2).padStart(10)} ` +
        `${median(tNew).toFixed(2).padStart(10)} ${ratio.toFixed(3).padStart(8)}  ` +
        `${ratio <= LIMIT ? 'yes' : 'NO'}   (ranges: old ${range(tOld)}, new ${range(tNew)} ms)`,
    );
    const rOld = median(sOld.map((x) => x.run));
    const rNew = median(sNew.map((x) => x.run));
    if (Number.isFinite(rOld) && Number.isFinite(rNew))
      console.log(
        `${''.padEnd(12)} ${'run only'.padStart(24)} ${rOld.toFixed(2).padStart(10)} ` +
          `${rNew.toFixed(2).padStart(10)} ${(rNew / rOld).toFixed(3).padStart(8)}  (engine's own timings, without set-up)`,
      );
  }
  console.log(`load average at the end ${load()}`);
}

main().catch((e: unknown) => {
  console.error(`engine-compare: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
