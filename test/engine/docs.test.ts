import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARAMS, simulate } from '../../src/engine/index.ts';
import { scenario } from '../helpers/engine.ts';
import { END, START, START_JA, paramsMarkdown } from '../../scripts/params-markdown.ts';

const doc = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');
const docJa = readFileSync(new URL('../../docs/model.ja.md', import.meta.url), 'utf8');

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

/** The equations ($...$, $$...$$) of a document, each once, sorted. */
const equations = (md: string) =>
  [...new Set(md.match(/\$\$[^$\n]+\$\$|\$[^$\n]+\$/g) ?? [])].sort();
/** The code spans of a document, each once, sorted. */
const codeSpans = (md: string) => [...new Set(md.match(/`[^`\n]+`/g) ?? [])].sort();
/** Heading levels with their section numbers ("## 6.", "###"), in order. */
const headings = (md: string) =>
  md
    .split('\n')
    .filter((l) => /^#{1,6} /.test(l))
    .map((l) => l.match(/^#+ (\d+\.)?/)![0].trim());

describe('docs/model.ja.md is the Japanese translation of docs/model.md', () => {
  it('its parameter tables match the engine and the Japanese catalog (regenerate with scripts/params-doc.ts --lang ja --write)', () => {
    const a = docJa.indexOf(START_JA);
    const b = docJa.indexOf(END);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    expect(docJa.slice(a + START_JA.length, b).trim()).toBe(paramsMarkdown('ja').trim());
  });

  it('names every parameter path', () => {
    for (const p of PARAMS) expect(docJa).toContain(`\`${p.path}\``);
  });

  it('keeps the headings, equations and code of docs/model.md', () => {
    expect(headings(docJa)).toEqual(headings(doc));
    expect(equations(docJa)).toEqual(equations(doc));
    const ja = new Set(codeSpans(docJa));
    expect(codeSpans(doc).filter((c) => !ja.has(c))).toEqual([]);
  });
});

describe('the README’s output table', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  it('lists every output key with the unit the engine reports', () => {
    const units = simulate(scenario({ years: 1, network: { firmsPerTier: [1, 2] } })).units;
    expect(Object.keys(units).length).toBeGreaterThan(70);
    for (const [key, unit] of Object.entries(units))
      expect(readme, key).toContain(`| \`${key}\` | ${unit} |`);
  });
});
