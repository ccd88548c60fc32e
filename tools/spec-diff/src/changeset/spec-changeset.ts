import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../change.js';
import { changeList } from '../format/format-report.js';
import { SPEC_DERIVED_PACKAGES } from '../repo-layout.js';
import { bumpFor } from '../semver-bump.js';

/** The changeset `spec:changeset` owns: rewritten whole on every run, so it never goes stale. */
export const SPEC_CHANGESET_FILE = '.changeset/spec-changes.md';

/**
 * The text of the changeset a spec report demands, or null when the spec did not change: every
 * spec-derived package with the report's bump, and the change list as its summary.
 *
 * @example
 * draftSpecChangeset({ level: 'compatible', changes }); // '---\n"@modelarts-lite/spec": minor\n…'
 */
export function draftSpecChangeset(report: Report): string | null {
  const bump = bumpFor(report.level);
  if (bump === 'none') return null;
  const header = SPEC_DERIVED_PACKAGES.map((pkg) => `'${pkg}': ${bump}`).join('\n');
  const summary = `Spec changes since the last release (${report.level}):`;
  return `---\n${header}\n---\n\n${summary}\n\n${changeList(report.changes)}\n`;
}

/**
 * Writes the drafted changeset into the repository; returns its path, or null when none is due.
 *
 * @example
 * await writeSpecChangeset('/repo', report); // '.changeset/spec-changes.md'
 */
export async function writeSpecChangeset(repoRoot: string, report: Report): Promise<string | null> {
  const text = draftSpecChangeset(report);
  if (text === null) return null;
  await writeFile(join(repoRoot, SPEC_CHANGESET_FILE), text);
  return SPEC_CHANGESET_FILE;
}
