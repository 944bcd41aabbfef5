/**
 * The first charts of the default page, computed at build time: the module
 * `virtual:first-results` holds the engine's results for the default
 * scenarios of A and B (a page opened with no link), written as JavaScript
 * literals so that every number comes back exactly (NaN, -0 and the typed
 * arrays included). The page shows them while its workers start and replaces
 * them with the workers' own results when those come (src/app/firstResults.ts
 * decides when they apply: the exact scenarios and model version only).
 * The engine is deterministic in Node and in a worker (test/engine), and
 * test/app/firstResults.test.ts checks that the module equals a fresh run.
 */
import type { Plugin } from 'vite';
import { MODEL_VERSION, simulate, type Scenario } from '../src/engine/index.ts';
import { defaultState, scenarioOf } from '../src/share/urlState.ts';

export const FIRST_RESULTS_ID = 'virtual:first-results';

/** The default scenarios of A and B: those of a page opened with no link. */
export function firstScenarios(): { id: 'A' | 'B'; scenario: Scenario }[] {
  const state = defaultState('en');
  return [
    { id: 'A', scenario: scenarioOf(state.a) },
    { id: 'B', scenario: scenarioOf(state.b) },
  ];
}

const num = (x: number): string => (Object.is(x, -0) ? '-0' : String(x));

/** `v` as a JavaScript expression that evaluates to an equal value (typed arrays kept). */
export function toSource(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (typeof v === 'number') return num(v);
  if (typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
  if (ArrayBuffer.isView(v)) {
    const a = v as unknown as ArrayLike<number> & { constructor: { name: string } };
    return `new ${a.constructor.name}([${Array.from(a, num).join(',')}])`;
  }
  if (Array.isArray(v)) return `[${v.map(toSource).join(',')}]`;
  if (typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}:${toSource(x)}`)
      .join(',')}}`;
  throw new Error(`cannot write a ${typeof v} into the first results`);
}

/** The module's source: the model version, and each default scenario with its result. */
export function firstResultsSource(): string {
  const runs = firstScenarios().map(({ id, scenario }) => ({
    id,
    scenario,
    result: simulate(scenario),
  }));
  return `export default ${toSource({ model: MODEL_VERSION, runs })};\n`;
}

/**
 * Vite plugin: `import('virtual:first-results')` gets the results, computed
 * when the module is loaded; with `none` (the single-file build, which would
 * carry them inline) it gets null, and the page waits for its workers.
 */
export function firstResults({ none = false } = {}): Plugin {
  const resolved = '\0' + FIRST_RESULTS_ID;
  return {
    name: 'first-results',
    resolveId: (id) => (id === FIRST_RESULTS_ID ? resolved : null),
    load: (id) => (id !== resolved ? null : none ? 'export default null;\n' : firstResultsSource()),
  };
}
