/**
 * The damaged share and embed links of the link fuzz tests (seeded, so a
 * failure is reproducible): real links of every kind cut short, with
 * characters deleted, replaced or inserted (control and non-Latin
 * characters, percent escapes), parameters duplicated, values swapped for
 * huge, negative, non-numeric or deeply nested ones. Decoded in Node by
 * test/share/link-fuzz.test.ts (all 1,000) and opened in Chromium by
 * test/browser/link-fuzz.test.ts (a sample of them).
 */
import fc from 'fast-check';
import { defaultState, type AppState } from '../../src/share/urlState.ts';
import { embedUrl, packEmbedQuery, shareUrl } from '../../src/share/embed.ts';

/** The page the links are made for (the browser test opens them on its own server). */
export const BASE = 'https://example.org/app/';

/** The undamaged links the edits start from. */
export async function links(): Promise<string[]> {
  const st = defaultState();
  const edited: AppState = {
    ...st,
    lang: 'ja',
    mode: 'diff',
    charts: ['wage', 'burden'],
    present: 'burden',
    a: { preset: 'large-firm-led', patch: { policy: { costDown: 0.05, passThroughFloor: 0.4 } } },
    b: {
      preset: 'japan-2024',
      patch: {
        market: { valueOrientation: 0.9 },
        shocks: [{ variable: 'energy', start: 1, duration: 2, size: 0.5 }],
      },
    },
  };
  return [
    shareUrl(BASE, st),
    shareUrl(BASE, edited),
    shareUrl(BASE, { ...edited, view: 'sensitivity' }),
    embedUrl(BASE, edited, 'wage'),
    await packEmbedQuery(BASE, embedUrl(BASE, edited, 'burden').split('?')[1]),
    `${BASE}?v=1&mode=both&a=layered&a.policy.passThrough=0.8#model`,
    `${BASE}?v=2&lang=ja`,
    `${BASE}?lang=ja&view=lessons&lesson=cost-shock`,
  ];
}

const JUNK = [
  '%',
  '%zz',
  '%00',
  '\u0000',
  '\n',
  '&',
  '=',
  '#',
  '?',
  '日本',
  '💥',
  '"',
  '<',
  '\u202e',
];
const VALUES = [
  '1e308',
  '-1e308',
  'NaN',
  'Infinity',
  '-0',
  '',
  'x'.repeat(3000),
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
  '{"__proto__":{"x":1}}',
  'true',
  '0.5',
  '99',
];

export type Edit =
  | { kind: 'cut'; at: number }
  | { kind: 'delete'; at: number; n: number }
  | { kind: 'insert'; at: number; s: string }
  | { kind: 'replace'; at: number; s: string }
  | { kind: 'duplicate'; which: number }
  | { kind: 'value'; which: number; v: string };

export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    n: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), s: fc.constantFrom(...JUNK) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), s: fc.constantFrom(...JUNK) }),
  fc.record({ kind: fc.constant('duplicate' as const), which: fc.nat() }),
  fc.record({
    kind: fc.constant('value' as const),
    which: fc.nat(),
    v: fc.constantFrom(...VALUES),
  }),
);

/** `url` with the edit `e` made to it. */
export function apply(url: string, e: Edit): string {
  const at =
    url.length > 0
      ? e.kind === 'duplicate' || e.kind === 'value'
        ? 0
        : (e as { at: number }).at % url.length
      : 0;
  switch (e.kind) {
    case 'cut':
      return url.slice(0, at);
    case 'delete':
      return url.slice(0, at) + url.slice(at + e.n);
    case 'insert':
      return url.slice(0, at) + e.s + url.slice(at);
    case 'replace':
      return url.slice(0, at) + e.s + url.slice(at + 1);
    case 'duplicate':
    case 'value': {
      const q = url.indexOf('?');
      if (q < 0) return url;
      const parts = url.slice(q + 1).split('&');
      const i = e.which % parts.length;
      if (e.kind === 'duplicate') parts.push(parts[i]);
      else parts[i] = `${parts[i].split('=')[0]}=${encodeURIComponent(e.v)}`;
      return `${url.slice(0, q + 1)}${parts.join('&')}`;
    }
  }
}

/** The seed and number of the link fuzz tests' links. */
export const SEED = 20261205;
export const COUNT = 1000;

/** Which undamaged link (an index into links()) and the edits made to it. */
export const damageArb = (sources: number) =>
  [fc.nat({ max: sources - 1 }), fc.array(editArb, { minLength: 1, maxLength: 4 })] as const;

/** `sources[which]` with `edits` made to it, in order. */
export function damage(sources: string[], which: number, edits: Edit[]): string {
  let url = sources[which];
  for (const e of edits) url = apply(url, e);
  return url;
}

/**
 * The COUNT damaged links, in the order in which the unit test's property
 * (fc.assert with damageArb and SEED) decodes them.
 */
export async function damagedLinks(count = COUNT, seed = SEED): Promise<string[]> {
  const sources = await links();
  return fc
    .sample(fc.tuple(...damageArb(sources.length)), { seed, numRuns: count })
    .map(([which, edits]) => damage(sources, which, edits));
}
