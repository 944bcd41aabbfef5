import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../src/engine/index.ts';
import { END, START, paramsMarkdown } from '../../scripts/params-markdown.ts';

const doc = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');

describe('docs/model.md is the contract', () => {
  it('its parameter tables match the engine (regenerate with scripts/params-doc.ts --write)', () => {
    const a = doc.indexOf(START);
    const b = doc.indexOf(END);
    expect(a).toBeGreaterThan(0);
    expect(doc.slice(a + START.length, b).trim()).toBe(paramsMarkdown().trim());
  });

  it('names every parameter path', () => {
    for (const p of PARAMS) expect(doc).toContain(`\`${p.path}\``);
  });
});
