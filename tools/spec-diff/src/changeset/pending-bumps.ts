import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import parseChangeset from '@changesets/parse';
import { type Bump, largerBump } from '../semver-bump.js';

/** A pending changeset: its file and the bump it gives each package. */
export type PendingChangeset = { file: string; releases: Map<string, Bump | 'none'> };

/**
 * Every pending changeset in `.changeset/`, parsed as `changeset version` will read them.
 *
 * @example
 * const pending = await readPendingChangesets('/repo');
 * pending[0]; // { file: '.changeset/spec-changes.md', releases: Map { '@modelarts-lite/spec' => 'minor', … } }
 */
export async function readPendingChangesets(repoRoot: string): Promise<PendingChangeset[]> {
  const dir = join(repoRoot, '.changeset');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
  return Promise.all(
    files.map(async (f) => {
      const { releases } = parseChangeset(await readFile(join(dir, f), 'utf8'));
      return {
        file: `.changeset/${f}`,
        releases: new Map(releases.map((r) => [r.name, r.type as Bump | 'none'])),
      };
    }),
  );
}

/**
 * The bump the pending changesets give `pkg` all together: the largest of them.
 *
 * @example
 * pendingBump(pending, '@modelarts-lite/types'); // 'minor'
 */
export function pendingBump(pending: readonly PendingChangeset[], pkg: string): Bump | 'none' {
  return pending.reduce<Bump | 'none'>(
    (bump, c) => largerBump(bump, c.releases.get(pkg) ?? 'none'),
    'none',
  );
}
