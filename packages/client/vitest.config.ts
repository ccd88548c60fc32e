import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // One module graph per worker instead of a fresh one per file, as in the other packages,
    // halves the run's CPU. The files share no mutable module state, and none leaves a ref'd
    // timer, socket or listener behind (the timer-counting tests rely on that); the timing tests
    // take their bounds from events (the server's answer, the abort), not from the call's start.
    // Worker threads, as in the other packages (about 0.3 s less CPU than a forked process). The
    // client ran in forks for a while: on threads under load, about one run in four had a
    // fake-fetch test whose deadline never aborted its request. The cause was the client's
    // unreferenced deadline timers, since fixed (test/alone-in-worker.ts); six runs beside two
    // CPU burners all passed on threads.
    pool: 'threads',
    isolate: false,
    // One worker for all files: a second would import the same graph again (about 1 s more CPU
    // in 5.7 s, for 0.3 s less wall time), and in `pnpm test` Turbo runs the other packages'
    // tasks on the second core anyway.
    maxWorkers: 1,
    experimental: {
      // Transformed sources cached on disk, keyed by content and config (as in the stub): a spec
      // edit transforms only what changed again.
      fsModuleCache: true,
      fsModuleCachePath: 'node_modules/.cache/vitest',
    },
    // The type tests (*.test-d.ts) are checked by the `tsc --noEmit` that starts the test script,
    // whose tsconfig includes them: vitest's typecheck mode would run that same tsc a second time.
  },
});
