/**
 * 1,000 damaged share and embed links (seeded, so a failure is reproducible):
 * real links of every kind cut short, with characters deleted, replaced or
 * inserted (control and non-Latin characters, percent escapes), parameters
 * duplicated, values swapped for huge, negative, non-numeric or deeply nested
 * ones. Every one decodes without throwing to a state whose two scenarios are
 * valid, every notice is filled in both languages, and re-encoding the result
 * gives a link that opens without damage notices. The links are made by
 * test/helpers/damagedLinks.ts; test/browser/link-fuzz.test.ts opens a
 * sample of them in Chromium.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolveScenario } from '../../src/engine/index.ts';
import {
  CHART_IDS,
  decodeState,
  encodeState,
  scenarioOf,
  MODEL_ISSUES,
} from '../../src/share/urlState.ts';
import { expandEmbedUrl } from '../../src/share/embed.ts';
import { translate, type MessageKey } from '../../src/i18n/index.ts';
import { BASE, COUNT, SEED, damage, damageArb, links } from '../helpers/damagedLinks.ts';

describe('1,000 damaged links', () => {
  it('decode without throwing to valid scenarios, with filled notices in both languages, and re-encode cleanly', async () => {
    const sources = await links();
    await fc.assert(
      fc.asyncProperty(...damageArb(sources.length), async (which, edits) => {
        const url = damage(sources, which, edits);
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
      }),
      { numRuns: COUNT, seed: SEED },
    );
  });
});
