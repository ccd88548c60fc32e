import { describe, expect, it } from 'vitest';
import { missingBumps } from '../src/changeset/coverage.js';
import { readPendingChangesets } from '../src/changeset/pending-bumps.js';
import { REPO_ROOT } from '../src/repo-layout.js';
import { changesSinceRelease } from '../src/spec/release-report.js';

// The check `pnpm test` runs on this repository: the pending changesets bump every spec-derived
// package at least as much as the spec's changes since the last release demand.
describe('this repository', () => {
  it('has pending changesets that cover the spec changes since the last release', async () => {
    const report = await changesSinceRelease(REPO_ROOT);
    const missing = missingBumps(report, await readPendingChangesets(REPO_ROOT));
    expect(missing.map((m) => m.message)).toEqual([]);
  });
});
