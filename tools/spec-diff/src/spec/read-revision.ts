import { execFileSync } from 'node:child_process';
import { SpecInputError } from './load-spec.js';

/**
 * The text of `file` at git revision `rev`, read with `git show` in `repoRoot`.
 *
 * @example
 * readRevision('/repo', 'HEAD~1', 'spec/openapi.yaml');
 */
export function readRevision(repoRoot: string, rev: string, file: string): string {
  if (rev.startsWith('-')) throw new SpecInputError(`--base ${rev}: not a git revision`);
  try {
    return execFileSync('git', ['show', `${rev}:${file}`], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new SpecInputError(
      `--base ${rev}: git cannot read ${file} there (${stderr || 'no git'})`,
    );
  }
}
