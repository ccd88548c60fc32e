// Bins are committed launchers rather than paths into dist/: pnpm links bins at install time, when
// dist/ does not exist yet. Each brings the tool's build up to date through Turbo (a cache hit in
// well under a second once built), logging to stderr so that stdout carries only the command's
// output, then runs the command.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Builds the tool if needed, then runs `dist/cli/<command>.js`. */
export async function launch(command) {
  execFileSync(
    process.execPath,
    [
      fileURLToPath(new URL('node_modules/turbo/bin/turbo', `file://${root}`)),
      'run',
      'build',
      '--filter=@modelarts-lite/spec-diff',
      '--output-logs=errors-only',
      '--log-prefix=none',
    ],
    {
      cwd: root,
      stdio: ['ignore', process.stderr, process.stderr],
      // See the root README: pnpm's "false" here reads as true to the pnpm runs Turbo starts.
      env: { ...process.env, pnpm_config_verify_deps_before_run: '' },
    },
  );
  await import(`../dist/cli/${command}.js`);
}
