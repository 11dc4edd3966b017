import js from '@eslint/js';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.vscode-test/', '.code-server/', 'test/fixtures/', '.stryker-tmp*/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: 'error',
      'no-console': 'off',
    },
  },
  {
    // Every pattern that can meet a user's text must match in linear time: a polynomial one froze the server on one
    // long line (issue 27). templateReader.ts and templateOptions.ts read only the vendor's templates, when the
    // catalogue is generated.
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'shared/**/*.ts'],
    ignores: ['server/src/baseConfig/templateReader.ts', 'server/src/baseConfig/templateOptions.ts'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    // The client is UI and file I/O: it takes from the server only what shared/ holds (protocol, language ids,
    // detection, the pure domain), so extension.js carries none of the server's catalogues (issue 23).
    files: ['client/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'The client imports only shared/: move what both sides need there, or ask the server with a request.' }] }],
    },
  },
  {
    // shared/ is what both sides stand on: it imports neither.
    files: ['shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', '**/client/**'], message: 'shared/ imports neither the server nor the client.' }] }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly' } },
  },
);
