import js from '@eslint/js'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['**/node_modules/', '**/dist/', 'apps/api/src/generated/', 'packages/api-client/generated/', 'e2e/test-results/', 'e2e/playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      // Modules form a tree: a cycle (type-only ones included) is a design to untangle.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
    },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // A test that finds nothing fails on the next line anyway.
    files: ['**/*.test.ts', '**/src/test/**/*.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The SPA talks to the API over HTTP only.
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/api/**', '@kakunin/api', '@kakunin/api/*'], message: 'The SPA shares only packages (schema, the generated api-client) and HTTP with the API.' }] }],
    },
  },
  {
    files: ['packages/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/**', '@kakunin/api', '@kakunin/api/*', '@kakunin/web*'], message: 'packages never import apps.' }] }],
    },
  },
  {
    // Inside an app, a module two or more folders away is named from the app's root (#src/…).
    files: ['apps/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../../*'], message: 'Import from the app root instead: #src/…' },
            { group: ['**/apps/api/**', '@kakunin/api', '@kakunin/api/*'], message: 'The apps share only packages and HTTP.' },
            { group: ['**/apps/web/**', '@kakunin/web*'], message: 'The apps share only packages and HTTP.' },
          ],
        },
      ],
    },
  },
  {
    // Test data never ships: only tests and their support code import it.
    files: ['apps/**/*.{ts,tsx}', 'packages/schema/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}', 'apps/api/src/test/**', 'apps/web/src/testing/**', 'apps/api/bench/**', 'apps/web/bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../../*'], message: 'Import from the app root instead: #src/…' },
            { group: ['**/apps/api/**', '@kakunin/api', '@kakunin/api/*', '**/apps/web/**', '@kakunin/web*'], message: 'The apps share only packages and HTTP.' },
            { group: ['@kakunin/test-data', '@kakunin/test-data/*'], message: 'Test data is for tests only.' },
          ],
        },
      ],
    },
  },
  // Features do not import each other: what two features share lives in a shared folder
  // (web: components/, lib/, api/, app/; API: http/, db/, config/, state/, email/, jobs/, applicant-session/).
  ...featureBoundaries('apps/web/src/features', ['application', 'dev-mailbox', 'help', 'inquiry', 'owner-confirmation', 'privacy', 'sandbox-ekyc']),
  ...featureBoundaries('apps/api/src', ['applications', 'verification', 'staff', 'inquiries', 'resume', 'owner-confirmation', 'review-documents', 'agent-evidence', 'webhooks', 'health', 'web', 'observability']),
)

/** One zone per feature: no import from any other feature of the same folder. */
function featureBoundaries(folder, features) {
  return [
    {
      files: [`${folder}/**/*.{ts,tsx}`],
      rules: {
        'import-x/no-restricted-paths': [
          'error',
          {
            zones: features.map((feature) => ({
              target: `./${folder}/${feature}`,
              from: features.filter((other) => other !== feature).map((other) => `./${folder}/${other}`),
              message: `Features do not import each other: move what ${feature} needs to a shared folder.`,
            })),
          },
        ],
      },
    },
  ]
}
