import { defineConfig } from 'vitest/config';

// One root config: `pnpm test` runs the unit and integration tests of every package and app.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
  },
});
