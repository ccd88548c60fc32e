import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/outside/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 600_000,
    // Both suites spawn npm, pnpm, turbo and tsc: running them side by side only thrashes 2 cores.
    fileParallelism: false,
  },
});
