import type { Report } from '../change.js';
import { SPEC_DERIVED_PACKAGES } from '../repo-layout.js';
import { bumpCovers, bumpFor } from '../semver-bump.js';
import { changesSinceRelease } from '../spec/release-report.js';
import { type PendingChangeset, pendingBump, readPendingChangesets } from './pending-bumps.js';
import { SPEC_CHANGESET_FILE } from './spec-changeset.js';

/** A spec-derived package whose pending bump is smaller than the spec's changes demand. */
export type MissingBump = { pkg: string; demanded: string; pending: string; message: string };

/**
 * Which spec-derived packages the pending changesets under-bump, given the spec's changes since
 * the last release. Empty when every package is covered.
 *
 * @example
 * missingBumps(report, await readPendingChangesets('/repo')); // [] when covered
 */
export function missingBumps(report: Report, pending: readonly PendingChangeset[]): MissingBump[] {
  const demanded = bumpFor(report.level);
  return SPEC_DERIVED_PACKAGES.flatMap((pkg) => {
    const given = pendingBump(pending, pkg);
    if (bumpCovers(given, demanded)) return [];
    return [
      {
        pkg,
        demanded,
        pending: given,
        message:
          `${pkg} needs a ${demanded} bump: the spec's changes since the last release are ` +
          `${report.level}, and the pending changesets give it ${given === 'none' ? 'no bump' : `a ${given} bump`}. ` +
          `Run \`pnpm spec:changeset\` to add ${SPEC_CHANGESET_FILE}.`,
      },
    ];
  });
}

/**
 * The check `pnpm test` runs on a repository (the spec package's tests call it): which
 * spec-derived packages its pending changesets under-bump, against the spec's changes since the
 * release baseline. Empty when every package is covered.
 *
 * @example
 * (await uncoveredSpecChanges('/repo')).map((m) => m.message); // [] when covered
 */
export async function uncoveredSpecChanges(repoRoot: string): Promise<MissingBump[]> {
  const [report, pending] = await Promise.all([
    changesSinceRelease(repoRoot),
    readPendingChangesets(repoRoot),
  ]);
  return missingBumps(report, pending);
}
