import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'graph-canvas', include: ['src/**/*.test.ts'] },
});
