import { defineConfig } from 'vitest/config';
import { slowTests } from './vitest.slow.config.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'build/**/*.test.ts'],
    exclude: slowTests,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
