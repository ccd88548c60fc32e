import { defineConfig, type Plugin } from 'vitest/config';

/**
 * Resolves packages as Node does outside vitest. Vitest adds the `development` export condition
 * (to Vite's resolver and to its workers' `--conditions`); @arethetypeswrong/core maps it to its
 * TypeScript sources, which Node 20 cannot load and the attw CLI never runs. A `conditions` list in
 * this config would be merged with vitest's defaults, not replace them, hence the resolved config.
 */
const withoutDevelopmentCondition: Plugin = {
  name: 'release-check:without-development-condition',
  configResolved(config) {
    for (const conditions of [
      config.ssr.resolve?.conditions,
      config.environments.ssr?.resolve.conditions,
    ]) {
      if (!conditions) continue;
      const kept = conditions.filter((condition) => condition !== 'development|production');
      conditions.splice(0, conditions.length, ...kept);
    }
  },
};

// The fast checks, in `pnpm test`. The slow ones (npm install of the packed packages, a release
// dry run) are in vitest.dist.config.ts, Turbo task `test:dist`.
export default defineConfig({
  plugins: [withoutDevelopmentCondition],
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/outside/**'],
    testTimeout: 60_000,
    // Both files load attw and so TypeScript (~1.3 s of CPU): one shared module graph loads it
    // once. Neither file keeps global state. (On 2 cores vitest runs one file at a time anyway.)
    // A worker thread rather than vitest's default forked process: 0.2 to 0.5 s less CPU.
    pool: 'threads',
    isolate: false,
  },
});
