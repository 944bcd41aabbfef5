/**
 * The lessons' plumbing in Node: the lesson in the link (?lesson=<id>, the
 * lessons view, round trips), the progress kept in the browser (damaged data
 * read safely and set aside) and the page's texts in both languages.
 */
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, defaultState } from '../../src/share/urlState.ts';
import { MemoryStorage } from '../../src/share/storage.ts';
import {
  PROGRESS_ASIDE_KEY,
  PROGRESS_KEY,
  loadProgress,
  parseProgress,
  saveProgress,
  serializeProgress,
} from '../../src/app/lessons/progress.ts';
import { lessonText } from '../../src/app/lessons/text.ts';
import { metricValue } from '../../src/app/lessons/format.ts';

describe('the lesson in the link', () => {
  it('opens the lessons page on the lesson of a hand-written link, without notices', () => {
    const d = decodeState('https://example.org/app/?lesson=cost-down');
    expect(d.state.view).toBe('lessons');
    expect(d.state.lesson).toBe('cost-down');
    expect(d.issues).toEqual([]);
    const ja = decodeState('https://example.org/app/?lesson=layered&lang=ja');
    expect(ja.state.lang).toBe('ja');
    expect(ja.state.lesson).toBe('layered');
    expect(ja.issues).toEqual([]);
  });

  it('names a bad language of a lesson link', () => {
    const d = decodeState('?lesson=layered&lang=fr');
    expect(d.state.lesson).toBe('layered');
    expect(d.issues.map((i) => i.code)).toEqual(['badOption']);
  });

  it('keeps an unknown lesson id for the page to tell', () => {
    const d = decodeState('?lesson=nope');
    expect(d.state.view).toBe('lessons');
    expect(d.state.lesson).toBe('nope');
  });

  it('round-trips the lesson with the whole state', () => {
    const state = { ...defaultState('en'), view: 'lessons' as const, lesson: 'gain-sharing' };
    const query = encodeState(state);
    expect(query).toContain('lesson=gain-sharing');
    const back = decodeState(`?${query}`);
    expect(back.issues).toEqual([]);
    expect(back.state.view).toBe('lessons');
    expect(back.state.lesson).toBe('gain-sharing');
  });

  it('writes no lesson outside the lessons page', () => {
    const query = encodeState({ ...defaultState('en'), lesson: 'gain-sharing' });
    expect(query).not.toContain('lesson=');
  });

  it('opens the lessons page from #lessons in a full link', () => {
    const query = encodeState({ ...defaultState('en'), view: 'lessons', lesson: null });
    const d = decodeState(`?${query}`);
    expect(d.state.view).toBe('lessons');
    expect(d.state.lesson ?? null).toBeNull();
  });
});

describe('lesson progress in the browser', () => {
  it('reads what it saved', () => {
    const s = new MemoryStorage();
    expect(saveProgress(s, { 'cost-down': { prediction: 2, finished: true } })).toBe(true);
    expect(loadProgress(s)).toEqual({
      progress: { 'cost-down': { prediction: 2, finished: true } },
      damaged: false,
    });
  });

  it('starts empty when nothing is stored', () => {
    expect(parseProgress(null)).toEqual({ progress: {}, damaged: false });
  });

  it('reads damaged data without throwing, and keeps the entries that are whole', () => {
    expect(parseProgress('{not json')).toEqual({ progress: {}, damaged: true });
    expect(parseProgress('[]')).toEqual({ progress: {}, damaged: true });
    expect(parseProgress('{"version":99,"lessons":{}}').damaged).toBe(true);
    const partly = parseProgress(
      JSON.stringify({
        version: 1,
        lessons: { a: { prediction: 1 }, b: { prediction: 'x' }, c: null, d: { finished: true } },
      }),
    );
    expect(partly).toEqual({
      progress: { a: { prediction: 1 }, d: { finished: true } },
      damaged: true,
    });
  });

  it('sets damaged data aside before anything overwrites it', () => {
    const s = new MemoryStorage();
    s.setItem(PROGRESS_KEY, '{"version":1,"less');
    const r = loadProgress(s);
    expect(r.damaged).toBe(true);
    expect(s.getItem(PROGRESS_ASIDE_KEY)).toBe('{"version":1,"less');
    saveProgress(s, { x: { prediction: 0 } });
    expect(s.getItem(PROGRESS_ASIDE_KEY)).toBe('{"version":1,"less');
    expect(s.getItem(PROGRESS_KEY)).toBe(serializeProgress({ x: { prediction: 0 } }));
  });

  it('says when the browser refuses to keep progress', () => {
    const full = {
      length: 0,
      key: () => null,
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(saveProgress(full, { a: { finished: true } })).toBe(false);
  });
});

describe('lessons page texts', () => {
  it('fills parameters in both languages', () => {
    expect(lessonText('en', 'progress', { done: 2, total: 6 })).toBe('2 of 6 lessons finished');
    expect(lessonText('ja', 'progress', { done: 2, total: 6 })).toBe('6レッスン中2レッスン修了');
    expect(lessonText('en', 'unknown', { id: 'x' })).toContain('"x"');
  });

  it('formats metric values', () => {
    expect(metricValue(0.0161, 'pctYear', 'en')).toBe('1.61%/yr');
    expect(metricValue(0.0161, 'pctYear', 'ja')).toBe('年1.61%');
    expect(metricValue(0.2256, 'pct', 'en')).toBe('22.6%');
    expect(metricValue(1.2566, 'index', 'en')).toBe('1.257');
    expect(metricValue(NaN, 'pct', 'en')).toBe('–');
  });
});
