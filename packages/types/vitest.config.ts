import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    pool: 'threads',
    // The type tests (*.test-d.ts) are checked by the `typecheck` task's `tsc --noEmit`, whose
    // tsconfig includes them: vitest's typecheck mode would run that same full tsc a second time.
  },
});
