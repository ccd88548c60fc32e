import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The published packages, as `pnpm release` publishes them. */
export const PUBLISHED = [
  { name: '@modelarts-lite/spec', dir: 'spec' },
  { name: '@modelarts-lite/types', dir: 'packages/types' },
  { name: '@modelarts-lite/signer', dir: 'packages/signer' },
  { name: '@modelarts-lite/client', dir: 'packages/client' },
  { name: '@modelarts-lite/stub', dir: 'packages/stub' },
] as const;

export const run = promisify(execFile);

/**
 * Packs every published package with `pnpm pack` (as `pnpm publish` would: `workspace:*` becomes
 * a version) into `destination`, and returns each tarball's path by package name, with one
 * recursive pnpm for the five.
 *
 * @example
 * const tarballs = await packAll(mkdtempSync(join(tmpdir(), 'packs-')));
 * tarballs.get('@modelarts-lite/stub'); // '/tmp/packs-…/modelarts-lite-stub-0.1.0.tgz'
 */
export async function packAll(destination: string): Promise<Map<string, string>> {
  const filters = PUBLISHED.flatMap((pkg) => ['--filter', pkg.name]);
  await run('pnpm', ['--recursive', ...filters, 'pack', '--pack-destination', destination], {
    cwd: repoRoot,
    env: { ...process.env, pnpm_config_verify_deps_before_run: '' },
  });
  const tarballs = readdirSync(destination).filter((f) => f.endsWith('.tgz'));
  return new Map(
    PUBLISHED.map((pkg) => {
      const prefix = `${pkg.name.replace('@', '').replace('/', '-')}-`;
      const file = tarballs.find((f) => f.startsWith(prefix) && /^\d/.test(f.slice(prefix.length)));
      if (!file) throw new Error(`pnpm pack wrote no tarball for ${pkg.name}`);
      return [pkg.name, join(destination, file)];
    }),
  );
}
