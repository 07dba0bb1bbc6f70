// ESLint: TypeScript, Lit and lit-a11y rules over the sources, stories and tests.
import tseslint from 'typescript-eslint';
import {configs as litConfigs} from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-*/**',
      'storybook-static/**',
      'src/generated/**',
      'bench/tmp/**',
      'var/**',
      'custom-elements.json',
    ],
  },
  ...tseslint.configs.recommended,
  litConfigs['flat/recommended'],
  {
    plugins: {'lit-a11y': litA11y},
    rules: {
      ...Object.fromEntries(
        Object.keys(litA11y.rules).map((name) => [`lit-a11y/${name}`, 'error']),
      ),
      // autocomplete tokens are checked by our own tests against the HTML list.
      'lit-a11y/autocomplete-valid': 'error',
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', {allow: ['warn', 'error', 'info']}],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['scripts/**', 'server/**', 'test/node/**', 'test/e2e/**', 'src/cli/**', '*.config.*', '.storybook/**'],
    rules: {'no-console': 'off'},
  },
  {
    // Tests break raw JSON on purpose; typing every mutation would hide what they do.
    files: ['test/**'],
    // chai's property assertions (expect(x).to.exist) are expressions by design.
    rules: {'@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-unused-expressions': 'off'},
  },
);
