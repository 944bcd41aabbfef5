/**
 * File input and output of the command-line tools, safe against bad paths:
 * special files (FIFOs, devices, sockets, directories) are refused by fstat
 * before anything is read, sizes are capped before reading, and an output
 * file is written next to its target under a temporary name and renamed when
 * complete, so it is whole or absent, and a target that cannot be written is
 * found before any work starts.
 */
import {
  appendFileSync,
  closeSync,
  copyFileSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  truncateSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { count, echo, escapeControl } from '../src/engine/limits.ts';

/** Bad input about a file (exit code 2): the message names the file and what is wrong. */
export class FileError extends Error {}

/** What a file that is not a regular file is, for a message. */
export function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EMFILE: 'too many open files',
  EEXIST: 'the file exists',
  EIO: 'input/output error',
  EINVAL: 'invalid argument',
  ENXIO: 'no such device or address (a socket?)',
};

/** A system error's reason in a few words, without the path (the message names it). */
export function reason(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') return REASONS[code] ?? code;
  return echo(e instanceof Error ? e.message : String(e));
}

/**
 * Reads a regular file of at most `maxBytes` bytes. Refuses an empty name,
 * a missing file, a directory, a FIFO, a device or a socket (opened without
 * blocking and checked by fstat before reading) and a larger file, with a
 * FileError naming `what` (e.g. "--scenario") and the file.
 */
export function readRegularFile(path: string, maxBytes: number, what: string): Buffer {
  if (path === '') throw new FileError(`${what} is empty: give a file name`);
  const name = `"${echo(path)}"`;
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading does not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new FileError(`${what}: cannot read ${name}: ${reason(e)}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      throw new FileError(`${what}: ${name} is ${kindOf(st)}, not a regular file`);
    }
    if (st.size > maxBytes) {
      throw new FileError(
        `${what}: ${name} is too large: ${count(st.size)} bytes, at most ${count(maxBytes)}`,
      );
    }
    // Read at most maxBytes + 1, in case the file grows while read.
    const buf = Buffer.alloc(Math.min(maxBytes + 1, st.size + 1));
    let got = 0;
    for (;;) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got === buf.length) {
        if (got > maxBytes) {
          throw new FileError(`${what}: ${name} is too large: more than ${count(maxBytes)} bytes`);
        }
        break;
      }
    }
    return buf.subarray(0, got);
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(`${what}: cannot read ${name}: ${reason(e)}`);
  } finally {
    closeSync(fd);
  }
}

/** The size of a file if it is a regular one (0 otherwise: readRegularFile then says why). */
export function regularSize(path: string): number {
  try {
    const st = statSync(path);
    return st.isFile() ? st.size : 0;
  } catch {
    return 0;
  }
}

const open = new Set<OutFile>();
process.on('exit', () => {
  for (const f of open) f.discard();
});

/**
 * An output file (--out), opened before any work: a temporary file
 * `.NAME.PID.partial` in the target's directory, renamed to the target by
 * commit(). Opening it proves that the directory exists and can be written;
 * a target that is a directory or a special file (a device, a FIFO) is
 * refused. A temporary file left (an error, a second Ctrl-C) is removed when
 * the process exits.
 */
export class OutFile {
  readonly path: string;
  readonly temp: string;
  private fd: number | undefined;

  private constructor(path: string, temp: string, fd: number) {
    this.path = path;
    this.temp = temp;
    this.fd = fd;
    open.add(this);
  }

  /** Opens the temporary file for `path`; throws FileError when it cannot be written. */
  static open(path: string, what = '--out'): OutFile {
    if (path === '') {
      throw new FileError(
        `${what} is empty: give a file name, or leave out ${what} to write to standard output`,
      );
    }
    const name = `"${echo(path)}"`;
    let target = path;
    try {
      const st = statSync(path); // follows symbolic links
      if (!st.isFile()) {
        throw new FileError(
          `${what}: ${name} is ${kindOf(st)}; give a file name${st.isDirectory() ? ' in it' : ''}, or leave out ${what} to write to standard output`,
        );
      }
      target = realpathSync(path); // write next to a link's target, and replace that
    } catch (e) {
      if (e instanceof FileError) throw e;
      const code = (e as { code?: unknown }).code;
      if (code !== 'ENOENT') throw new FileError(`${what}: cannot write ${name}: ${reason(e)}`);
    }
    const dir = dirname(target);
    const temp = join(dir, `.${basename(target)}.${process.pid}.partial`);
    let fd: number;
    try {
      fd = openSync(temp, 'wx', 0o644);
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      let where = reason(e);
      if (code === 'ENOENT') {
        let isDir = false;
        try {
          isDir = statSync(dir).isDirectory();
        } catch {
          /* missing */
        }
        where = isDir
          ? `no file can be created in the directory "${echo(dir)}"`
          : `the directory "${echo(dir)}" does not exist`;
      }
      throw new FileError(`${what}: cannot write ${name}: ${where}`);
    }
    return new OutFile(target, temp, fd);
  }

  /** Appends text to the temporary file. */
  write(text: string): void {
    if (this.fd === undefined) throw new Error('output file already closed');
    const buf = Buffer.from(text, 'utf8');
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off);
  }

  /** Closes the temporary file and renames it to the target. */
  commit(): void {
    if (this.fd === undefined) throw new Error('output file already closed');
    closeSync(this.fd);
    this.fd = undefined;
    open.delete(this); // kept if the rename fails: it holds the output
    try {
      renameSync(this.temp, this.path);
    } catch (e) {
      throw new Error(
        `cannot rename "${echo(this.temp)}" to "${echo(this.path)}" (${reason(e)}); the output is in "${echo(this.temp)}"`,
        { cause: e },
      );
    }
  }

  /** Closes and removes the temporary file (nothing is written to the target). */
  discard(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        /* already closed */
      }
      this.fd = undefined;
    }
    try {
      unlinkSync(this.temp);
    } catch {
      /* already gone */
    }
    open.delete(this);
  }
}

/** An internal error (exit code 1) with a message of ours: a failure of the machine, not of the input. */
export class InternalError extends Error {}

/** Whether stack traces are wanted: --debug on the command line, or SIM_DEBUG=1. */
export const debugWanted = (argv: readonly string[]): boolean =>
  argv.includes('--debug') || /^(1|true|yes)$/i.test(process.env.SIM_DEBUG ?? '');

/** Writes a message on stderr as `tool: message`, control characters escaped. */
export function say(tool: string, message: string): void {
  const lines = message.split('\n').map((l) => escapeControl(l));
  process.stderr.write(`${tool}: ${lines.join('\n')}\n`);
}

/**
 * Reports an error that is not bad input: one line (the stack trace with
 * --debug or SIM_DEBUG=1) and exit code 1.
 */
export function reportInternal(tool: string, e: unknown, debug: boolean): number {
  if (e instanceof InternalError) {
    say(tool, e.message);
    return 1;
  }
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  say(tool, `internal error: ${msg.split('\n')[0].slice(0, 500)}`);
  if (debug && e instanceof Error && e.stack) process.stderr.write(e.stack + '\n');
  else say(tool, '(run again with --debug or SIM_DEBUG=1 for the details)');
  return 1;
}

/** Reports uncaught errors and rejections in one line (exit code 1) instead of a stack trace. */
export function catchUncaught(tool: string, debug: boolean): void {
  const handler = (e: unknown) => {
    process.exitCode = reportInternal(tool, e, debug);
    process.exit();
  };
  process.on('uncaughtException', handler);
  process.on('unhandledRejection', handler);
}

/**
 * Writes text given in pieces to `out` and renames it into place. If a write
 * fails (a full disk), what was written and the pieces still to come go to a
 * file in `rescueDir` instead, and the InternalError thrown says where: a
 * finished batch is never thrown away. Pieces are not held in memory.
 */
export function writePieces(
  out: OutFile,
  pieces: Iterable<string>,
  rescueDir: string,
  ext: string,
): void {
  const it = pieces[Symbol.iterator]();
  let written = 0;
  for (let r = it.next(); !r.done; r = it.next()) {
    try {
      out.write(r.value);
    } catch (e) {
      const rescue = join(rescueDir, `sim-output-${process.pid}.${ext}`);
      let saved: string;
      try {
        copyFileSync(out.temp, rescue);
        truncateSync(rescue, written); // the failed piece may be partly written
        appendFileSync(rescue, r.value);
        for (let n = it.next(); !n.done; n = it.next()) appendFileSync(rescue, n.value);
        saved = `; the output was written to "${echo(rescue)}" instead`;
      } catch {
        saved = '; it could not be saved elsewhere either';
      }
      out.discard();
      throw new InternalError(`cannot write "${echo(out.path)}": ${reason(e)}${saved}`, {
        cause: e,
      });
    }
    written += Buffer.byteLength(r.value, 'utf8');
  }
  out.commit();
}
