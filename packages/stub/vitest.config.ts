import { defineConfig } from 'vitest/config';
import { slowTests } from './vitest.slow.config.js';

export default defineConfig({
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
  },
});
