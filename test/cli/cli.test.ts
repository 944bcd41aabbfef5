import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError, runCli, splitFirms } from '../../scripts/cli.ts';

const noFile = (p: string): string => {
  throw new Error(`no such file ${p}`);
};
const files =
  (map: Record<string, string>) =>
  (p: string): string => {
    if (p in map) return map[p];
    throw new Error(`ENOENT: ${p}`);
  };
const json = (argv: string[], read = noFile) => JSON.parse(runCli(argv, read).output);
const usageError = (argv: string[], read = noFile): string => {
  try {
    runCli(argv, read);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected a usage error');
};

describe('npm run sim', () => {
  it('prints series, economy, summary, units, the resolved scenario, seed and version', () => {
    const r = json(['--preset', 'layered', '--years', '2', '--seed', '7']);
    expect(Object.keys(r)).toEqual(
      expect.arrayContaining([
        'series',
        'economy',
        'summary',
        'units',
        'scenario',
        'seed',
        'version',
      ]),
    );
    expect(r.seed).toBe(7);
    expect(r.scenario.seed).toBe(7);
    expect(r.scenario.network.customersPerSupplier).toBe(4);
    expect(r.series.wage).toHaveLength(4);
    expect(r.series.wage[0]).toHaveLength(8);
    expect(r.economy.finalSales).toHaveLength(8);
    expect(r.units['series.wage']).toBe('¥10k/year');
    // Pass-through is defined only at negotiation rounds: null between them.
    expect(r.series.passThrough[1].some((x: number | null) => x === null)).toBe(true);
  });

  it('applies --set after the preset and the scenario file, and rejects unknown paths', () => {
    const read = files({ 's.json': JSON.stringify({ policy: { costDown: 0.05 } }) });
    const r = json(
      [
        '--preset',
        'layered',
        '--scenario',
        's.json',
        '--set',
        'policy.gainShareFloor=0.2',
        '--years',
        '1',
      ],
      read,
    );
    expect(r.scenario.policy.costDown).toBe(0.05);
    expect(r.scenario.policy.gainShareFloor).toBe(0.2);
    expect(usageError(['--set', 'policy.nope=1'])).toContain('policy.nope');
  });

  it('splits --firms by the preset tier ratios', () => {
    expect(splitFirms(1000, [3, 18, 90, 360]).reduce((a, b) => a + b, 0)).toBe(1000);
    const r = json(['--firms', '942', '--years', '1']);
    expect(r.scenario.network.firmsPerTier).toEqual([6, 36, 180, 720]);
  });

  it('names what is wrong: unknown preset (with the list), out-of-range value, broken file', () => {
    const m = usageError(['--preset', 'nope']);
    expect(m).toContain('nope');
    expect(m).toContain('large-firm-led, layered, japan-2024');
    expect(usageError(['--set', 'policy.costDown=0.5'])).toContain(
      'policy.costDown: must be from 0 to 0.1',
    );
    expect(usageError(['--scenario', 'bad.json'], files({ 'bad.json': '{oops' }))).toContain(
      'not valid JSON',
    );
    expect(usageError(['--scenario', 'missing.json'])).toContain('cannot read "missing.json"');
    expect(usageError(['--format', 'xml'])).toContain('json or csv');
    expect(usageError(['--years', 'ten'])).toContain('--years');
    expect(usageError(['--bogus'])).toContain('bogus');
  });

  it('writes tidy CSV with units', () => {
    const out = runCli(['--years', '1', '--format', 'csv'], noFile).output.trim().split('\n');
    expect(out[0]).toBe('section,key,tier,period,value,unit');
    expect(out).toContain('series,firms,0,2026Q1,3,firms');
    expect(out.some((l) => l.startsWith('economy,finalSales,,2026Q1,'))).toBe(true);
    expect(out.some((l) => l.startsWith('summary,wageGap,,,'))).toBe(true);
  });

  it('lists presets and describes every parameter', () => {
    expect(runCli(['--list-presets'], noFile).output).toContain('japan-2024');
    const d = runCli(['--describe'], noFile).output;
    expect(d).toContain('policy.costDown\tshare/year\t0.02\t0\t0.1');
    expect(d).toContain('network.firmsPerTier');
  });

  it('exits with code 2 and a message on stderr for invalid input', () => {
    const script = fileURLToPath(new URL('../../scripts/sim.ts', import.meta.url));
    const p = spawnSync(process.execPath, ['--import', 'tsx', script, '--preset', 'nope'], {
      encoding: 'utf8',
    });
    expect(p.status).toBe(2);
    expect(p.stderr).toContain('unknown preset "nope"');
    expect(p.stdout).toBe('');
  });
});

describe('a --set lever that the policy timeline also changes', () => {
  it('is named in a note, with when, to what and by which event the timeline changes it', () => {
    const r = runCli(
      ['--preset', 'japan-2024', '--years', '1', '--set', 'policy.laborCostAcceptance=0.7'],
      noFile,
    );
    expect(r.notes).toHaveLength(1);
    expect(r.notes![0]).toContain('policy.laborCostAcceptance');
    expect(r.notes![0]).toContain('to 0.4 from 2023Q4 ("2023 guideline")');
    // The set value holds until the event, the timeline's after it.
    const out = JSON.parse(r.output);
    expect(out.scenario.policy.laborCostAcceptance).toBe(0.7);
  });

  it('gets no note for a lever the timeline leaves alone, or once the timeline is replaced', () => {
    const a = runCli(
      ['--preset', 'japan-2024', '--years', '1', '--set', 'policy.costDown=0.01'],
      noFile,
    );
    expect(a.notes).toEqual([]);
    const b = runCli(
      [
        '--preset',
        'japan-2024',
        '--years',
        '1',
        '--set',
        'policyEvents=[]',
        '--set',
        'policy.laborCostAcceptance=0.7',
      ],
      noFile,
    );
    expect(b.notes).toEqual([]);
    expect(JSON.parse(b.output).scenario.policyEvents).toEqual([]);
  });

  it('prints the note on standard error and still runs', () => {
    const script = fileURLToPath(new URL('../../scripts/sim.ts', import.meta.url));
    const p = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        script,
        '--preset',
        'japan-2024',
        '--years',
        '1',
        '--set',
        'policy.enforcement=0.9',
      ],
      { encoding: 'utf8' },
    );
    expect(p.status).toBe(0);
    expect(p.stderr).toContain('sim: note: policy.enforcement is also changed');
    expect(JSON.parse(p.stdout).version).toBeTypeOf('string');
  });
});
