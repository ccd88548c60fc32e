import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The HTTP and CLI subjects start servers; give slow CI machines room.
    testTimeout: 20_000,
  },
});
