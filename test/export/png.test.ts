import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  copyImageToClipboard,
  exportFileName,
  exportLayout,
  exportPixelRatio,
  fitCaption,
  wrapCaption,
  wrapText,
  renderExport,
  selectSize,
  shortLink,
  truncateEnd,
  truncateMiddle,
} from '../../src/export/png.ts';

/** A monospace measure: 10 px per code point. */
const mono = (s: string) => [...s].length * 10;

describe('sizes and layout', () => {
  it('selects the presentation sizes, 1080p by default', () => {
    expect(selectSize('720p')).toEqual({ name: '720p', width: 1280, height: 720 });
    expect(selectSize('1080p')).toEqual({ name: '1080p', width: 1920, height: 1080 });
    expect(selectSize('4k')).toEqual({ name: '1080p', width: 1920, height: 1080 });
    expect(exportPixelRatio(1)).toBe(2);
    expect(exportPixelRatio(3)).toBe(3);
    expect(exportPixelRatio(undefined)).toBe(2);
    expect(exportPixelRatio(10)).toBe(4);
  });

  it('stacks title, plot and caption inside the margins, scaled to the height', () => {
    for (const name of ['1080p', '720p']) {
      const size = selectSize(name);
      const l = exportLayout(size, 2, true);
      expect(l.canvasWidth).toBe(size.width * 2);
      expect(l.canvasHeight).toBe(size.height * 2);
      expect(l.title.y).toBe(l.margin);
      expect(l.plot.y).toBe(l.title.y + l.title.height);
      expect(l.plot.y + l.plot.height).toBeLessThan(l.caption.y);
      expect(l.caption.y + l.caption.height).toBeLessThanOrEqual(size.height);
      expect(l.plot.height).toBeGreaterThan(size.height * 0.6);
    }
    expect(exportLayout(selectSize('720p'), 1, false).title.height).toBe(0);
    // Caption type of 16 px on a 1280×720 slide, as the ticks.
    expect(exportLayout(selectSize('720p'), 1, true).captionFontPx).toBe(16);
  });
});

describe('caption text', () => {
  it('keeps a short caption whole', () => {
    const line = fitCaption(
      { names: ['A: Pyramid', 'B: Layered'], link: 'https://x.org/?v=2' },
      1000,
      mono,
    );
    expect(line).toEqual({
      names: 'A: Pyramid · B: Layered',
      link: 'x.org/?v=2',
      text: 'A: Pyramid · B: Layered · x.org/?v=2',
    });
  });

  it('cuts a long link in the middle and long names at the end, always fitting (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 80 }), { minLength: 1, maxLength: 2 }),
        fc.webUrl(),
        fc.integer({ min: 60, max: 2000 }),
        (names, link, width) => {
          const line = fitCaption({ names, link }, width, mono);
          const gap = line.names && line.link ? mono('    ') : 0;
          expect(mono(line.names) + gap + mono(line.link)).toBeLessThanOrEqual(width);
          if (!line.names) expect(line.text).toBe(line.link);
        },
      ),
    );
    const line = fitCaption(
      {
        names: ['A: Large-firm-led model (大企業牽引モデル)', 'B: Layered value chain'],
        link: 'https://example.org/app/?v=2&lang=en&a=large-firm-led&b=layered&a.policy.costDown=0.05&c=abc',
      },
      600,
      mono,
    );
    expect(line.link.startsWith('example.org/app/')).toBe(true);
    expect(line.link.endsWith('c=abc')).toBe(true);
    expect(line.link).toContain('…');
    expect(line.names.endsWith('…')).toBe(true);
    expect(mono(line.names) + 40 + mono(line.link)).toBeLessThanOrEqual(600);
  });

  it('truncation helpers', () => {
    expect(truncateEnd('abcdef', 60, mono)).toBe('abcdef');
    expect(truncateEnd('abcdef', 40, mono)).toBe('abc…');
    expect(truncateEnd('abcdef', 5, mono)).toBe('');
    expect(truncateMiddle('abcdefghij', 60, mono)).toBe('abc…ij');
    expect(shortLink('https://www.a.org/x')).toBe('a.org/x');
    expect(exportFileName('wage', 'png', selectSize('720p'))).toBe('wage-1280x720.png');
    expect(exportFileName('a/b', 'csv')).toBe('a-b.csv');
  });
});

describe('renderExport (with a recording canvas)', () => {
  it('fills white first, at the pixel ratio, and writes the caption', () => {
    const calls: string[] = [];
    const ctx = new Proxy(
      { measureText: (t: string) => ({ width: mono(t) }) } as Record<string, unknown>,
      {
        get(target, prop: string) {
          if (prop in target) return target[prop];
          return (...args: unknown[]) => calls.push(`${prop}(${args.map(String).join(',')})`);
        },
        set(_, prop: string, value) {
          calls.push(`${prop}=${value}`);
          return true;
        },
      },
    );
    let made: [number, number] = [0, 0];
    const canvas = renderExport({
      size: selectSize('720p'),
      pixelRatio: 2,
      source: (_c, plot) => calls.push(`plot ${plot.width}x${plot.height}`),
      caption: { names: ['A: x', 'B: y'], link: 'https://e.org/?v=2' },
      title: 'Wages by tier',
      createCanvas: (w, h) => {
        made = [w, h];
        return { getContext: () => ctx } as unknown as OffscreenCanvas;
      },
    });
    expect(canvas).toBeDefined();
    expect(made).toEqual([2560, 1440]);
    // Only the measuring font is set before: then the transform and the white fill.
    const start = calls.indexOf('setTransform(2,0,0,2,0,0)');
    expect(calls.slice(0, start).every((c) => c.startsWith('font='))).toBe(true);
    expect(calls.slice(start + 1, start + 3)).toEqual([
      'fillStyle=#ffffff',
      'fillRect(0,0,1280,720)',
    ]);
    expect(calls.some((c) => c.startsWith('fillText(Wages by tier,'))).toBe(true);
    expect(calls.some((c) => c.startsWith('fillText(A: x · B: y,'))).toBe(true);
    expect(calls.some((c) => c.startsWith('fillText(e.org/?v=2,'))).toBe(true);
    expect(calls.some((c) => c.startsWith('plot '))).toBe(true);
  });

  it('wraps a caption instead of cutting names, and Japanese between characters', () => {
    const names = ['A: Large-firm-led model, modified', 'B: Layered value chain, modified'];
    const w = wrapCaption({ names, link: 'https://e.org/?e=abc' }, 200, mono);
    expect(w.names.length).toBeGreaterThan(2);
    expect(w.names.every((l) => mono(l) <= 200)).toBe(true);
    // Every word kept: nothing cut, no "…".
    const words = (t: string) => t.split(/\s+|·/).filter(Boolean);
    expect(words(w.names.join(' '))).toEqual(words(names.join(' ')));
    expect(w.names.join(' ')).not.toContain('…');
    const ja = wrapText('A：大企業主導型モデル（変更あり）', 10, mono);
    expect(ja.join('')).toBe('A：大企業主導型モデル（変更あり）');
    expect(ja.every((l) => mono(l) <= 10)).toBe(true);
  });
});

describe('copyImageToClipboard', () => {
  const blob = new Blob(['x'], { type: 'image/png' });
  class Item {
    static supports = () => true;
    constructor(readonly items: Record<string, unknown>) {}
  }

  it('reports unsupported browsers', async () => {
    expect(await copyImageToClipboard(blob, {})).toMatchObject({
      ok: false,
      reason: 'unsupported',
    });
    expect(
      await copyImageToClipboard(blob, {
        navigator: { clipboard: { write: async () => {} } },
        ClipboardItem: class {
          static supports = () => false;
        } as unknown as typeof ClipboardItem,
      }),
    ).toMatchObject({ ok: false, reason: 'unsupported' });
  });

  it('writes a PNG item, and tells a refusal from a failure', async () => {
    const written: unknown[] = [];
    const ok = await copyImageToClipboard(blob, {
      navigator: { clipboard: { write: async (items) => void written.push(...items) } },
      ClipboardItem: Item as unknown as typeof ClipboardItem,
    });
    expect(ok).toEqual({ ok: true });
    expect((written[0] as Item).items['image/png']).toBe(blob);
    const refuse = (name: string) => async () => {
      throw Object.assign(new Error(name), { name });
    };
    const env = (w: () => Promise<void>) => ({
      navigator: { clipboard: { write: w } },
      ClipboardItem: Item as unknown as typeof ClipboardItem,
    });
    expect(await copyImageToClipboard(blob, env(refuse('NotAllowedError')))).toMatchObject({
      ok: false,
      reason: 'denied',
    });
    expect(await copyImageToClipboard(blob, env(refuse('DataError')))).toMatchObject({
      ok: false,
      reason: 'failed',
    });
  });
});
