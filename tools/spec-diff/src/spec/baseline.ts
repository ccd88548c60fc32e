import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BASELINE_FILE, SPEC_FILE } from '../repo-layout.js';

const BANNER = `# The spec as of the last release: written by \`pnpm release\`, do not edit.
# \`pnpm spec:diff\` compares the working tree's ${SPEC_FILE} with it by default, and \`pnpm test\`
# checks that the pending changesets bump the spec-derived packages as its changes demand.
`;

/**
 * Records the working tree's spec as the last released one.
 *
 * @example
 * await writeBaseline('/repo'); // spec/openapi.yaml → spec/release-baseline.yaml
 */
export async function writeBaseline(repoRoot: string): Promise<void> {
  const spec = await readFile(join(repoRoot, SPEC_FILE), 'utf8');
  await writeFile(join(repoRoot, BASELINE_FILE), `${BANNER}${spec}`);
}
