import { defineConfig } from 'vitest/config';
import { slowTests } from './vitest.slow.config.js';

export default defineConfig({
  plugins: [
    {
      // The generator tests write and import code under .tmp/ in folders named after the process:
      // caching it would only grow the cache by a copy per run.
      name: 'stub:no-fs-cache-for-scratch-code',
      configureVitest({ experimental_defineCacheKeyGenerator }) {
        experimental_defineCacheKeyGenerator(({ id }) =>
          id.includes('/.tmp/') ? false : undefined,
        );
      },
    },
  ],
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: slowTests,
    // Every file imports the stub's sources (the generated validators included): one module graph
    // per worker thread instead of one per file takes the run from ~24 s to ~8 s of CPU. The files
    // share no mutable module state (each builds its own stub; spies are restored).
    pool: 'threads',
    isolate: false,
    // The HTTP subjects start servers; give slow CI machines room.
    testTimeout: 20_000,
    experimental: {
      // Transformed sources are cached on disk, keyed by each file's content and this config, so a
      // spec edit transforms only the regenerated files again: ~1 s less main-thread CPU a run.
      // Content keys cannot go stale; the folder is never committed nor restored by Turbo, and only
      // grows by the regenerated files' new versions (delete it to reclaim the space).
      fsModuleCache: true,
      fsModuleCachePath: 'node_modules/.cache/vitest',
    },
  },
});
