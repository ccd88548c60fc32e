import { defineConfig } from 'vitest/config';

/**
 * The slow lane (`pnpm test:slow`): checks that need every package built first. `test` runs the
 * rest without waiting for (or re-running on) the builds.
 */
export const slowTests = ['test/build-cache.test.ts'];

export default defineConfig({
  test: { include: slowTests, testTimeout: 60_000, hookTimeout: 120_000 },
});
