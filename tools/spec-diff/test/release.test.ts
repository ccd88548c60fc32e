import { describe, expect, it } from 'vitest';
import { release } from '../src/commands/release.js';
import { captureIo } from './cli-io.js';

// The full release runs on a throwaway copy in tools/release-check (`pnpm test:dist`).
describe('release', () => {
  it('refuses an unknown option before touching anything', async () => {
    const io = captureIo('/nonexistent');
    expect(await release(['--publish-now'], io, '/nonexistent')).toBe(2);
    expect(io.err()).toContain("Unknown option '--publish-now'");
    expect(io.err()).toContain('Usage: pnpm release [--dry-run]');
    expect(io.out()).toBe('');
  });
});
