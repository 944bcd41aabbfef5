/**
 * `npm run sim -- ... --shard k/n` and `npm run merge -- FILES...`: the merged
 * shards are byte for byte what one machine writes for the same command
 * without --shard (JSON and CSV, --runs and a two-parameter --sweep), in any
 * order on the merge's command line; bad --shard values and wrong sets of
 * shard files are refused with a message naming the option or the file.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobCount, jobs } from '../../src/engine/batch.ts';
import { UsageError, parseCli, shardSize } from '../../scripts/cli.ts';
import { mergeCli, shardJobs } from '../../scripts/shard.ts';

const SIM = fileURLToPath(new URL('../../scripts/sim.ts', import.meta.url));
const MERGE = fileURLToPath(new URL('../../scripts/merge.ts', import.meta.url));
const SMALL = ['--years', '2', '--firms', '60'];
const RUNS = [...SMALL, '--seed', '3', '--runs', '7'];
const SWEEP = [
  ...SMALL,
  '--seed',
  '5',
  '--sweep',
  'policy.costDown=0:0.04:3',
  '--sweep',
  'policy.passThroughFloor=0:1:2',
  '--runs',
  '3',
];

interface Done {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[]): Promise<Done> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs the commands, a few at a time; rejects if any fails. */
async function all(cmds: [script: string, args: string[]][], limit = 4): Promise<Done[]> {
  const out: Done[] = new Array(cmds.length);
  let next = 0;
  const lane = async () => {
    while (next < cmds.length) {
      const i = next++;
      const d = await run(...cmds[i]);
      if (d.status !== 0) {
        throw new Error(`${cmds[i][1].join(' ')} exited with ${d.status}:\n${d.stderr}`);
      }
      out[i] = d;
    }
  };
  await Promise.all(Array.from({ length: limit }, lane));
  return out;
}

const noFile = (p: string): string => {
  throw new Error(`no such file ${p}`);
};
const usage = (args: string[]): string => {
  try {
    parseCli(args, noFile, 2);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected a usage error');
};

let dir: string;
const at = (name: string) => join(dir, name);
const read = (name: string) => readFileSync(at(name), 'utf8');
const shardCmd = (args: string[], k: number, n: number, name: string, workers = 1) =>
  [SIM, [...args, '--shard', `${k}/${n}`, '--workers', String(workers), '--out', at(name)]] as [
    string,
    string[],
  ];
const mergeError = (files: string[]): string => {
  try {
    mergeCli(
      files.map((f) => (f.startsWith('--') ? f : at(f))),
      (p) => readFileSync(p),
    );
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message.replaceAll(dir + '/', '');
  }
  throw new Error('expected the merge to fail');
};

let single: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sim-shards-'));
  const [runsJson, runsCsv, sweepJson, sweepCsv] = await all([
    [SIM, [...RUNS, '--workers', '2']],
    [SIM, [...RUNS, '--workers', '1', '--format', 'csv']],
    [SIM, [...SWEEP, '--workers', '2']],
    [SIM, [...SWEEP, '--workers', '2', '--format', 'csv']],
    // --runs 7 in 3 shards (3, 2 and 2 runs), shard 1 on two workers.
    shardCmd(RUNS, 0, 3, 'runs-0.json'),
    shardCmd(RUNS, 1, 3, 'runs-1.json', 2),
    shardCmd(RUNS, 2, 3, 'runs-2.json'),
    // 6 grid points × 3 runs in 4 shards (5, 5, 4 and 4 runs).
    ...[0, 1, 2, 3].map((k) => shardCmd(SWEEP, k, 4, `sweep-${k}.json`, 2)),
    // Another batch (another seed), and the same batch in 2 shards.
    shardCmd([...RUNS, '--seed', '4'], 1, 3, 'other-seed-1.json'),
    shardCmd(RUNS, 0, 2, 'halves-0.json'),
  ]);
  single = {
    runsJson: runsJson.stdout,
    runsCsv: runsCsv.stdout,
    sweepJson: sweepJson.stdout,
    sweepCsv: sweepCsv.stdout,
  };
  writeFileSync(at('runs.json'), runsJson.stdout);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run sim -- --shard k/n and npm run merge', () => {
  it('writes shard files holding the runs whose index mod n is k', () => {
    const shards = [0, 1, 2].map((k) => JSON.parse(read(`runs-${k}.json`)));
    const all = JSON.parse(single.runsJson);
    expect(all).toMatchObject({ kind: 'runs', complete: true, runsDone: 7 });
    shards.forEach((s, k) => {
      expect(s).toMatchObject({
        format: 'supply-chain-sim shard',
        version: all.version,
        shard: { k, n: 3 },
        jobs: 7,
        jobsInShard: k === 0 ? 3 : 2,
      });
      expect(s.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(s.fingerprint).toBe(shards[0].fingerprint);
      expect(s.plan.base).toEqual(all.scenario);
      expect(s.outputs.map((o: { index: number }) => o.index)).toEqual(
        [0, 1, 2, 3, 4, 5, 6].filter((i) => i % 3 === k),
      );
      expect(s.outputs.map((o: { seed: number }) => o.seed)).toEqual(
        all.seeds.filter((_: number, i: number) => i % 3 === k),
      );
    });
    // One run per line, so that big shards are written and read a line at a time.
    expect(read('runs-0.json').split('\n')).toHaveLength(1 + 3 + 1 + 1);
  });

  it('merges a --runs batch into the bytes one machine writes, as JSON and CSV, in any order', async () => {
    const files = ['runs-2.json', 'runs-0.json', 'runs-1.json'].map(at);
    const [json, csv] = await all([
      [MERGE, files],
      [MERGE, ['--format', 'csv', '--out', at('merged.csv'), ...files.reverse()]],
    ]);
    expect(json.stdout.length).toBeGreaterThan(1000);
    expect(json.stdout).toBe(single.runsJson);
    expect(json.stderr).toContain('merge: 3 shards, 7 runs');
    expect(csv.stdout).toBe('');
    expect(read('merged.csv')).toBe(single.runsCsv);
    expect(single.runsCsv.startsWith('section,key,tier,period,stat,value,unit\n')).toBe(true);
  });

  it('merges a two-parameter --sweep with --runs into the bytes one machine writes', async () => {
    const files = ['sweep-3.json', 'sweep-1.json', 'sweep-0.json', 'sweep-2.json'].map(at);
    const [json, csv] = await all([
      [MERGE, ['--out', at('merged-sweep.json'), ...files]],
      [MERGE, ['--format', 'csv', ...files]],
    ]);
    expect(json.stdout).toBe('');
    expect(JSON.parse(single.sweepJson)).toMatchObject({
      kind: 'sweep',
      runsPerPoint: 3,
      runsDone: 18,
    });
    expect(read('merged-sweep.json')).toBe(single.sweepJson);
    expect(csv.stdout).toBe(single.sweepCsv);
    expect(single.sweepCsv.split('\n')[0]).toBe(
      'policy.costDown,policy.passThroughFloor,runs,key,tier,stat,value,unit',
    );
  });

  it('merges in-process to the same bytes, and with more shards than runs some shards are empty', async () => {
    const merged = mergeCli(['runs-1.json', 'runs-0.json', 'runs-2.json'].map(at), (p) =>
      readFileSync(p),
    );
    expect(merged.output).toBe(single.runsJson);
    // A shard file laid out otherwise (here pretty-printed) is read as one JSON text.
    writeFileSync(at('pretty-1.json'), JSON.stringify(JSON.parse(read('runs-1.json')), null, 2));
    const pretty = mergeCli(['runs-0.json', 'pretty-1.json', 'runs-2.json'].map(at), (p) =>
      readFileSync(p),
    );
    expect(pretty.output).toBe(single.runsJson);
    const few = [...SMALL, '--seed', '3', '--runs', '2'];
    const [one] = await all([
      [SIM, [...few, '--workers', '1']],
      ...[0, 1, 2].map((k) => shardCmd(few, k, 3, `few-${k}.json`)),
    ]);
    expect(JSON.parse(read('few-2.json'))).toMatchObject({ jobsInShard: 0, outputs: [] });
    const m = mergeCli(['few-2.json', 'few-1.json', 'few-0.json'].map(at), (p) => readFileSync(p));
    expect(m.output).toBe(one.stdout);
  });

  it('splits the plan by job index mod n, whatever the number of workers', () => {
    const args = [...SWEEP, '--shard', '1/4'];
    const a = parseCli([...args, '--workers', '1'], noFile, 2);
    const b = parseCli(args, noFile, 8);
    if (a.kind !== 'batch' || b.kind !== 'batch') throw new Error('expected batches');
    expect(a.shard).toEqual({ k: 1, n: 4 });
    expect(b.workers).toBe(5); // at most the shard's 5 runs
    const total = jobCount(a.plan);
    expect(total).toBe(18);
    const parts = [0, 1, 2, 3].map((k) => shardJobs(a.plan, { k, n: 4 }));
    expect(parts.map((p) => p.length)).toEqual([5, 5, 4, 4]);
    expect(parts.map((p, k) => shardSize(total, { k, n: 4 }) === p.length)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(parts[1].map((j) => j.index)).toEqual([1, 5, 9, 13, 17]);
    expect(shardJobs(b.plan, { k: 1, n: 4 })).toEqual(parts[1]);
    // Every job in exactly one shard, with the scenario one machine would run.
    const merged = parts.flat().sort((x, y) => x.index - y.index);
    expect(merged).toEqual(jobs(a.plan));
  });

  it('refuses bad --shard values, naming the option', async () => {
    const runs = ['--runs', '4'];
    expect(usage([...runs, '--shard', '8/8'])).toMatch(/^--shard 8\/8: k must be from 0 to 7/);
    expect(usage([...runs, '--shard=-1/4'])).toMatch(/^--shard -1\/4: k must be from 0 to 3/);
    expect(usage([...runs, '--shard', '0/0'])).toMatch(/^--shard 0\/0: n .* must be at least 1/);
    expect(usage([...runs, '--shard', '1.5/4'])).toMatch(/^--shard takes k\/n, whole numbers/);
    expect(usage([...runs, '--shard', 'a/b'])).toMatch(/^--shard takes k\/n/);
    expect(usage([...runs, '--shard', '3'])).toMatch(/^--shard takes k\/n/);
    expect(usage([...runs, '--shard', '0/1e9'])).toMatch(/^--shard takes k\/n/);
    expect(usage([...runs, '--shard', '0/20001'])).toMatch(/n .* must be at most 20000/);
    expect(usage(['--shard', '0/2'])).toBe('--shard goes with --runs or --sweep');
    expect(usage([...runs, '--shard', '0/2', '--format', 'csv'])).toMatch(
      /^--shard writes a JSON shard file, not CSV.*npm run merge -- --format csv/,
    );
    const p = await run(SIM, [...SMALL, ...runs, '--shard', '4/4']);
    expect(p.status).toBe(2);
    expect(p.stderr).toContain('sim: --shard 4/4: k must be from 0 to 3');
    expect(p.stdout).toBe('');
  });

  it('refuses a missing, repeated or foreign shard, naming the shard or the file', () => {
    expect(mergeError(['runs-0.json', 'runs-2.json'])).toBe(
      'shard 1/3 missing: a batch in 3 shards needs all of 0/3 to 2/3',
    );
    expect(mergeError(['runs-1.json'])).toMatch(/^shards 0\/3, 2\/3 missing/);
    writeFileSync(at('copy-of-1.json'), read('runs-1.json'));
    expect(mergeError(['runs-0.json', 'runs-1.json', 'copy-of-1.json', 'runs-2.json'])).toBe(
      'copy-of-1.json is shard 1/3, and so is runs-1.json: give each shard once',
    );
    expect(mergeError(['runs-0.json', 'runs-1.json', 'runs-1.json', 'runs-2.json'])).toMatch(
      /^runs-1.json is shard 1\/3, and so is runs-1.json/,
    );
    expect(mergeError(['runs-0.json', 'other-seed-1.json', 'runs-2.json'])).toMatch(
      /^other-seed-1.json is a shard of another batch than runs-0.json \(another scenario, seed/,
    );
    expect(mergeError(['runs-0.json', 'halves-0.json', 'runs-2.json'])).toMatch(
      /^halves-0.json is shard 0\/2, but runs-0.json is shard 0\/3: the shards of one batch have the same n/,
    );
  });

  it('refuses files that are not whole shard files, naming the file', async () => {
    writeFileSync(at('broken.json'), '{"format": "supply-chain-sim shard", ');
    expect(mergeError(['runs-0.json', 'broken.json'])).toMatch(/^broken.json is not valid JSON: /);
    expect(mergeError(['runs.json', 'runs-1.json'])).toMatch(
      /^runs.json is not a shard file \(npm run sim -- --runs N --shard k\/n --out FILE writes them\)/,
    );
    const text = read('runs-0.json');
    writeFileSync(at('cut.json'), text.slice(0, Math.floor(text.length / 2)));
    expect(mergeError(['cut.json', 'runs-1.json', 'runs-2.json'])).toMatch(
      /^cut.json is not valid JSON/,
    );
    // Valid JSON, one run left out.
    const s = JSON.parse(text);
    writeFileSync(at('short.json'), JSON.stringify({ ...s, outputs: s.outputs.slice(1) }));
    expect(mergeError(['short.json', 'runs-1.json', 'runs-2.json'])).toBe(
      'short.json: shard 0/3 of 7 runs must hold 3 runs, it holds 2 (an unfinished file?)',
    );
    // An edited plan no longer matches its fingerprint.
    s.plan.base.years = 3;
    writeFileSync(at('edited.json'), JSON.stringify(s));
    expect(mergeError(['edited.json', 'runs-1.json', 'runs-2.json'])).toMatch(
      /^edited.json: the plan does not match its fingerprint/,
    );
    expect(mergeError(['runs-0.json', 'nowhere.json'])).toMatch(/^cannot read nowhere.json: /);
    expect(mergeError([])).toMatch(/^give the shard files to merge/);
    expect(mergeError(['--format', 'xml', 'runs-0.json'])).toBe(
      '--format must be json or csv, got "xml"',
    );
    // The command exits with code 2 and the message on stderr.
    const p = await run(MERGE, [at('runs-0.json'), at('runs-2.json')]);
    expect(p.status).toBe(2);
    expect(p.stderr).toContain('merge: shard 1/3 missing');
    expect(p.stdout).toBe('');
  });
});
