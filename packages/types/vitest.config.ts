import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    pool: 'threads',
    // The type tests (*.test-d.ts) are checked by the `tsc --noEmit` that starts the test script,
    // whose tsconfig includes them: vitest's typecheck mode would run that same tsc a second time.
  },
});
