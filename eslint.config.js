import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

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
  {
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: ['src/app/workers/**', 'src/pool/node.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'NewExpression[callee.name=/Worker$/]',
          message:
            'Workers are made by the worker layer only (src/app/workers/): use simRunner, createBrowserPool or bandsRunner.',
        },
      ],
    },
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
