import { defineConfig } from 'vitest/config';

/**
 * The slow lane (`pnpm test:slow`, Turbo task `test:slow`, run by `.ci/run` after `pnpm test`):
 * tests that spawn processes (the CLI, verify, the proxy, a nested vitest, lazy-import probes),
 * drive a browser, soak, fuzz over raw sockets or wait out the gateway's timeouts. They check the
 * built CLI and the server's edges rather than each spec edit's details, so the edit-the-spec loop
 * (`pnpm test`) leaves them out; nothing is dropped, `vitest.config.ts` excludes exactly this list.
 */
export const slowTests = [
  'src/proxy/serve-proxy.test.ts',
  'src/verify/verify-server.test.ts',
  'src/vitest.test.ts',
  'test/cli.test.ts',
  'test/cli-hardening.test.ts',
  'test/contract-http-guarded.test.ts',
  'test/docs.browser.test.ts',
  'test/fuzz.test.ts',
  'test/gateway-limits.test.ts',
  'test/lazy-imports.test.ts',
  'test/soak.test.ts',
  'test/verify-stub.test.ts',
];

export default defineConfig({
  test: {
    include: slowTests,
    testTimeout: 20_000,
    // The cache of transformed sources that vitest.config.ts describes, shared by both lanes.
    experimental: { fsModuleCache: true, fsModuleCachePath: 'node_modules/.cache/vitest' },
  },
});
