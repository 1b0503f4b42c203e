import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.data/',
      '.esbuild/',
      '.esbuild-package/',
      '.serverless/',
      'coverage/',
      'tests/artifacts/',
      'bench/results/',
      '.tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.cjs', '**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['miniprogram/**/*.{ts,tsx}', 'tests/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // One reader of the environment: everything else asks functions/lib/env.ts.
    files: ['functions/**/*.ts'],
    ignores: ['functions/lib/env.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through functions/lib/env.ts.' },
      ],
    },
  },
  {
    // The rules know no database, no HTTP and no AWS: they take ports (each aggregate's ports.ts) and return values.
    files: ['functions/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@aws-sdk/*', 'aws-lambda'], message: 'The domain imports no AWS: take a port.' },
            {
              group: ['**/store', '**/store/**'],
              message: 'The domain takes a port (its ports.ts), not the store.',
            },
            {
              group: ['**/lib/**', '**/handlers/**'],
              message: 'The domain knows no HTTP or Lambda plumbing.',
            },
          ],
        },
      ],
    },
  },
  {
    // The phone previews rules only through shared/; shared imports nothing of ours.
    files: ['miniprogram/**/*.{ts,tsx}', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/functions/**'], message: 'Import domain shapes from shared/.' }] },
      ],
    },
  },
);
