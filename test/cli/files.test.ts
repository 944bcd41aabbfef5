/**
 * The CLI's file handling (scripts/files.ts): special files refused before
 * reading, the size cap, and an output written whole or rescued, never lost.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FileError,
  InternalError,
  OutFile,
  readRegularFile,
  writePieces,
} from '../../scripts/files.ts';

const dir = mkdtempSync(join(tmpdir(), 'cli-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FileError);
    return (e as Error).message;
  }
  throw new Error('expected a FileError');
}

describe('reading an input file', () => {
  it('refuses a FIFO without waiting for a writer, a device, a directory and a large file', () => {
    execFileSync('mkfifo', [at('fifo')]);
    const t0 = performance.now();
    expect(refusal(() => readRegularFile(at('fifo'), 100, '--scenario'))).toMatch(
      /^--scenario: ".*fifo" is a FIFO \(named pipe\), not a regular file$/,
    );
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(refusal(() => readRegularFile('/dev/zero', 100, '--scenario'))).toContain(
      'is a character device',
    );
    expect(refusal(() => readRegularFile(dir, 100, '--scenario'))).toContain('is a directory');
    writeFileSync(at('big.json'), 'x'.repeat(101));
    expect(refusal(() => readRegularFile(at('big.json'), 100, '--scenario'))).toMatch(
      /is too large: 101 bytes, at most 100$/,
    );
    expect(refusal(() => readRegularFile('', 100, '--scenario'))).toBe(
      '--scenario is empty: give a file name',
    );
    writeFileSync(at('ok.json'), '{}');
    expect(readRegularFile(at('ok.json'), 100, '--scenario').toString()).toBe('{}');
  });
});

describe('writing the output', () => {
  it('writes through a temporary file, renamed when complete', () => {
    const out = OutFile.open(at('out.json'));
    expect(existsSync(out.temp)).toBe(true);
    expect(existsSync(at('out.json'))).toBe(false);
    writePieces(out, ['{"a":', '1}\n'], dir, 'json');
    expect(readFileSync(at('out.json'), 'utf8')).toBe('{"a":1}\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('saves the whole output elsewhere when the writing fails, and says where', () => {
    const out = OutFile.open(at('full.json'));
    const write = out.write.bind(out);
    let calls = 0;
    out.write = (text: string) => {
      if (++calls === 3) {
        write(text.slice(0, 2)); // a partial write, then the disk is full
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }
      write(text);
    };
    function* pieces() {
      for (let i = 0; i < 5; i++) yield `piece ${i};`;
    }
    const rescueDir = mkdtempSync(join(dir, 'rescue-'));
    let error: unknown;
    try {
      writePieces(out, pieces(), rescueDir, 'json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InternalError);
    const rescued = join(rescueDir, `sim-output-${process.pid}.json`);
    expect((error as Error).message).toBe(
      `cannot write "${at('full.json')}": no space left on the device; the output was written to "${rescued}" instead`,
    );
    expect(readFileSync(rescued, 'utf8')).toBe('piece 0;piece 1;piece 2;piece 3;piece 4;');
    expect(existsSync(at('full.json'))).toBe(false);
    expect(existsSync(out.temp)).toBe(false);
  });

  it('refuses a directory, a device and a missing directory before anything is written', () => {
    expect(refusal(() => OutFile.open(dir))).toContain('is a directory; give a file name in it');
    expect(refusal(() => OutFile.open('/dev/null'))).toContain('is a character device');
    expect(refusal(() => OutFile.open(at('no/where.json')))).toContain(
      `the directory "${at('no')}" does not exist`,
    );
    expect(refusal(() => OutFile.open(''))).toMatch(/^--out is empty/);
  });
});
