import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/** Globals of the DOM and of Node that the domain core must not touch. */
const CORE_FORBIDDEN_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'fetch',
  'self',
  'process',
  'Buffer',
  'require',
  'global',
  '__dirname',
  '__filename',
  'setImmediate',
];

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'test/artifacts/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['src/pwa/**/*.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    // The domain core (any depth) stays pure: no other layer, no Node, no Svelte, no DOM or Node globals.
    // tsconfig.core.json type-checks it without DOM and Node types.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(data|ui|charts|cli|pwa)(/|$)',
              message: 'src/core imports no other layer.',
            },
            { regex: '^(\\.\\./)+workers(/|$)', message: 'src/core imports no worker code.' },
            {
              regex: '^node:|^(fs|path|os|url|child_process|worker_threads)$',
              message: 'src/core uses no Node API.',
            },
            {
              regex: '^(svelte|@duckdb|echarts|comlink)',
              message: 'src/core uses no UI, database or worker library.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...CORE_FORBIDDEN_GLOBALS],
    },
  },
  {
    // Charts are pure functions data → option: no queries, no UI, no workers.
    files: ['src/charts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+(data|ui|cli)(/|$)', message: 'src/charts imports only src/core.' },
            { regex: '^(\\.\\./)+workers(/|$)', message: 'src/charts imports no worker code.' },
            { regex: '^(svelte|@duckdb)', message: 'src/charts uses no UI or database library.' },
          ],
        },
      ],
    },
  },
  {
    // Workers run the core; they know nothing of the UI.
    files: ['workers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+src/ui(/|$)', message: 'workers import no UI code.' },
            { regex: '^svelte', message: 'workers import no UI code.' },
          ],
        },
      ],
    },
  },
);
