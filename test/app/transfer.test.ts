import { describe, expect, it } from 'vitest';
import { presetScenario, simulate } from '../../src/engine/index.ts';
import { resultBuffers } from '../../src/worker/transfer.ts';

describe('result transfer', () => {
  it('lists every typed array of a result once, so that all move instead of being copied', () => {
    const sc = presetScenario('layered');
    sc.years = 3;
    const r = simulate(sc);
    const arrays = [
      ...Object.values(r.series).flat(),
      ...Object.values(r.economy),
      ...Object.values(r.sample),
    ] as ArrayBufferView[];
    const buffers = resultBuffers(r);
    expect(new Set(buffers).size).toBe(buffers.length);
    for (const a of arrays) expect(buffers).toContain(a.buffer);

    const copy = structuredClone(r, { transfer: buffers });
    for (const a of arrays) expect(a.byteLength).toBe(0); // detached: moved, not copied
    expect(copy.series.wage[0].length).toBe(12);
    expect(copy.summary).toEqual(r.summary);
  });
});
