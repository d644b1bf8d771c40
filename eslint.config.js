import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
    // The CLI writes to the terminal by design.
    files: ['apps/server/src/cli/**/*.ts', 'bench/**/*.ts', 'apps/server/bin/*.js', 'scripts/*.js'],
    rules: { 'no-console': 'off' },
  },
);
