/**
 * The plain-language overview of "How the model works": both languages say
 * the same things (every tier, every mechanism numbered as in the diagram),
 * none is left empty or untranslated, and the tiers and mechanisms it names
 * are the engine's.
 */
import { describe, expect, it } from 'vitest';
import { OVERVIEW } from '../../src/app/model/overview.ts';
import { LANGS } from '../../src/share/urlState.ts';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Every string of an object, deeply. */
const strings = (o: unknown): string[] =>
  typeof o === 'string' ? [o] : Object.values(o as object).flatMap(strings);

describe('the model overview', () => {
  it('exists in every language, with the same shape', () => {
    expect(Object.keys(OVERVIEW).sort()).toEqual([...LANGS].sort());
    const shape = (o: unknown): unknown =>
      typeof o === 'string'
        ? 'text'
        : Array.isArray(o)
          ? o.map(shape)
          : typeof o === 'number'
            ? o
            : Object.fromEntries(Object.entries(o as object).map(([k, v]) => [k, shape(v)]));
    expect(shape(OVERVIEW.ja)).toEqual(shape(OVERVIEW.en));
  });

  it('has a paragraph for each of the seven mechanisms of the diagram, in order', () => {
    for (const lang of LANGS) {
      const o = OVERVIEW[lang];
      expect(o.mechanisms.map((m) => m.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      for (const m of o.mechanisms) {
        expect(m.title.length).toBeGreaterThan(2);
        // One plain paragraph: a few sentences, no equations, no code.
        expect(m.text.length).toBeGreaterThan(100);
        expect(m.text).not.toMatch(/[$`\\]/);
      }
      // The diagram names every mechanism by its number.
      const diagram = [o.demand, ...o.link, ...o.firm].join(' ');
      for (const n of '①②③④⑤⑥⑦') expect(diagram).toContain(n);
      // Final demand, then tiers 0 to 3.
      expect(o.tiers).toHaveLength(4);
    }
  });

  it('is Japanese throughout in Japanese and English in English', () => {
    for (const s of strings(OVERVIEW.ja)) expect(s, s).toMatch(JAPANESE);
    for (const s of strings(OVERVIEW.en)) expect(s, s).not.toMatch(JAPANESE);
  });
});
