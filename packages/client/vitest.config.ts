import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Like the other packages: one module graph per worker thread instead of a fresh fork and
    // module graph per file halves the run's CPU. The files share no mutable module state, and
    // none leaves a ref'd timer, socket or listener behind (the timer-counting tests rely on
    // that). The timing tests take their bounds from events (the server's answer, the abort)
    // rather than from the start of the run, so a loaded machine or a heap shared with other
    // files does not push them past their bounds.
    pool: 'threads',
    isolate: false,
    // The type tests (*.test-d.ts) are checked by the `typecheck` task's `tsc --noEmit`, whose
    // tsconfig includes them: vitest's typecheck mode would run that same full tsc a second time.
  },
});
