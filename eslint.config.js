import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The engine's folders, lowest first: a folder imports only folders before it, so no two
 * import each other (errors.ts and env.ts at the engine's root are for everyone; the root's
 * entries and LocalShelf import everything and are imported by no folder).
 */
const ENGINE_LAYERS = [
  'catalog',
  'events',
  'metrics',
  'model',
  'rerank',
  'training',
  'ranking',
  'load',
  'worker',
];
const ENGINE_ENTRIES = ['index', 'node', 'localshelf', 'state', 'context'];

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const onlyEntry = (entries, message) => ({
  group: ['**/src/engine/**', '**/engine/**', ...entries.map((e) => `!**/engine/${e}.ts`)],
  message,
});
const PAGE_ENTRY = onlyEntry(
  ['index'],
  'Import the engine through src/engine/index.ts, never its internals.',
);
const NODE_ENTRY = onlyEntry(
  ['node'],
  'Node code imports the engine through src/engine/node.ts (the page entry brings IndexedDB, workers and the DOM).',
);
const NOT_SCRIPTS = { group: ['**/scripts/**'], message: 'What scripts/ and bench/ share lives in lib/.' };
const NOT_BENCH = { group: ['**/bench/**'], message: 'What scripts/ and bench/ share lives in lib/.' };

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.e2e-dist/',
      '.e2e-dist-*/',
      '.bench-dist/',
      '.bench-widget/',
      'node_modules/',
      'models/',
      'public/',
      'bench/results/',
      'test-results/',
      'playwright-report/',
      '.tsbuild/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, ...globals.worker },
      parserOptions: {
        project: ['./tsconfig.eslint.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      ...restrict(PAGE_ENTRY),
    },
  },
  // Node code: the Node entry, and scripts/ and bench/ share only through lib/.
  { files: ['scripts/**'], rules: restrict(NODE_ENTRY, NOT_BENCH) },
  { files: ['lib/**'], rules: restrict(NODE_ENTRY, NOT_BENCH, NOT_SCRIPTS) },
  { files: ['bench/**'], rules: restrict(NODE_ENTRY, NOT_SCRIPTS) },
  {
    // The browser benchmark drives the page's API in a real browser, and builds models in Node.
    files: ['bench/browser.ts', 'bench/browser/**'],
    rules: restrict(
      onlyEntry(['index', 'node'], 'Import the engine through src/engine/index.ts or node.ts.'),
      NOT_SCRIPTS,
    ),
  },
  {
    // Node-side fixture builders beside the specs.
    files: ['e2e/fixtures/**'],
    rules: restrict(
      onlyEntry(['index', 'node'], 'Import the engine through src/engine/index.ts or node.ts.'),
    ),
  },
  // The engine may import its own internals, in one direction (ENGINE_LAYERS); its tests import anything.
  { files: ['src/engine/**'], rules: { 'no-restricted-imports': 'off' } },
  ...ENGINE_LAYERS.map((folder, i) => ({
    files: [`src/engine/${folder}/**`],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      ...(i + 1 < ENGINE_LAYERS.length
        ? [
            {
              group: ENGINE_LAYERS.slice(i + 1).map((later) => `../${later}/*`),
              message: `src/engine/${folder} sits below ${ENGINE_LAYERS.slice(i + 1).join(', ')} (ENGINE_LAYERS in eslint.config.js): move the shared part down instead.`,
            },
          ]
        : []),
      {
        group: ENGINE_ENTRIES.map((e) => `../${e}.ts`),
        message: "The engine's entries import its folders, not the other way round.",
      },
      {
        group: [
          '**/shop/**',
          '**/widget/**',
          '**/devtools/**',
          '**/react/**',
          '**/scripts/**',
          '**/bench/**',
          '**/lib/**',
        ],
        message: 'The engine imports nothing outside src/engine.',
      },
    ),
  })),
  {
    // Plain JavaScript (this file): no type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
