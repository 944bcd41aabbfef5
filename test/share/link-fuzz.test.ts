/**
 * 1,000 damaged share and embed links (seeded, so a failure is reproducible):
 * real links of every kind cut short, with characters deleted, replaced or
 * inserted (control and non-Latin characters, percent escapes), parameters
 * duplicated, values swapped for huge, negative, non-numeric or deeply nested
 * ones. Every one decodes without throwing to a state whose two scenarios are
 * valid, every notice is filled in both languages, and re-encoding the result
 * gives a link that opens without damage notices.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolveScenario } from '../../src/engine/index.ts';
import {
  CHART_IDS,
  decodeState,
  defaultState,
  encodeState,
  scenarioOf,
  MODEL_ISSUES,
  type AppState,
} from '../../src/share/urlState.ts';
import { embedUrl, expandEmbedUrl, packEmbedQuery, shareUrl } from '../../src/share/embed.ts';
import { translate, type MessageKey } from '../../src/i18n/index.ts';

const BASE = 'https://example.org/app/';

async function links(): Promise<string[]> {
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

type Edit =
  | { kind: 'cut'; at: number }
  | { kind: 'delete'; at: number; n: number }
  | { kind: 'insert'; at: number; s: string }
  | { kind: 'replace'; at: number; s: string }
  | { kind: 'duplicate'; which: number }
  | { kind: 'value'; which: number; v: string };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
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

function apply(url: string, e: Edit): string {
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

describe('1,000 damaged links', () => {
  it('decode without throwing to valid scenarios, with filled notices in both languages, and re-encode cleanly', async () => {
    const sources = await links();
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: sources.length - 1 }),
        fc.array(editArb, { minLength: 1, maxLength: 4 }),
        async (which, edits) => {
          let url = sources[which];
          for (const e of edits) url = apply(url, e);
          // A compact embed is expanded first; one that cannot be, is told (the embed view says why).
          const expanded = await expandEmbedUrl(url);
          if (expanded && !expanded.ok) {
            expect(expanded.error.length).toBeGreaterThan(0);
            return;
          }
          const out = decodeState(expanded ? expanded.href : url);
          for (const id of ['a', 'b'] as const) {
            const r = resolveScenario(scenarioOf(out.state[id]));
            expect(r.ok, `${url}: scenario ${id}`).toBe(true);
          }
          expect(CHART_IDS).toEqual(expect.arrayContaining(out.state.charts));
          for (const i of out.issues) {
            expect(i.text).not.toMatch(/\{\{/);
            const ja = translate('ja', `share.issue.${i.code}` as MessageKey, i.params);
            expect(ja.length).toBeGreaterThan(0);
            expect(ja).not.toMatch(/\{\{/);
          }
          // What was read is a sound state: its own link opens without damage notices.
          const again = decodeState(`${BASE}?${encodeState(out.state)}`);
          expect(again.issues.filter((i) => !MODEL_ISSUES.includes(i.code))).toEqual([]);
        },
      ),
      { numRuns: 1000, seed: 20261205 },
    );
  });
});
