// Conventions as lint rules: type-aware, floating promises are errors, and the import boundaries of
// docs/architecture.md (domain does no I/O; browser packages import only the protocol).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'data/**',
      '.test-data/**',
      'bench/results/**',
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test's describe/it return promises the runner itself awaits.
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: ['describe', 'it', 'test', 'suite', 'before', 'after'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'max-params': ['error', 4],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['packages/server/src/domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'net', 'http', 'crypto'], message: 'domain/ does no I/O.' },
            {
              group: ['**/storage/**', '**/transport/**', '**/bus/**', '**/realtime/**'],
              message: 'domain/ depends on nothing outward.',
            },
            {
              group: ['pg', 'better-sqlite3', 'kysely', 'ws', 'hono', 'pino'],
              message: 'domain/ imports no drivers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/widget/src/**/*.ts', 'packages/console/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@candor/server', '@candor/server/*', '**/server/src/**'],
              message: 'Browser code imports only @candor/protocol.',
            },
            {
              group: ['@candor/protocol/schemas', 'zod'],
              message: 'Schemas stay on the server; import types from @candor/protocol.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
  },
);
