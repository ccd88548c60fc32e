import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // One module graph per worker thread rather than per file: about half the CPU. No file mocks
    // modules or leaves global state behind (fault tests count their own thread's timers).
    pool: 'threads',
    isolate: false,
    // The type tests (*.test-d.ts) are checked by the `typecheck` task's `tsc --noEmit`, whose
    // tsconfig includes them: vitest's typecheck mode would run that same full tsc a second time.
  },
});
