import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/** Only the worker layer (src/app/workers/) makes the page's workers. */
const NO_WORKERS = {
  selector: 'NewExpression[callee.name=/Worker$/]',
  message:
    'Workers are made by the worker layer only (src/app/workers/): use simRunner, createBrowserPool or bandsRunner.',
};

/**
 * The app's state reaches components through one object in Svelte context
 * (src/app/context.ts), never through module singletons: no module of src/app
 * exports an instance (`export const x = new …`, `export default new …`), a
 * mutable binding (`export let`), or holds `$state` at module level.
 */
const STATE_MESSAGE =
  'App state lives in the app context (src/app/context.ts: createAppContext, getAppContext), not in a module: export the class, and add its instance to AppContext.';
const NO_MODULE_STATE = [
  {
    selector:
      'Program > ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > NewExpression.init',
    message: STATE_MESSAGE,
  },
  { selector: 'Program > ExportDefaultDeclaration > NewExpression', message: STATE_MESSAGE },
  {
    selector: "Program > ExportNamedDeclaration > VariableDeclaration[kind='let']",
    message: STATE_MESSAGE,
  },
  ...['Program >', 'Program > ExportNamedDeclaration >'].map((parent) => ({
    selector: `${parent} VariableDeclaration > VariableDeclarator > CallExpression.init:matches([callee.name='$state'], [callee.object.name='$state'])`,
    message: STATE_MESSAGE,
  })),
];

/** One config per layer: imports of the folders above it (`src/<folder>/...`) are errors. */
function layers(rules) {
  return rules.map(([files, above]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: above.map((dir) => ({
            group: [`**/${dir}/**`],
            message: `${files} may not import from src/${dir} (dependencies point down: engine, worker and pool, i18n, share and export, app).`,
          })),
        },
      ],
    },
  }));
}

export default ts.config(
  { ignores: ['dist/', 'dist-single/', 'node_modules/', 'bench/.old-engine/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  // Dependencies point one way: engine, then worker and pool, then i18n, then share and
  // export, then app (README, "Architecture"). A module may import from its own layer and
  // those below, never from a layer above.
  ...layers([
    ['src/engine/**', ['worker', 'pool', 'i18n', 'share', 'export', 'app']],
    ['src/{worker,pool}/**', ['i18n', 'share', 'export', 'app']],
    ['src/i18n/**', ['share', 'export', 'app']],
    ['src/{share,export}/**', ['app']],
  ]),
  // One worker layer: only src/app/workers/ makes the page's workers
  // (the layer supervises them); the command line's pool makes its own threads.
  // No app state in modules of src/app (TypeScript modules: a component's top-level
  // `$state` is the component's own). One rule, so each config lists all of its selectors.
  {
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: ['src/app/workers/**', 'src/pool/node.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_WORKERS] },
  },
  {
    files: ['src/app/**/*.ts'],
    ignores: ['src/app/workers/**'],
    rules: { 'no-restricted-syntax': ['error', NO_WORKERS, ...NO_MODULE_STATE] },
  },
  {
    files: ['src/app/workers/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...NO_MODULE_STATE] },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
);
