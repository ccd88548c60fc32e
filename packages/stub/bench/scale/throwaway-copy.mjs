// A throwaway copy of the monorepo whose spec is replaced, built from scratch with the same steps
// Turbo runs (spec bundle → types, signer, client → stub, each build generating first), for the scale
// benchmark. node_modules is linked, not copied: pnpm's links inside the packages are relative, so
// workspace packages resolve to the copy and third-party ones to the installed store.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

// Build and tool output only (a package's coverage report, not src/coverage/, the stub's own code).
const SKIPPED = new Set(['.git', '.turbo', 'dist']);

/** The pipeline, in dependency order: [package folder, script] as the packages declare them. */
const STEPS = [
  ['spec', 'build'],
  ['packages/types', 'build'],
  ['packages/signer', 'build'],
  ['packages/client', 'build'],
  ['packages/stub', 'build'],
];

/** Total size in bytes of the files under `dir`. */
export function folderBytes(dir) {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += statSync(join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return bytes;
}

/**
 * Copies the repository at `root` with `spec` as its spec/openapi.yaml (JSON is YAML), builds it,
 * and returns the copy's folder and the seconds each step took.
 *
 * @example
 * const copy = buildCopy(repoRoot, bigSpec);
 * console.log(copy.seconds, copy.dir);
 * copy.remove();
 */
export function buildCopy(root, spec) {
  const dir = mkdtempSync(join(tmpdir(), 'stub-scale-'));
  cpSync(root, dir, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => {
      const rel = relative(root, source);
      if (rel === 'node_modules') return false;
      const name = rel.split('/').at(-1);
      if (name === 'coverage' && !rel.includes('src/')) return false;
      return !SKIPPED.has(name) && !rel.endsWith('src/generated');
    },
  });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'spec/openapi.yaml'), JSON.stringify(spec));
  const steps = [];
  const started = performance.now();
  for (const [folder, script] of STEPS) {
    const t = performance.now();
    const scriptText = JSON.parse(
      execFileSync('node', ['-p', `JSON.stringify(require('./package.json').scripts)`], {
        cwd: join(dir, folder),
        encoding: 'utf8',
      }),
    )[script];
    // The script as `pnpm run` would run it (node_modules/.bin on the PATH), without pnpm's own
    // start-up, which would be the same for both specs.
    try {
      execFileSync('sh', ['-c', scriptText], {
        cwd: join(dir, folder),
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          PATH: `${join(dir, folder, 'node_modules/.bin')}:${join(dir, 'node_modules/.bin')}:${process.env.PATH}`,
          REDOCLY_TELEMETRY: 'off',
          REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        },
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      const stderr = `${error.stdout ?? ''}${error.stderr ?? ''}`
        .trim()
        .split('\n')
        .slice(0, 8)
        .join('\n');
      throw new Error(`${folder}: \`${scriptText}\` failed:\n${stderr}`);
    }
    steps.push({ step: `${folder} ${script}`, seconds: (performance.now() - t) / 1000 });
  }
  return {
    dir,
    steps,
    seconds: (performance.now() - started) / 1000,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
