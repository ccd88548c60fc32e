import { fileURLToPath } from 'node:url';
import { uncoveredSpecChanges } from '@modelarts-lite/spec-diff/coverage';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

// The check `pnpm test` runs on this repository (issue 8 §2): the pending changesets bump every
// spec-derived package at least as much as the spec's changes since the last release demand. It
// lives with the spec's tests because a spec edit re-runs them anyway; the classifier's own tests
// (tools/spec-diff) then stay cached.
describe('this repository', () => {
  it('has pending changesets that cover the spec changes since the last release', async () => {
    const missing = await uncoveredSpecChanges(repoRoot);
    expect(missing.map((m) => m.message)).toEqual([]);
  });
});
