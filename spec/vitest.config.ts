import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One module graph per worker thread rather than per file: the files share no mutable state.
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'threads',
    isolate: false,
    // The pending-changesets check classifies the whole spec against its release baseline.
    testTimeout: 30_000,
  },
});
