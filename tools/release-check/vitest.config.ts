import { defineConfig } from 'vitest/config';

// The fast checks, in `pnpm test`. The slow ones (npm install of the packed packages, a release
// dry run) are in vitest.dist.config.ts, Turbo task `test:dist`.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], exclude: ['test/outside/**'], testTimeout: 60_000 },
});
