/**
 * The app state in one object (src/app/context.ts): each app gets its own,
 * and the lint rule keeps state out of the modules of src/app.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createAppContext } from '../../src/app/context.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('the app context', () => {
  it('is made afresh: two apps share no part of their state', () => {
    const one = createAppContext();
    const two = createAppContext();
    for (const key of Object.keys(one) as (keyof typeof one)[]) {
      expect(one[key], key).not.toBe(two[key]);
    }
    one.presenter.toggle();
    one.chartView.mode = 'diff';
    one.runsSetting.runs = 30;
    one.tryIt.lesson = 'pass-through';
    one.embedFrame.width = 1280;
    expect(two.presenter.on).toBe(false);
    expect(two.chartView.mode).toBe('both');
    expect(two.runsSetting.runs).toBe(1);
    expect(two.tryIt.lesson).toBeNull();
    expect(two.embedFrame.width).toBe(800);
  });
});

describe('no app state in modules (eslint.config.js)', () => {
  const eslint = new ESLint({ cwd: ROOT });
  /** The lines of `code` the state rule flags, as if it were the file at `path`. */
  async function flagged(code: string, path: string): Promise<number[]> {
    const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${path}` });
    return result.messages
      .filter((m) => m.ruleId === 'no-restricted-syntax' && /app context/.test(m.message))
      .map((m) => m.line);
  }

  const code = [
    'export class Counter { n = $state(0); }', // 1: a class: allowed
    'export const counter = new Counter();', // 2
    'export default new Counter();', // 3
    'export let shared = 0;', // 4
    'const hidden = $state({ n: 0 });', // 5
    'export const raw = $state.raw([0]);', // 6
    'export const TABLE = { a: 1 }, twice = (n: number) => 2 * n;', // 7: constants: allowed
    'export function make() { const n = $state(0); return { n, c: new Counter() }; }', // 8: allowed
  ].join('\n');

  it('flags every module-level instance, mutable export and $state in src/app', async () => {
    expect(await flagged(code, 'src/app/charts/example.svelte.ts')).toEqual([2, 3, 4, 5, 6]);
    expect(await flagged(code, 'src/app/workers/example.ts')).toEqual([2, 3, 4, 5, 6]);
  }, 30_000);

  it('leaves the other layers alone', async () => {
    expect(await flagged(code, 'src/share/example.ts')).toEqual([]);
  }, 30_000);
});
