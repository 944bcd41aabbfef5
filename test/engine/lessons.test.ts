/**
 * The guided lessons' claims against the engine: every claim a lesson makes
 * about a result holds on the run the page shows (seed 1) and on the medians
 * over several seeds, with the claim's margin. A model change that breaks a
 * claim fails here. Also the lessons' structure (texts in both languages,
 * one right prediction, not always first, known levers and charts).
 */
import { describe, expect, it } from 'vitest';
import { PARAM_BY_PATH, simulate, type SimResult } from '../../src/engine/index.ts';
import {
  LESSONS,
  METRICS,
  checkClaim,
  findLesson,
  holds,
  lessonScenario,
  unknownLevers,
  withSeed,
  type Claim,
  type Side,
} from '../../src/app/lessons/lessons.ts';
import { CHART_IDS } from '../../src/share/urlState.ts';
import { median } from '../helpers/engine.ts';

const SEEDS = [1, 2, 3, 4, 5, 6, 7];

/** The value of one side of a claim in a run. */
function sideValue(claim: Claim, which: 'left' | 'right', runs: Record<Side, SimResult>): number {
  const s = claim[which];
  return 'value' in s ? s.value : METRICS[s.metric].value(runs[s.side]);
}

describe('lesson claims hold in the engine', () => {
  for (const lesson of LESSONS) {
    describe(lesson.id, () => {
      const runsBySeed = SEEDS.map((seed) => ({
        A: simulate(withSeed(lessonScenario(lesson, 'A'), seed)),
        B: simulate(withSeed(lessonScenario(lesson, 'B'), seed)),
      }));

      for (const claim of lesson.claims) {
        it(`${claim.text.en} (the run shown, seed 1)`, () => {
          const shown = {
            A: simulate(lessonScenario(lesson, 'A')),
            B: simulate(lessonScenario(lesson, 'B')),
          };
          const c = checkClaim(claim, shown);
          expect(c.holds, `left ${c.left}, right ${c.right}, margin ${claim.margin}`).toBe(true);
        });

        it(`${claim.text.en} (medians over ${SEEDS.length} seeds)`, () => {
          const left = median(runsBySeed.map((r) => sideValue(claim, 'left', r)));
          const right = median(runsBySeed.map((r) => sideValue(claim, 'right', r)));
          expect(holds(claim, left, right), `left ${left}, right ${right}`).toBe(true);
        });
      }
    });
  }
});

describe('lesson definitions', () => {
  it('has five or six lessons with unique ids', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(5);
    expect(LESSONS.length).toBeLessThanOrEqual(6);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS) expect(l.id).toMatch(/^[a-z0-9-]+$/);
  });

  it('finds a lesson by id and nothing for an unknown one', () => {
    expect(findLesson('cost-down')?.id).toBe('cost-down');
    expect(findLesson('no-such-lesson')).toBeUndefined();
    expect(findLesson(null)).toBeUndefined();
  });

  it('has exactly one right prediction per lesson, and it is not always the first', () => {
    const positions = LESSONS.map((l) => {
      expect(l.predictions.length).toBeGreaterThanOrEqual(3);
      expect(l.predictions.filter((p) => p.right)).toHaveLength(1);
      return l.predictions.findIndex((p) => p.right);
    });
    expect(new Set(positions).size).toBeGreaterThan(1);
  });

  it('has every text in English and Japanese', () => {
    const texts = LESSONS.flatMap((l) => [
      l.title,
      l.intro,
      l.question,
      l.explanation,
      l.scenarios.A.name,
      l.scenarios.B.name,
      ...l.predictions.map((p) => p.text),
      ...l.claims.map((c) => c.text),
      ...l.worksheet,
    ]);
    for (const t of texts) {
      expect(t.en.trim().length).toBeGreaterThan(0);
      expect(t.ja.trim().length).toBeGreaterThan(0);
      // Japanese text is written in Japanese (kana or kanji), not left in English.
      expect(t.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    for (const m of Object.values(METRICS)) expect(m.label.ja).toMatch(/[\u3040-\u30ff]/);
  });

  it('runs valid scenarios, highlights a known chart and unlocks real levers', () => {
    for (const l of LESSONS) {
      expect(() => lessonScenario(l, 'A')).not.toThrow();
      expect(() => lessonScenario(l, 'B')).not.toThrow();
      expect(CHART_IDS).toContain(l.chart);
      expect(unknownLevers(l)).toEqual([]);
      expect(l.levers.length).toBeGreaterThan(0);
      for (const p of l.levers) expect(PARAM_BY_PATH.get(p)).toBeDefined();
      expect(l.claims.length).toBeGreaterThan(0);
      expect(l.worksheet.length).toBeGreaterThan(0);
    }
  });

  it('judges claims with their margin and never on an undefined value', () => {
    expect(holds({ op: '<', margin: 0.1 }, 1, 1.2)).toBe(true);
    expect(holds({ op: '<', margin: 0.1 }, 1, 1.05)).toBe(false);
    expect(holds({ op: '>', margin: 0.1 }, 1.2, 1)).toBe(true);
    expect(holds({ op: '>', margin: 0.1 }, 1.05, 1)).toBe(false);
    expect(holds({ op: '≈', margin: 0.01 }, 0.5, 0.505)).toBe(true);
    expect(holds({ op: '≈', margin: 0.01 }, 0.5, 0.52)).toBe(false);
    expect(holds({ op: '<', margin: 0 }, NaN, 1)).toBe(false);
    expect(holds({ op: '≈', margin: 1 }, 1, NaN)).toBe(false);
  });
});
