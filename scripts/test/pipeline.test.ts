import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOfRepo, type DryTask, dryRun, repoRoot } from './turbo-dry-run.js';

const TASKS = ['generate', 'build', 'lint', 'typecheck', 'test'];

function changed(before: Map<string, DryTask>, after: Map<string, DryTask>): string[] {
  return [...after.values()]
    .filter((t) => before.get(t.taskId)?.hash !== t.hash)
    .map((t) => t.taskId)
    .sort();
}

/** Workspace packages that (transitively) depend on the spec, read from their package.json files. */
function downstreamOfSpec(tasks: Map<string, DryTask>): string[] {
  const packages = new Set([...tasks.keys()].map((id) => id.split('#')[0] as string));
  const deps = new Map<string, string[]>();
  for (const dir of [
    'spec',
    'scripts',
    ...['types', 'signer', 'client', 'stub'].map((p) => `packages/${p}`),
    ...['spec-diff', 'release-check'].map((p) => `tools/${p}`),
  ]) {
    try {
      const pkg = JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8'));
      deps.set(pkg.name, Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }));
    } catch {
      // Package folder not present in this checkout.
    }
  }
  const reaches = (name: string, seen = new Set<string>()): boolean => {
    if (name === '@modelarts-lite/spec') return true;
    if (seen.has(name)) return false;
    seen.add(name);
    return (deps.get(name) ?? []).some((d) => reaches(d, seen));
  };
  return [...packages].filter((p) => reaches(p));
}

describe('turbo pipeline', () => {
  let repo: ReturnType<typeof copyOfRepo>;
  let baseline: Map<string, DryTask>;

  beforeAll(() => {
    repo = copyOfRepo();
    baseline = dryRun(repo.dir, TASKS);
  });
  afterAll(() => repo?.dispose());

  it('re-runs nothing when only the README changes', () => {
    appendFileSync(join(repo.dir, 'README.md'), '\nA sentence a reader added.\n');
    repo.commitAll();
    expect(changed(baseline, dryRun(repo.dir, TASKS))).toEqual([]);
  });

  it('re-runs lint, bundle, generate, build and tests of everything downstream when the spec changes', () => {
    const specFile = join(repo.dir, 'spec', 'openapi.yaml');
    writeFileSync(
      specFile,
      readFileSync(specFile, 'utf8').replace(
        'summary: Obtain operation details',
        'summary: Get operation details',
      ),
    );
    repo.commitAll();
    const after = dryRun(repo.dir, TASKS);
    const rerun = changed(baseline, after);

    expect(rerun).toEqual(
      expect.arrayContaining(['@modelarts-lite/spec#lint', '@modelarts-lite/spec#build']),
    );
    const downstream = downstreamOfSpec(after);
    expect(downstream).toEqual(
      expect.arrayContaining(['@modelarts-lite/spec', '@modelarts-lite/types']),
    );
    for (const pkg of downstream) {
      for (const task of ['generate', 'build', 'test']) {
        const id = `${pkg}#${task}`;
        if (after.has(id) && hasScript(id)) expect(rerun, id).toContain(id);
      }
    }
    // Packages that do not depend on the spec are untouched.
    for (const id of rerun) expect(downstream).toContain(id.split('#')[0]);
  });
});

describe('turbo cache', () => {
  it('makes a second build with no change a full cache hit', () => {
    // The test task depends on every package's build, which has just run (or was restored) in this
    // very pipeline, so each build must now be found in the cache.
    const tasks = dryRun(repoRoot, ['build']);
    const misses = [...tasks.values()].filter((t) =>
      t.cache.status !== 'HIT' && !t.taskId.endsWith('#generate') ? hasScript(t.taskId) : false,
    );
    expect(misses.map((t) => t.taskId)).toEqual([]);
  });
});

function hasScript(taskId: string): boolean {
  const [pkg, task] = taskId.split('#') as [string, string];
  const dirs: Record<string, string> = {
    '@modelarts-lite/spec': 'spec',
    '@modelarts-lite/scripts': 'scripts',
    '@modelarts-lite/spec-diff': 'tools/spec-diff',
    '@modelarts-lite/release-check': 'tools/release-check',
  };
  const dir = dirs[pkg] ?? `packages/${pkg.replace('@modelarts-lite/', '')}`;
  const scripts =
    JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')).scripts ?? {};
  return task in scripts;
}
