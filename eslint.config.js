// ESLint over the TypeScript of src/, scripts/ and tests/ (typescript-eslint's recommended rules);
// .astro components are type-checked by `astro check` and formatted by prettier.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', '.astro/', '.build-staging/', '.build-cache/', 'bundle/', 'test-artifacts/', 'node_modules/', '**/*.astro'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Full-width spaces are data in this domain (a full-width space after 66); comments may show them.
      'no-irregular-whitespace': ['error', { skipComments: true, skipStrings: true, skipTemplates: true, skipRegExps: true }],
      // The privacy, id and XML guards match control characters on purpose: that is their job.
      'no-control-regex': 'off',
    },
  },
  {
    // Ambient declarations: a wildcard module must stay a script, so it names types by import().
    files: ['**/*.d.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // Vitest's documented way to type the `test` key of a Vite config.
    files: ['vitest.config.ts', 'vitest.e2e.config.ts'],
    rules: { '@typescript-eslint/triple-slash-reference': 'off' },
  },
  {
    files: ['**/*.mjs', 'scripts/**/*.ts', 'tests/**/*.ts'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
