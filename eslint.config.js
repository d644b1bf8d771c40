import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  {
    rules: {
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Only the server's cluster sources talk to a cluster (kube-sim's fidelity tests check the client against it).
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['apps/server/src/sources/**', 'packages/kube-sim/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@kubernetes/client-node', message: 'only apps/server/src/sources/ reads a cluster' },
          ],
        },
      ],
    },
  },
  {
    // The engine and the model are pure: no I/O, no server, no cluster client.
    files: ['packages/model/**/*.ts', 'packages/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'http', 'https', 'child_process'],
              message: 'packages are pure: no I/O',
            },
            {
              group: ['@kubernetes/client-node', 'fastify', 'react', 'cytoscape'],
              message: 'not in packages',
            },
            { group: ['@netmap/*/src/*'], message: 'import a package by its name, not its files' },
          ],
        },
      ],
    },
  },
  {
    // The web app and its canvas run in the browser.
    files: ['apps/web/**/*.{ts,tsx}', 'packages/graph-canvas/**/*.ts'],
    languageOptions: { globals: globals.browser },
  },
  { files: ['apps/web/**/*.{ts,tsx}'], ...reactHooks.configs.flat['recommended-latest'] },
  {
    // The canvas draws shapes: it knows nothing of Kubernetes, the model or React.
    files: ['packages/graph-canvas/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@netmap/*', 'react', 'react-dom'], message: 'graph-canvas stands alone' }] },
      ],
    },
  },
  {
    // The web app talks to the server over HTTP only.
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@netmap/server', '@netmap/kube-sim', 'node:*'], message: 'the web app runs in the browser' },
          ],
        },
      ],
    },
  },
  {
    // The CLI writes to the terminal by design.
    files: ['apps/server/src/cli/**/*.ts', 'bench/**/*.ts', 'apps/server/bin/*.js', 'scripts/*.js'],
    rules: { 'no-console': 'off' },
  },
);
