import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const turboBin = join(repoRoot, 'node_modules', '.bin', 'turbo');

export type DryTask = {
  taskId: string;
  hash: string;
  cache: { status: 'HIT' | 'MISS' };
  resolvedTaskDefinition: { inputs: string[] };
};

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };

/** Runs `turbo run <tasks> --dry=json` in `cwd` and returns its tasks by id. */
export function dryRun(cwd: string, tasks: string[]): Map<string, DryTask> {
  const out = execFileSync(turboBin, ['--skip-infer', 'run', ...tasks, '--dry=json'], {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const parsed = JSON.parse(out) as { tasks: DryTask[] };
  return new Map(parsed.tasks.map((t) => [t.taskId, t]));
}

/**
 * Copies the files git would submit (tracked, plus untracked ones that are not ignored) into a fresh
 * git repository, so hash experiments never touch the working tree another task may be reading.
 */
export function copyOfRepo(): { dir: string; commitAll: () => void; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'modelarts-lite-pipeline-'));
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  )
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    try {
      cpSync(join(repoRoot, file), join(dir, file));
    } catch {
      // A file deleted in the working tree but still in the index: the copy mirrors the working tree.
    }
  }
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      stdio: 'ignore',
      env: {
        ...env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@t',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@t',
      },
    });
  git('init', '-q');
  const commitAll = () => {
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', 'snapshot');
  };
  commitAll();
  return { dir, commitAll, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The script a task runs in its package, if the package has one (Turbo lists tasks of packages without). */
export function scriptOf(taskId: string): string | undefined {
  const [pkg, task] = taskId.split('#') as [string, string];
  const dirs: Record<string, string> = {
    '@modelarts-lite/spec': 'spec',
    '@modelarts-lite/scripts': 'scripts',
    '@modelarts-lite/spec-diff': 'tools/spec-diff',
    '@modelarts-lite/release-check': 'tools/release-check',
  };
  const dir = dirs[pkg] ?? `packages/${pkg.replace('@modelarts-lite/', '')}`;
  const scripts: Record<string, string> =
    JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')).scripts ?? {};
  return scripts[task];
}

/** Whether the task's package has a script of that name. */
export function hasScript(taskId: string): boolean {
  return scriptOf(taskId) !== undefined;
}
