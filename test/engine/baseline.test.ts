import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../scripts/fingerprint.ts';

// Regression baseline: any output that moves by more than a relative 1e-9 fails.
// After an intended model change: npx tsx scripts/baseline.ts --write.
const saved = JSON.parse(readFileSync(new URL('./baseline.json', import.meta.url), 'utf8'));

function close(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => close(x, b[i]));
  if (a === null || b === null) return a === b;
  const x = a as number;
  const y = b as number;
  return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
}

describe('model outputs match the saved baseline', () => {
  const now = fingerprint();
  for (const [name, print] of Object.entries(saved as Record<string, Record<string, unknown>>)) {
    it(name, () => {
      const moved = Object.keys(print).filter((k) => !close(now[name][k], print[k]));
      expect(
        moved,
        `moved: ${moved.map((k) => `${k}: ${JSON.stringify(print[k])} -> ${JSON.stringify(now[name][k])}`).join('; ')}`,
      ).toEqual([]);
    });
  }
});
