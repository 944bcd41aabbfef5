/**
 * Fuzz tests of the command line's bad input: every bad command line gets
 * exit code 2 and a short message on stderr, never a stack trace, a hang or a
 * run. Seeded fast-check properties run hundreds of bad command lines through
 * parseCli in this process (scripts/sim.ts turns its UsageError into exit
 * code 2); a handful of real processes cover what needs the file system and
 * the exit code itself: FIFOs, devices, huge and deep files, an unwritable
 * --out, control characters on a real stderr.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError, parseCli } from '../../scripts/cli.ts';
import { mergeCli } from '../../scripts/shard.ts';
import { PARAMS, PRESET_NAMES } from '../../src/engine/index.ts';
import { MAX_DEPTH, MAX_ERRORS_SHOWN } from '../../src/engine/limits.ts';

const SEED = 20_261_205;
const SIM = fileURLToPath(new URL('../../scripts/sim.ts', import.meta.url));
const MERGE = fileURLToPath(new URL('../../scripts/merge.ts', import.meta.url));
const CALIBRATE = fileURLToPath(new URL('../../scripts/calibrate.ts', import.meta.url));

/* ------------------------------------------------------------ in process */

/** What a message may contain: no control character but newlines, no stack trace, a bounded size. */
function expectShortMessage(message: string): void {
  expect(message.trim().length).toBeGreaterThan(0);
  expect(message).not.toMatch(/^\s+at /m);
  // eslint-disable-next-line no-control-regex
  expect(message).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  expect(message.split('\n').length).toBeLessThanOrEqual(MAX_ERRORS_SHOWN + 3);
  expect(message.length).toBeLessThan(8000);
}

/** Runs parseCli on argv with `files` as the file system; returns the UsageError's message. */
function refusal(argv: string[], files: Record<string, string> = {}): string {
  const read = (p: string): string => {
    if (Object.hasOwn(files, p)) return files[p];
    throw new Error(`ENOENT: no such file or directory, open '${p}'`);
  };
  const t0 = performance.now();
  let error: unknown;
  try {
    parseCli(argv, read, 2, () => {});
  } catch (e) {
    error = e;
  }
  const ms = performance.now() - t0;
  if (!(error instanceof UsageError)) {
    throw new Error(
      `expected a usage error for ${JSON.stringify(argv)}, got ${error === undefined ? 'none' : String(error)}`,
    );
  }
  expect(ms, JSON.stringify(argv)).toBeLessThan(3000);
  expectShortMessage(error.message);
  return error.message;
}

const NUMERIC = ['seed', 'years', 'firms', 'runs', 'workers'] as const;
/** Values no whole-number option takes. */
const notWhole = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'NaN',
    'Infinity',
    '-Infinity',
    '1.5',
    '1e3',
    '0x10',
    '0b11',
    '1_000',
    '٣',
    '99999999999999999999999',
    '\u001b[31m5',
    '5\u0000',
    '\u202e12',
  ),
  fc.string({ maxLength: 30 }).filter((s) => !/^\s*[+-]?\d+\s*$/.test(s)),
);
/** Whole numbers out of each option's range (the others parse and would run). */
const outOfRange: Record<(typeof NUMERIC)[number], fc.Arbitrary<number>> = {
  seed: fc.oneof(fc.integer({ min: -1e9, max: -1 }), fc.integer({ min: 2 ** 31, max: 2 ** 50 })),
  years: fc.oneof(fc.integer({ min: -1000, max: 0 }), fc.integer({ min: 51, max: 1e12 })),
  firms: fc.oneof(fc.integer({ min: -1000, max: 1 }), fc.integer({ min: 250_001, max: 1e12 })),
  runs: fc.oneof(fc.integer({ min: -1000, max: 0 }), fc.integer({ min: 20_001, max: 1e12 })),
  workers: fc.oneof(fc.integer({ min: -1000, max: 0 }), fc.integer({ min: 257, max: 1e12 })),
};
/** A text with control characters, direction overrides or much length. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40, unit: 'binary' }),
  fc.constantFrom('\u001b[2J', '\u0007', '\r\n', '\u202e', 'a'.repeat(5000), '\u0000'),
);
const knownPaths = new Set<string>([
  ...PARAMS.map((p) => p.path),
  'network.firmsPerTier',
  'shocks',
]);

/** Bad command lines picked by hand from the first probe (each is also tried on its own). */
const FIXED_BAD: string[][] = [
  ['--out', ''],
  ['--out='],
  ['--preset', ''],
  ['--scenario', ''],
  ['--seed', ''],
  ['--sweep', ''],
  ['--set', ''],
  ['--set', '='],
  ['--set', '__proto__.x=1'],
  ['--set', 'constructor.prototype.x=1'],
  ['--set', `shocks=${'['.repeat(MAX_DEPTH + 5)}${']'.repeat(MAX_DEPTH + 5)}`],
  ['--set', 'policy.costDown=NaN'],
  ['--sweep', `policy.costDown=${' '.repeat(50_000)}:${' '.repeat(50_000)}`],
  ['--set', 'network.firmsPerTier=[1e9,1e9]'],
  [
    '--runs',
    '2',
    '--sweep',
    'policy.costDown=0:0.05:6',
    '--sweep',
    'policy.gainShareFloor=0:1:3',
    '--sweep',
    'years=1:2:2',
  ],
  ['--runs', '20000', '--years', '20'],
  ['--runs', '1000', '--firms', '250000', '--years', '20'],
  ['--runs', '2', '--shard', '0/2', '--format', 'csv'],
  ['--workers', '2'],
];

describe('the command line refuses bad input with a short message (fuzz, in process)', () => {
  it('whole-number options: non-numbers, empty values and values out of range', () => {
    const option = fc
      .constantFrom(...NUMERIC)
      .chain((name) =>
        fc.tuple(fc.constant(name), fc.oneof(notWhole, outOfRange[name].map(String))),
      );
    fc.assert(
      fc.property(option, fc.boolean(), ([name, value], equals) => {
        const context = [
          ...(name === 'years' ? [] : ['--years', '1']),
          ...(name === 'workers' ? ['--runs', '2'] : []),
        ];
        const argv = equals ? [`--${name}=${value}`, ...context] : [...context, `--${name}`, value];
        expect(refusal(argv)).toContain(name === 'firms' ? 'firm' : name);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('whole-number options out of range, for each option', () => {
    for (const name of NUMERIC) {
      fc.assert(
        fc.property(outOfRange[name], (n) => {
          const extra = name === 'workers' || name === 'runs' ? ['--runs', '2'] : [];
          refusal([...(name === 'years' ? [] : ['--years', '1']), ...extra, `--${name}=${n}`]);
        }),
        { seed: SEED, numRuns: 20 },
      );
    }
  });

  it('text options: unknown presets and formats, bad --set, --sweep and --shard, unknown options', () => {
    const cases = fc.oneof(
      nasty.filter((s) => !PRESET_NAMES.includes(s)).map((s) => ['--preset', s]),
      nasty.filter((s) => s !== 'json' && s !== 'csv').map((s) => [`--format=${s}`]),
      nasty.filter((s) => !s.includes('=')).map((s) => [`--set=${s}`]),
      fc
        .tuple(
          nasty.filter((p) => !knownPaths.has(p.trim()) && !p.includes('=')),
          nasty,
        )
        .map(([p, v]) => [`--set=${p}=${v}`]),
      nasty.map((s) => ['--sweep', `${s}=0:1`]),
      nasty.map((s) => [`--sweep=policy.costDown=${s}:0.05:5`]),
      nasty
        .filter((s) => !/^\s*\d+\s*\/\s*\d+\s*$/.test(s))
        .map((s) => [`--shard=${s}`, '--runs', '2']),
      fc.constantFrom(['--shard', '5/5', '--runs', '2'], ['--shard', '0/0', '--runs', '2']),
      nasty
        .filter(
          (s) => /^[^=-]/.test(s) && !['debug', 'help', 'describe', 'list-presets'].includes(s),
        )
        .map((s) => [`--${s}`]),
      nasty.filter((s) => s.length > 0 && !s.startsWith('-')).map((s) => [s]),
      fc.constantFrom(...FIXED_BAD),
    );
    fc.assert(
      fc.property(cases, fc.boolean(), (args, first) => {
        const context = (args as readonly string[]).includes('--years') ? [] : ['--years', '1'];
        refusal(first ? [...args, ...context] : [...context, ...args]);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('every hand-picked bad command line, each on its own', () => {
    for (const args of FIXED_BAD) {
      refusal((args as readonly string[]).includes('--years') ? args : ['--years', '1', ...args]);
    }
  });

  it('--scenario files: broken, deep, reserved keys, wrong types, unknown keys, long lists', () => {
    const deep = fc
      .integer({ min: MAX_DEPTH + 1, max: 100_000 })
      .chain((d) =>
        fc.constantFrom(
          '['.repeat(d) + ']'.repeat(d),
          '{"a":'.repeat(d) + '1' + '}'.repeat(d),
          `{"policy":${'['.repeat(d)}${']'.repeat(d)}}`,
        ),
      );
    const reserved = fc
      .tuple(
        fc.constantFrom('__proto__', 'constructor', 'prototype'),
        fc.constantFrom('', 'policy', 'network'),
      )
      .map(([k, under]) =>
        under ? `{"${under}":{"${k}":{"costDown":0.5}}}` : `{"${k}":{"policy":{"costDown":1}}}`,
      );
    const topKeys = new Set([
      'policy',
      'network',
      'market',
      'labor',
      'bargaining',
      'seed',
      'years',
    ]);
    const unknownKeys = fc
      .dictionary(
        fc
          .string({ minLength: 1, maxLength: 12 })
          .filter((k) => !topKeys.has(k) && !knownPaths.has(k)),
        fc.jsonValue({ maxDepth: 2 }),
        { minKeys: 1, maxKeys: 5 },
      )
      .map((o) => JSON.stringify(o));
    const wrongTypes = fc
      .tuple(
        fc.constantFrom(...PARAMS.map((p) => p.path).filter((p) => p.includes('.'))),
        fc.oneof(
          fc.string(),
          fc.constant(null),
          fc.array(fc.integer(), { maxLength: 3 }),
          fc.constant({}),
        ),
      )
      .map(([path, v]) => {
        const [a, b] = path.split('.');
        return JSON.stringify({ [a]: { [b]: v } });
      });
    const longLists = fc
      .tuple(fc.constantFrom('shocks', 'policyEvents'), fc.integer({ min: 31, max: 100_000 }))
      .map(([k, n]) => `{"${k}":[${Array(n).fill('{}').join(',')}]}`);
    const nastyKeys = fc
      .tuple(
        fc.constantFrom('', 'policy', 'network'),
        nasty.filter((k) => k.length > 0),
      )
      .map(([under, k]) => JSON.stringify(under ? { [under]: { [k]: 1 } } : { [k]: 1 }))
      .filter(
        (t) =>
          !t.includes('"__proto__"') && !t.includes('"constructor"') && !t.includes('"prototype"'),
      );
    const broken = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v) + '{'),
      fc.constantFrom(
        '',
        ' ',
        '{',
        '{"policy":',
        '\u0000',
        '\ufeff{',
        'null',
        '[]',
        '5',
        '"x"',
        'true',
      ),
    );
    const manyErrors = fc.integer({ min: 1, max: 20 }).map((n) =>
      JSON.stringify({
        shocks: Array.from({ length: n }, () => ({
          variable: 1,
          start: 'x',
          duration: 'x',
          size: 'x',
        })),
        policy: Object.fromEntries(
          PARAMS.filter((p) => p.path.startsWith('policy.')).map((p) => [p.path.slice(7), 'x']),
        ),
      }),
    );
    fc.assert(
      fc.property(
        fc.oneof(deep, reserved, unknownKeys, nastyKeys, wrongTypes, longLists, broken, manyErrors),
        (text) => {
          const m = refusal(['--scenario', 's.json', '--years', '1'], { 's.json': text });
          expect(m).toMatch(/--scenario|invalid scenario/);
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('summarises a long error list ("and N more") and names reserved keys', () => {
    const text = JSON.stringify({
      shocks: Array.from({ length: 20 }, () => ({
        variable: 1,
        start: 'x',
        duration: 'x',
        size: 'x',
      })),
    });
    const m = refusal(['--scenario', 's.json'], { 's.json': text });
    const lines = m.split('\n');
    expect(lines).toHaveLength(MAX_ERRORS_SHOWN + 2);
    expect(lines.at(-1)).toMatch(/^ {2}and 60 more$/);
    expect(refusal(['--scenario', 's.json'], { 's.json': '{"__proto__":{"years":3}}' })).toContain(
      'key "__proto__" is not allowed',
    );
    expect(
      refusal(['--scenario', 's.json'], { 's.json': `{"shocks":[${Array(100_000).fill('{}')}]}` }),
    ).toBe('invalid scenario:\n  shocks: must have at most 20 shocks');
  });

  it('merge: bad options, empty --out and files that are not shard files', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nasty.filter((s) => s !== 'json' && s !== 'csv').map((s) => [`--format=${s}`, 'a.json']),
          fc.constant(['--out', '', 'a.json']),
          fc.constant([]),
          fc.jsonValue().map((v) => ['a.json', `=${JSON.stringify(v)}`]),
        ),
        (args) => {
          const files: Record<string, string> = {};
          const argv = args.map((a) => {
            if (!a.startsWith('=')) return a;
            files['b.json'] = a.slice(1);
            return 'b.json';
          });
          let error: unknown;
          try {
            mergeCli(argv, (p) => {
              if (Object.hasOwn(files, p)) return Buffer.from(files[p]);
              throw new Error(`ENOENT: no such file or directory, open '${p}'`);
            });
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(UsageError);
          expectShortMessage((error as Error).message);
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });
});

/* ------------------------------------------------------- real processes */

const dir = mkdtempSync(join(tmpdir(), 'cli-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Done {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a script with a time limit; stdin is a FIFO nobody writes to, so reading it would hang. */
function run(script: string, args: string[], timeoutMs = 20_000): Promise<Done> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: dir,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

function expectRefused(p: Done, text: string | RegExp): void {
  expect(p.status, p.stderr).toBe(2);
  expect(p.stderr).toMatch(text);
  expect(p.stderr).not.toMatch(/^\s+at /m);
  // eslint-disable-next-line no-control-regex
  expect(p.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  expect(p.stdout).toBe('');
  expect(p.ms).toBeLessThan(15_000);
}

describe('the command line refuses bad files and outputs (real processes)', () => {
  const fifo = join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]);
  mkdirSync(join(dir, 'folder'));
  writeFileSync(join(dir, 'huge.json'), `{"x":"${'a'.repeat(2_000_000)}"}`);
  writeFileSync(join(dir, 'deep.json'), '['.repeat(100_000) + ']'.repeat(100_000));
  writeFileSync(join(dir, 'ok.json'), '{"policy":{"costDown":0.03}}');

  it('refuses a FIFO, /dev/zero, /dev/stdin, a directory, a huge and a deep --scenario at once', async () => {
    const results = await Promise.all([
      run(SIM, ['--scenario', fifo]),
      run(SIM, ['--scenario', '/dev/zero']),
      run(SIM, ['--scenario', '/dev/stdin']),
      run(SIM, ['--scenario', 'folder']),
      run(SIM, ['--scenario', 'huge.json']),
      run(SIM, ['--scenario', 'deep.json']),
    ]);
    expectRefused(results[0], /"\S*fifo" is a FIFO \(named pipe\), not a regular file/);
    expectRefused(results[1], '"/dev/zero" is a character device, not a regular file');
    // A socket when the parent gives a pipe (Node's pipes are sockets): not opened at all.
    expectRefused(
      results[2],
      /"\/dev\/stdin" is a (FIFO|character device|socket)|cannot read "\/dev\/stdin": no such device/,
    );
    expectRefused(results[3], '"folder" is a directory, not a regular file');
    expectRefused(results[4], /"huge.json" is too large: 2,000,008 bytes, at most 1,048,576/);
    expectRefused(results[5], 'nested more than 32 levels deep');
  });

  it('checks --out before any work: a missing directory, a directory, a device, an empty name', async () => {
    const batch = ['--runs', '3', '--years', '1'];
    const results = await Promise.all([
      run(SIM, [...batch, '--out', 'nowhere/out.json']),
      run(SIM, [...batch, '--out', 'folder']),
      run(SIM, [...batch, '--out', '/dev/full']),
      run(SIM, [...batch, '--out', '/proc/sim-out.json']),
      run(SIM, [...batch, '--out', 'ok.json/x.json']),
      run(SIM, ['--seed', '', '--years', '1']),
      run(SIM, ['--years', '1', '--out', '']),
    ]);
    expectRefused(
      results[0],
      'cannot write "nowhere/out.json": the directory "nowhere" does not exist',
    );
    expectRefused(results[1], '"folder" is a directory; give a file name in it');
    expectRefused(results[2], '"/dev/full" is a character device');
    expectRefused(results[3], /cannot write "\/proc\/sim-out.json"/);
    expectRefused(results[4], 'a part of the path is not a directory');
    expectRefused(results[5], '--seed is empty');
    expectRefused(results[6], '--out is empty');
    // No run was started for an output that could not be written.
    for (const p of results.slice(0, 5)) expect(p.stderr).not.toMatch(/runs on \d+ worker/);
  });

  it('writes a finished batch whole through a temporary file, and escapes control characters', async () => {
    const [ok, ctrl] = await Promise.all([
      run(SIM, [
        '--runs',
        '2',
        '--years',
        '1',
        '--set',
        'network.firmsPerTier=[3,12]',
        '--out',
        'bands.json',
      ]),
      run(SIM, ['--preset', '\u001b[2J\u0007x']),
    ]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'bands.json'), 'utf8')).complete).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
    expectRefused(ctrl, 'unknown preset "\\u001b[2J\\u0007x"');
  });

  it('merge refuses a FIFO and an unwritable --out before reading', async () => {
    const [a, b] = await Promise.all([
      run(MERGE, [fifo]),
      run(MERGE, ['--out', 'nowhere/m.json', fifo]),
    ]);
    expectRefused(a, /shard file: "\S*fifo" is a FIFO/);
    expectRefused(b, 'the directory "nowhere" does not exist');
  });

  it('calibrate refuses empty, non-decimal and too large counts, and a FIFO as a document', async () => {
    const results = await Promise.all([
      run(CALIBRATE, ['--workers', '', '--seeds', '1']),
      run(CALIBRATE, ['--seeds', '1e3']),
      run(CALIBRATE, ['--seeds', '20000']),
      run(CALIBRATE, ['--check', '--doc-en', fifo]),
      run(CALIBRATE, ['--\u001b[2J']),
    ]);
    expectRefused(results[0], '--workers must be a whole number from 0 to 256, got ""');
    expectRefused(results[1], '--seeds must be a whole number from 1 to 20,000, got "1e3"');
    expectRefused(results[2], /--seeds 20000 asks for [\d,]+ runs .*; at most \d+ seeds fit/);
    expectRefused(results[3], /--doc-en: "\S*fifo" is a FIFO/);
    expectRefused(results[4], 'unknown option "--\\u001b[2J"');
  });
});
