import { join } from 'node:path';
import type { Report } from '../change.js';
import { classify } from '../classify/classify.js';
import { BASELINE_FILE, SPEC_FILE } from '../repo-layout.js';
import { loadSpec } from './load-spec.js';

/**
 * The spec's changes since the last release: the release baseline against the working tree.
 *
 * @example
 * (await changesSinceRelease('/repo')).level; // 'compatible'
 */
export async function changesSinceRelease(repoRoot: string): Promise<Report> {
  const [base, head] = await Promise.all([
    loadSpec(join(repoRoot, BASELINE_FILE)),
    loadSpec(join(repoRoot, SPEC_FILE)),
  ]);
  return classify(base, head);
}
