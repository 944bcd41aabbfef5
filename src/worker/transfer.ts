import type { SimResult } from '../engine/index.ts';

/** Every distinct buffer behind the typed arrays of a result, for a transfer list. */
export function resultBuffers(r: SimResult): ArrayBuffer[] {
  const set = new Set<ArrayBuffer>();
  const add = (a: ArrayBufferView) => set.add(a.buffer as ArrayBuffer);
  for (const perTier of Object.values(r.series)) for (const a of perTier) add(a);
  for (const a of Object.values(r.economy)) add(a);
  for (const a of Object.values(r.sample)) add(a);
  return [...set];
}
