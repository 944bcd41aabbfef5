/**
 * `npm run sim -- --runs N | --sweep ...`: bands and grid points in JSON and
 * CSV, usage errors, the progress bar on stderr, and Ctrl-C writing the runs
 * done, marked as partial.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError, parseCli } from '../../scripts/cli.ts';

const script = fileURLToPath(new URL('../../scripts/sim.ts', import.meta.url));
const noFile = (p: string): string => {
  throw new Error(`no such file ${p}`);
};
const sim = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' });
const usage = (args: string[]): string => {
  try {
    parseCli(args, noFile, 2);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected a usage error');
};
const SMALL = ['--years', '3', '--set', 'network.firmsPerTier=[3,12,36,72]'];

describe('npm run sim -- --runs / --sweep', () => {
  it('prints per-period bands of every output with --runs', () => {
    const p = sim([...SMALL, '--runs', '6', '--seed', '4', '--workers', '2']);
    expect(p.status).toBe(0);
    const r = JSON.parse(p.stdout);
    expect(r).toMatchObject({ kind: 'runs', complete: true, runsDone: 6, runsAsked: 6, seed: 4 });
    expect(r.seeds).toHaveLength(6);
    expect(r.seeds[0]).toBe(4);
    expect(r.stats).toEqual(['p10', 'p50', 'p90', 'mean', 'sd', 'se', 'min', 'max']);
    expect(r.series.wage.p10).toHaveLength(4);
    expect(r.series.wage.p50[3]).toHaveLength(12);
    expect(r.economy.finalSales.p90).toHaveLength(12);
    expect(r.summary.deepestWageGrowth.p50).toEqual(expect.any(Number));
    expect(r.summary.wageGrowth.p10).toHaveLength(4);
    expect(r.units['series.wage']).toBe('¥10k/year');
    // The progress bar and a closing line go to stderr.
    expect(p.stderr).toMatch(/6\/6 runs/);
    expect(p.stderr).toMatch(/6 runs in [\d.]+ s/);
  });

  it('prints the summary statistics of every grid point with --sweep, as JSON or CSV', () => {
    const args = [
      ...SMALL,
      '--sweep',
      'policy.costDown=0:0.04:3',
      '--sweep',
      'policy.passThroughFloor=0:1:2',
    ];
    const j = JSON.parse(sim(args).stdout);
    expect(j.kind).toBe('sweep');
    expect(j.runsPerPoint).toBe(1);
    expect(j.points).toHaveLength(6);
    expect(j.points[5].values).toEqual({ 'policy.costDown': 0.04, 'policy.passThroughFloor': 1 });
    expect(j.points[5].summary.deepestWageGrowth.p50).toEqual(expect.any(Number));
    const csv = sim([...args, '--format', 'csv'])
      .stdout.trim()
      .split('\n');
    expect(csv[0]).toBe('policy.costDown,policy.passThroughFloor,runs,key,tier,stat,value,unit');
    expect(csv).toContainEqual(
      expect.stringMatching(/^0\.04,1,1,deepestWageGrowth,,p50,-?[\d.e-]+,share\/year$/),
    );
  });

  it('names what is wrong in --runs, --sweep and --workers', () => {
    expect(usage(['--runs', '0'])).toMatch(/--runs: runs must be a whole number of at least 1/);
    expect(usage(['--runs', 'x'])).toMatch(/--runs must be a whole number/);
    expect(usage(['--sweep', 'policy.costDown=0:0.5:3'])).toBe(
      '--sweep: policy.costDown: 0.5 is out of range; it must be from 0 to 0.1 (share/year)',
    );
    expect(usage(['--sweep', 'a=1:2:3', '--sweep', 'b=1:2:3', '--sweep', 'c=1:2:3'])).toMatch(
      /at most two/,
    );
    expect(usage(['--runs', '3', '--workers', '0'])).toMatch(/--workers must be from 1/);
    expect(usage(['--workers', '2'])).toMatch(/--workers goes with --runs or --sweep/);
    const p = sim(['--sweep', 'policy.costDown=0:1:3']);
    expect(p.status).toBe(2);
    expect(p.stderr).toContain('out of range');
    expect(p.stdout).toBe('');
  });

  it('writes the runs done, marked as partial, when interrupted with Ctrl-C', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', script, '--years', '10', '--runs', '5000', '--workers', '2'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        // Interrupt once some runs are done (the bar prints every tenth of the way).
        if (/\] [1-9]\d*\/5000 runs/.test(stderr) && !child.killed) child.kill('SIGINT');
      });
      child.on('exit', (c) => resolve(c));
    });
    expect(code).toBe(130);
    const r = JSON.parse(stdout);
    expect(r.complete).toBe(false);
    expect(r.runsDone).toBeGreaterThan(0);
    expect(r.runsDone).toBeLessThan(5000);
    expect(r.runs).toBe(r.runsDone);
    expect(r.seeds).toHaveLength(r.runsDone);
    expect(stderr).toMatch(new RegExp(`interrupted; wrote the ${r.runsDone} of 5000 runs done`));
  }, 60_000);
});
