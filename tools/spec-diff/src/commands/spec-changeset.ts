import { writeSpecChangeset } from '../changeset/spec-changeset.js';
import { formatReport } from '../format/format-report.js';
import { REPO_ROOT } from '../repo-layout.js';
import { SpecInputError } from '../spec/load-spec.js';
import { changesSinceRelease } from '../spec/release-report.js';
import type { CliIo } from './cli-io.js';

/**
 * `spec:changeset`: drafts (or redrafts) the changeset the spec's changes since the last release
 * demand, for every spec-derived package, and returns the exit code.
 *
 * @example
 * await specChangeset([], io); // writes .changeset/spec-changes.md
 */
export async function specChangeset(
  args: string[],
  io: CliIo,
  repoRoot: string = REPO_ROOT,
): Promise<number> {
  if (args.length > 0) {
    io.stderr(`spec:changeset takes no arguments (got ${args.join(' ')})\n`);
    return 2;
  }
  try {
    const report = await changesSinceRelease(repoRoot);
    const file = await writeSpecChangeset(repoRoot, report);
    io.stdout(formatReport(report, 'text'));
    io.stdout(
      file
        ? `\nWrote ${file}: review its text, then commit it.\n`
        : '\nNo spec change since the last release: no changeset needed.\n',
    );
    return 0;
  } catch (error) {
    if (!(error instanceof SpecInputError)) throw error;
    io.stderr(`spec:changeset: ${error.message}\n`);
    return 2;
  }
}
