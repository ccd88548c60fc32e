import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  copyOfRepo,
  type DryTask,
  dryRun,
  hasScript,
  repoRoot,
  scriptOf,
} from './turbo-dry-run.js';

const TASKS = ['build', 'lint', 'typecheck', 'test', 'test:slow'];

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

  // Turbo walks the file system for every glob while hashing, before any task starts: a `**` or a
  // wildcard folder from the root (or from a package) walks node_modules too, which once cost each
  // `pnpm test` 1.8 s. A wildcard file name within one folder (`*.config.ts`) is cheap.
  it('anchors every input glob to a named folder, so hashing never walks node_modules', () => {
    const walking = [...baseline.values()].flatMap((task) =>
      task.resolvedTaskDefinition.inputs
        // Turbo resolves $TURBO_ROOT$ to `../`s from the package.
        .map((input) => input.replace(/^!/, '').replace(/^(\.\.\/)+/, ''))
        .filter((input) => input.includes('/') && /[*?{[]/.test(input.split('/')[0] as string))
        .map((input) => `${task.taskId}: ${input}`),
    );
    expect(walking).toEqual([]);
    expect(baseline.size).toBeGreaterThan(20);
  });

  it('type-checks every package in `pnpm test`: as its tests, their first step, or a task they wait for', () => {
    const graph = dryRun(repo.dir, ['lint', 'test']);
    const tests = [...graph.keys()].filter((id) => id.endsWith('#test') && hasScript(id));
    const unchecked = tests.filter((id) => {
      const typecheck = id.replace(/#test$/, '#typecheck');
      const check = scriptOf(typecheck);
      if (!check) return true;
      // The test is the check (a package whose tests are all type tests), begins with it, or
      // waits for it.
      const test = scriptOf(id);
      return !(test === check || test?.startsWith(`${check} && `) || graph.has(typecheck));
    });
    expect(unchecked).toEqual([]);
    expect(tests.length).toBeGreaterThan(6);
  });

  it('re-runs nothing when only the README changes', () => {
    appendFileSync(join(repo.dir, 'README.md'), '\nA sentence a reader added.\n');
    repo.commitAll();
    expect(changed(baseline, dryRun(repo.dir, TASKS))).toEqual([]);
  });

  it('re-runs lint, bundle, build (which generates) and tests of everything downstream when the spec changes', () => {
    // A YAML comment: any byte of the spec is an input, whatever the edit means.
    appendFileSync(join(repo.dir, 'spec', 'openapi.yaml'), '\n# An edit a reader made.\n');
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
    // Tasks that do not read the spec stay cached, though their packages depend on it.
    const unread = [
      '@modelarts-lite/spec-diff#build',
      '@modelarts-lite/spec-diff#typecheck',
      '@modelarts-lite/spec-diff#test',
      '@modelarts-lite/spec#typecheck',
      '@modelarts-lite/release-check#typecheck',
      '@modelarts-lite/scripts#typecheck',
      '@modelarts-lite/scripts#test',
    ];
    for (const pkg of downstream) {
      // Every package whose tests can see the spec re-runs them, in both lanes, and every build
      // downstream of it (each generates from the bundled spec, or compiles against what does).
      for (const task of ['build', 'test', 'test:slow']) {
        const id = `${pkg}#${task}`;
        if (after.has(id) && hasScript(id) && !unread.includes(id)) expect(rerun, id).toContain(id);
      }
    }
    // Packages that do not depend on the spec are untouched.
    for (const id of rerun) expect(downstream).toContain(id.split('#')[0]);
    for (const id of unread) expect(rerun, id).not.toContain(id);
  });

  it("builds the stub without waiting for the client, which only the stub's tests use", () => {
    const before = dryRun(repo.dir, TASKS);
    appendFileSync(join(repo.dir, 'packages', 'client', 'src', 'index.ts'), '\n// An edit.\n');
    repo.commitAll();
    const rerun = changed(before, dryRun(repo.dir, TASKS));
    expect(rerun).toEqual(
      expect.arrayContaining(['@modelarts-lite/client#build', '@modelarts-lite/stub#test']),
    );
    expect(rerun).not.toContain('@modelarts-lite/stub#build');
  });
});
