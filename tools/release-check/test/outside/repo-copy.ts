import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from '../pack.js';

/**
 * A throwaway copy of the repository (the files git would submit) in a fresh git repository, that
 * shares this checkout's installed dependencies: the root node_modules is linked, and each
 * package's node_modules is copied as the relative symlinks pnpm made, so they resolve in the copy.
 */
export function copyRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'modelarts-lite-release-'));
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  )
    .split('\0')
    .filter((f) => f && existsSync(join(repoRoot, f)));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(dir, file));
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  const packageDirs = ['spec', 'scripts', ...['packages', 'tools'].flatMap(listDirs)];
  for (const pkg of packageDirs) {
    const from = join(repoRoot, pkg, 'node_modules');
    if (existsSync(from))
      cpSync(from, join(dir, pkg, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  }
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=release-test', '-c', 'user.email=release@test', ...args],
      {
        cwd: dir,
        stdio: 'ignore',
      },
    );
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'copy');
  return dir;
}

function listDirs(parent: string): string[] {
  return readdirSync(join(repoRoot, parent), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `${parent}/${d.name}`);
}
