import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'kube-sim', include: ['src/**/*.test.ts'] },
});
