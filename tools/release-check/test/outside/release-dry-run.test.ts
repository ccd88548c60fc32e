import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { PUBLISHED } from '../pack.js';
import { copyRepo } from './repo-copy.js';

// `pnpm release --dry-run` on a throwaway copy whose spec gained an optional query parameter since
// the release baseline: versions, CHANGELOGs, the new baseline and the packed tarballs.
let repo: string;
let output: string;
/** The spec's level since the baseline, and each package's expected version, read before release. */
let level: string;
const expected = new Map<string, string>();
const before = new Map<string, string>();

const BUMPS = ['patch', 'minor', 'major'] as const;
const DEMANDED: Record<string, number> = {
  breaking: 2,
  'possibly-breaking': 1,
  compatible: 1,
  annotation: 0,
};
const SPEC_DERIVED = ['spec', 'types', 'client', 'stub'].map((p) => `@modelarts-lite/${p}`);

function inc(version: string, bump: number): string {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  if (bump === 2) return `${major + 1}.0.0`;
  if (bump === 1) return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** What the pending changesets and the spec change should make of each package's version. */
function expectVersions(): void {
  const diff = execFileSync(
    process.execPath,
    ['tools/spec-diff/bin/spec-diff.js', '--format', 'json'],
    {
      cwd: repo,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  level = JSON.parse(diff).level;
  const largest = new Map<string, number>();
  for (const file of readdirSync(join(repo, '.changeset')).filter((f) => f.endsWith('.md'))) {
    for (const m of read('.changeset', file).matchAll(
      /^['"]?(@modelarts-lite\/[\w-]+)['"]?:\s*(major|minor|patch)\s*$/gm,
    )) {
      const bump = BUMPS.indexOf(m[2] as (typeof BUMPS)[number]);
      largest.set(m[1] as string, Math.max(largest.get(m[1] as string) ?? -1, bump));
    }
  }
  for (const pkg of PUBLISHED) {
    let bump = largest.get(pkg.name) ?? -1;
    if (SPEC_DERIVED.includes(pkg.name)) bump = Math.max(bump, DEMANDED[level] ?? -1);
    const version = JSON.parse(read(pkg.dir, 'package.json')).version;
    before.set(pkg.name, version);
    expected.set(pkg.name, bump < 0 ? version : inc(version, bump));
  }
}
const packed = () => join(repo, 'packed');
const read = (...path: string[]) => readFileSync(join(repo, ...path), 'utf8');

beforeAll(() => {
  repo = copyRepo();
  const specFile = join(repo, 'spec', 'openapi.yaml');
  const spec = parse(readFileSync(specFile, 'utf8'));
  const operation = Object.values<any>(spec.paths).find((item) => item.get).get;
  operation.parameters = [
    ...(operation.parameters ?? []),
    { name: 'release_probe', in: 'query', required: false, schema: { type: 'string' } },
  ];
  writeFileSync(specFile, stringify(spec));
  expectVersions();
  output = execFileSync(
    process.execPath,
    ['tools/spec-diff/bin/release.js', '--dry-run', '--pack-destination', 'packed'],
    {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, INIT_CWD: repo, TURBO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
}, 900_000);
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const versionOf = (dir: string) => JSON.parse(read(dir, 'package.json')).version;

describe('pnpm release --dry-run', () => {
  it('versions every package by its pending changesets and consumes them', () => {
    // Before the first release: every package has a pending minor changeset, the change is compatible.
    for (const pkg of PUBLISHED) {
      expect(expected.get(pkg.name), pkg.name).not.toBe(before.get(pkg.name));
      expect(versionOf(pkg.dir), pkg.name).toBe(expected.get(pkg.name));
      expect(output).toContain(`${pkg.name}@${expected.get(pkg.name)}`);
    }
    expect(readdirSync(join(repo, '.changeset')).filter((f) => f.endsWith('.md'))).toEqual([
      'README.md',
    ]);
  });

  it('writes the spec change list into the CHANGELOG of every spec-derived package', () => {
    for (const dir of ['spec', 'packages/types', 'packages/client', 'packages/stub']) {
      const changelog = read(dir, 'CHANGELOG.md');
      expect(changelog, dir).toContain(`## ${versionOf(dir)}`);
      expect(changelog, dir).toContain(`Spec changes since the last release (${level})`);
      expect(changelog, dir).toContain('new optional query.release_probe');
    }
    expect(read('packages/signer', 'CHANGELOG.md')).not.toContain('release_probe');
  });

  it('records the released spec as the new release baseline', () => {
    const baseline = read('spec', 'release-baseline.yaml');
    expect(baseline.startsWith('# The spec as of the last release')).toBe(true);
    expect(baseline.endsWith(read('spec', 'openapi.yaml'))).toBe(true);
    const diff = execFileSync(
      process.execPath,
      ['tools/spec-diff/bin/spec-diff.js', '--format', 'json'],
      {
        cwd: repo,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    expect(JSON.parse(diff)).toEqual({ level: 'none', changes: [] });
  });

  it('packs every package at its new version with its built files and real dependency versions', () => {
    const tarballs = readdirSync(packed()).sort();
    const tgzOf = (name: string) =>
      `${name.replace('@', '').replace('/', '-')}-${expected.get(name)}.tgz`;
    expect(tarballs).toEqual(PUBLISHED.map((p) => tgzOf(p.name)).sort());
    const entries = (tgz: string) =>
      execFileSync('tar', ['-tzf', join(packed(), tgz)], { encoding: 'utf8' }).split('\n');
    const manifest = (tgz: string) =>
      JSON.parse(
        execFileSync('tar', ['-xOzf', join(packed(), tgz), 'package/package.json'], {
          encoding: 'utf8',
        }),
      );

    expect(entries(tgzOf('@modelarts-lite/spec'))).toEqual(
      expect.arrayContaining([
        'package/openapi.yaml',
        'package/dist/openapi.json',
        'package/package.json',
      ]),
    );
    for (const name of ['types', 'signer', 'client', 'stub']) {
      const tgz = tgzOf(`@modelarts-lite/${name}`);
      expect(entries(tgz)).toEqual(
        expect.arrayContaining([
          'package/dist/index.js',
          'package/dist/index.d.ts',
          'package/package.json',
        ]),
      );
      expect(entries(tgz).some((e) => e.includes('.test.'))).toBe(false);
      const m = manifest(tgz);
      expect(m.version).toBe(expected.get(`@modelarts-lite/${name}`));
      expect(JSON.stringify(m)).not.toContain('workspace:');
    }
    expect(entries(tgzOf('@modelarts-lite/stub'))).toContain('package/dist/cli.js');
    expect(manifest(tgzOf('@modelarts-lite/client')).dependencies['@modelarts-lite/types']).toBe(
      expected.get('@modelarts-lite/types'),
    );
  });
});
