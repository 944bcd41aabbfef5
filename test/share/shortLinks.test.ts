/** Hand-typed short links open silently when nothing was ignored (issue 11, item 9). */
import { describe, expect, it } from 'vitest';
import { decodeState } from '../../src/share/urlState.ts';

const codes = (url: string) => decodeState(url).issues.map((i) => i.code);

describe('hand-typed short links', () => {
  it('?lang=ja and ?v=2&lang=ja open without a notice', () => {
    expect(codes('https://x.test/?lang=ja')).toEqual([]);
    expect(decodeState('https://x.test/?lang=ja').state.lang).toBe('ja');
    expect(codes('https://x.test/?v=2&lang=ja')).toEqual([]);
    expect(codes('https://x.test/?v=3&lang=en&view=table')).toEqual([]);
    expect(codes('https://x.test/?view=model&mode=diff')).toEqual([]);
  });

  it('a short link that ignores something still says so', () => {
    expect(codes('https://x.test/?lang=ja&foo=1')).toContain('unknownParameter');
    expect(codes('https://x.test/?lang=xx')).toEqual(['badOption']);
    expect(codes('https://x.test/?v=2&lang=ja&view=nowhere')).toEqual(['badOption']);
  });

  it('a link with scenario settings still tells a missing version or check code', () => {
    expect(codes('https://x.test/?a.policy.costDown=0.05')).toEqual(['noVersion']);
    expect(codes('https://x.test/?v=3&a.policy.costDown=0.05')).toEqual(['noCheck']);
    expect(codes('https://x.test/?v=2&lang=ja&a=layered')).toEqual([
      'noCheck',
      'migrated',
      'modelChanged',
    ]);
  });
});
