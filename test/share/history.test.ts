import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UndoHistory } from '../../src/share/history.ts';

describe('UndoHistory', () => {
  it('undoes and redoes in order; a new edit clears the redo steps', () => {
    const h = new UndoHistory(0);
    expect(h.canUndo).toBe(false);
    h.push(1, { time: 0 });
    h.push(2, { time: 1000 });
    expect(h.undo()).toBe(1);
    expect(h.undo()).toBe(0);
    expect(h.undo()).toBe(undefined);
    expect(h.redo()).toBe(1);
    h.push(5, { time: 2000 });
    expect(h.canRedo).toBe(false);
    expect(h.current).toBe(5);
    expect(h.undo()).toBe(1);
  });

  it('merges rapid edits of the same control into one step, not of different controls', () => {
    const h = new UndoHistory(0, { coalesceMs: 500 });
    h.push(1, { key: 'A:costDown', time: 0 });
    h.push(2, { key: 'A:costDown', time: 300 });
    h.push(3, { key: 'A:costDown', time: 700 }); // 400 ms after the previous one
    h.push(4, { key: 'B:costDown', time: 800 });
    h.push(5, { key: 'B:costDown', time: 2000 }); // too late: a new step
    expect(h.sizes).toEqual({ undo: 3, redo: 0 });
    expect(h.undo()).toBe(4);
    expect(h.undo()).toBe(3);
    expect(h.undo()).toBe(0);
  });

  it('does not merge across an undo, nor edits without a key', () => {
    const h = new UndoHistory(0);
    h.push(1, { key: 'k', time: 0 });
    h.undo();
    h.push(2, { key: 'k', time: 100 });
    expect(h.undo()).toBe(0);
    const g = new UndoHistory(0);
    g.push(1, { time: 0 });
    g.push(2, { time: 1 });
    expect(g.sizes.undo).toBe(2);
  });

  it('keeps at most `limit` steps, skips no-op edits and notifies listeners', () => {
    const h = new UndoHistory({ x: 0 }, { limit: 3, equals: (a, b) => a.x === b.x });
    let calls = 0;
    const off = h.subscribe(() => calls++);
    for (let i = 1; i <= 5; i++) h.push({ x: i }, { time: i * 1000 });
    h.push({ x: 5 }, { time: 9000 });
    expect(h.sizes.undo).toBe(3);
    expect(calls).toBe(5);
    h.undo();
    h.undo();
    expect(h.undo()).toEqual({ x: 2 });
    expect(h.undo()).toBe(undefined);
    off();
    h.reset({ x: 9 });
    expect(calls).toBe(8);
    expect(h.current).toEqual({ x: 9 });
    expect(h.canRedo).toBe(false);
  });

  it('undo all then redo all returns to the last state (random edit sequences)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ v: fc.integer(), key: fc.constantFrom('a', 'b'), dt: fc.nat(1000) })),
        (edits) => {
          const h = new UndoHistory(-1, { limit: 1000 });
          let t = 0;
          for (const e of edits) h.push(e.v, { key: e.key, time: (t += e.dt) });
          const last = h.current;
          while (h.canUndo) h.undo();
          expect(h.current).toBe(-1);
          while (h.canRedo) h.redo();
          expect(h.current).toBe(last);
        },
      ),
    );
  });
});
