// ESLint (typescript-eslint). Layering is checked by dependency-cruiser (.dependency-cruiser.cjs);
// here: correctness rules plus the security habits the app is built without (designedOut, below).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const designedOut = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Never render HTML strings: customer files end up in them.',
  },
  {
    selector: "MemberExpression[property.name='openExternal']",
    message: 'shell.openExternal is not used: the app is offline and renderer strings are untrusted.',
  },
  { selector: "Identifier[name='autoUpdater']", message: 'No auto-updater, ever.' },
  { selector: "Identifier[name='crashReporter']", message: 'No crash upload, ever.' },
  {
    selector: "Property[key.name='nodeIntegration'][value.value=true]",
    message: 'nodeIntegration stays off in every window.',
  },
  {
    selector: "Property[key.name='sandbox'][value.value=false]",
    message: 'sandbox stays on in every window.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      'renderer/dist/',
      'test-results/',
      'playwright-report/',
      'test/bench/results/',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      'no-restricted-syntax': ['error', ...designedOut],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.mjs', 'bin/**/*.js'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);
