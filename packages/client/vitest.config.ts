import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Forked, isolated files (vitest's default) rather than the other packages' shared threads: the
    // client's fault, retry and timeout tests time real sockets and forced garbage collections,
    // and on a busy machine a heap shared with every other file's modules pushed them past bounds.
    // The type tests (*.test-d.ts) are checked by the `typecheck` task's `tsc --noEmit`, whose
    // tsconfig includes them: vitest's typecheck mode would run that same full tsc a second time.
  },
});
