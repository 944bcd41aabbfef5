/** The app state in one object (src/app/context.ts): each app gets its own. */
import { describe, expect, it } from 'vitest';
import { createAppContext } from '../../src/app/context.ts';

describe('the app context', () => {
  it('is made afresh: two apps share no part of their state', () => {
    const one = createAppContext();
    const two = createAppContext();
    for (const key of Object.keys(one) as (keyof typeof one)[]) {
      expect(one[key], key).not.toBe(two[key]);
    }
    one.presenter.toggle();
    one.chartView.mode = 'diff';
    one.runsSetting.runs = 30;
    one.tryIt.lesson = 'pass-through';
    one.embedFrame.width = 1280;
    expect(two.presenter.on).toBe(false);
    expect(two.chartView.mode).toBe('both');
    expect(two.runsSetting.runs).toBe(1);
    expect(two.tryIt.lesson).toBeNull();
    expect(two.embedFrame.width).toBe(800);
  });
});
