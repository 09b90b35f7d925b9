import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', '.e2e-dist/', '.e2e-dist-*/', '.bench-dist/', '.bench-widget/', 'node_modules/', 'models/', 'public/', 'bench/results/', 'test-results/', 'playwright-report/', '.tsbuild/'] },
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
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/engine/*/**', '!**/engine/index*', '!**/engine/rerank/index*'], message: 'Import the engine through src/engine/index.ts (Node code: also src/engine/rerank/index.ts).' }] },
      ],
    },
  },
  {
    // The engine may import its own internals.
    files: ['src/engine/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Plain JavaScript (this file): no type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
