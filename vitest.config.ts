import { defineConfig } from 'vitest/config';

// Workspace-aware config: `vitest` at the root runs every package's project with its own config.
// CI goes through `turbo run test`, which runs each package's `vitest run` so Turbo can cache per package.
export default defineConfig({
  test: {
    projects: ['spec', 'packages/*', 'scripts'],
  },
});
