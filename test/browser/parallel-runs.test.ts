/**
 * A and B run in parallel: each scenario has its own simulation worker, and
 * an edit of both (their presets changed in one go) sends both runs before
 * either answers, so that neither waits for the other. Read from the
 * bridge's `run:A` / `run:B` measures (from sending the inputs to the
 * worker's answer). Behaviour only: the test compares the order of events,
 * never a duration.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PRESET_NAMES } from '../../src/engine/index.ts';
import { chromiumForFile } from './fixtures.ts';
import { updates, waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

interface Run {
  start: number;
  end: number;
  user: boolean;
}

/** The runs of scenario `id` measured so far. */
function runs(page: Page, id: 'A' | 'B'): Promise<Run[]> {
  return page.evaluate(
    (id) =>
      performance.getEntriesByName(`run:${id}`, 'measure').map((m) => ({
        start: m.startTime,
        end: m.startTime + m.duration,
        user: (m as PerformanceMeasure).detail?.user === true,
      })),
    id,
  );
}

/** Sets both scenarios' presets in one task, as one edit of both. */
function setBothPresets(page: Page, a: string, b: string): Promise<void> {
  return page.evaluate(
    ([a, b]) => {
      for (const [id, name] of [
        ['A', a],
        ['B', b],
      ]) {
        const select = document.getElementById(`preset-${id}`) as HTMLSelectElement;
        select.value = name;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
    },
    [a, b],
  );
}

describe('A and B run in parallel', () => {
  it('an edit of both sends both runs before either answers', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await waitForUpdate(page, 'A', 0);
    await waitForUpdate(page, 'B', 0);
    // Let any background runs (the baselines) finish, so that only the edit's runs follow.
    await page.waitForTimeout(500);
    const presets = PRESET_NAMES.filter((p) => !['large-firm-led', 'layered'].includes(p));
    for (const [i, [a, b]] of [
      [presets[0], presets[1]],
      [presets[1], presets[0]],
    ].entries()) {
      const before = { A: (await runs(page, 'A')).length, B: (await runs(page, 'B')).length };
      const drawn = { A: await updates(page, 'A'), B: await updates(page, 'B') };
      await setBothPresets(page, a, b);
      await waitForUpdate(page, 'A', drawn.A);
      await waitForUpdate(page, 'B', drawn.B);
      const ra = (await runs(page, 'A')).slice(before.A).filter((r) => r.user);
      const rb = (await runs(page, 'B')).slice(before.B).filter((r) => r.user);
      expect(ra.length, `edit ${i}: A's runs`).toBeGreaterThan(0);
      expect(rb.length, `edit ${i}: B's runs`).toBeGreaterThan(0);
      // Both in flight at once: each was sent before the other's answer came.
      const [x, y] = [ra[0], rb[0]];
      expect(x.start, `edit ${i}: A sent before B answered`).toBeLessThan(y.end);
      expect(y.start, `edit ${i}: B sent before A answered`).toBeLessThan(x.end);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
