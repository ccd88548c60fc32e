import { describe, expect, it } from 'vitest';
import { dryRun, hasScript, repoRoot } from './turbo-dry-run.js';

// In the slow lane (`test:slow`), which depends on every package's build: they have just run (or
// were restored) in this very pipeline, so each must now be found in the cache.
describe('turbo cache', () => {
  it('makes a second build with no change a full cache hit', () => {
    const tasks = dryRun(repoRoot, ['build']);
    const misses = [...tasks.values()].filter(
      (t) => t.cache.status !== 'HIT' && hasScript(t.taskId),
    );
    expect(misses.map((t) => t.taskId)).toEqual([]);
  });
});
