import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeSpecChangeset } from '../changeset/spec-changeset.js';
import { formatReport } from '../format/format-report.js';
import { BASELINE_FILE, PUBLISHED_PACKAGES, REPO_ROOT } from '../repo-layout.js';
import { writeBaseline } from '../spec/baseline.js';
import { changesSinceRelease } from '../spec/release-report.js';
import type { CliIo } from './cli-io.js';

const USAGE = `Usage: pnpm release [--dry-run] [--pack-destination DIR]
`;

/**
 * `release`: versions the packages from the pending changesets (their CHANGELOGs get the spec's
 * change list, redrafted first so it is complete), records the spec as the new release baseline,
 * builds, then publishes, or with `--dry-run` packs each package into `--pack-destination`.
 *
 * @example
 * await release(['--dry-run', '--pack-destination', '/tmp/packed'], io);
 */
export async function release(
  args: string[],
  io: CliIo,
  repoRoot: string = REPO_ROOT,
): Promise<number> {
  let values: { 'dry-run'?: boolean; 'pack-destination'?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        'dry-run': { type: 'boolean', default: false },
        'pack-destination': { type: 'string' },
      },
    }));
  } catch (error) {
    io.stderr(`release: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const run = (command: string, commandArgs: string[], cwd = repoRoot) => {
    io.stdout(`\n$ ${command} ${commandArgs.join(' ')}\n`);
    const out = execFileSync(command, commandArgs, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, pnpm_config_verify_deps_before_run: '' },
    });
    io.stdout(out);
    return out;
  };
  const bin = (name: string) => join(repoRoot, 'node_modules', '.bin', name);

  const report = await changesSinceRelease(repoRoot);
  io.stdout(formatReport(report, 'text'));
  const drafted = await writeSpecChangeset(repoRoot, report);
  if (drafted) io.stdout(`Redrafted ${drafted} so the CHANGELOGs carry the whole change list.\n`);

  run(bin('changeset'), ['version']);
  await writeBaseline(repoRoot);
  io.stdout(`Recorded the released spec in ${BASELINE_FILE}.\n`);
  run(bin('turbo'), ['run', 'build', ...PUBLISHED_PACKAGES.map((p) => `--filter=${p.name}`)]);

  if (values['dry-run']) {
    const destination = resolve(io.cwd, values['pack-destination'] ?? 'release-dry-run');
    mkdirSync(destination, { recursive: true });
    for (const pkg of PUBLISHED_PACKAGES) {
      run('pnpm', ['pack', '--pack-destination', destination], join(repoRoot, pkg.dir));
    }
    io.stdout(`\nDry run: nothing published; tarballs in ${destination}\n`);
  } else {
    run(bin('changeset'), ['publish']);
  }
  for (const pkg of PUBLISHED_PACKAGES) {
    const { version } = JSON.parse(readFileSync(join(repoRoot, pkg.dir, 'package.json'), 'utf8'));
    io.stdout(`${pkg.name}@${version}\n`);
  }
  return 0;
}
