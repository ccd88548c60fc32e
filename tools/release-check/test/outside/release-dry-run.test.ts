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
const packed = () => join(repo, 'packed');
const read = (...path: string[]) => readFileSync(join(repo, ...path), 'utf8');

beforeAll(() => {
  repo = copyRepo();
  const specFile = join(repo, 'spec', 'openapi.yaml');
  const spec = parse(readFileSync(specFile, 'utf8'));
  const [pathItem] = Object.values<any>(spec.paths);
  const operation = pathItem.get;
  operation.parameters = [
    ...(operation.parameters ?? []),
    { name: 'release_probe', in: 'query', required: false, schema: { type: 'string' } },
  ];
  writeFileSync(specFile, stringify(spec));
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
    // Each package had a pending minor changeset (its first release) and the spec change is compatible.
    for (const pkg of PUBLISHED) expect(versionOf(pkg.dir), pkg.name).toBe('0.2.0');
    expect(output).toContain('@modelarts-lite/stub@0.2.0');
    expect(readdirSync(join(repo, '.changeset')).filter((f) => f.endsWith('.md'))).toEqual([
      'README.md',
    ]);
  });

  it('writes the spec change list into the CHANGELOG of every spec-derived package', () => {
    for (const dir of ['spec', 'packages/types', 'packages/client', 'packages/stub']) {
      const changelog = read(dir, 'CHANGELOG.md');
      expect(changelog, dir).toContain('## 0.2.0');
      expect(changelog, dir).toContain('Spec changes since the last release (compatible)');
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
    expect(tarballs).toEqual(
      PUBLISHED.map((p) => `${p.name.replace('@', '').replace('/', '-')}-0.2.0.tgz`).sort(),
    );
    const entries = (tgz: string) =>
      execFileSync('tar', ['-tzf', join(packed(), tgz)], { encoding: 'utf8' }).split('\n');
    const manifest = (tgz: string) =>
      JSON.parse(
        execFileSync('tar', ['-xOzf', join(packed(), tgz), 'package/package.json'], {
          encoding: 'utf8',
        }),
      );

    expect(entries('modelarts-lite-spec-0.2.0.tgz')).toEqual(
      expect.arrayContaining([
        'package/openapi.yaml',
        'package/dist/openapi.json',
        'package/package.json',
      ]),
    );
    for (const name of ['types', 'signer', 'client', 'stub']) {
      const tgz = `modelarts-lite-${name}-0.2.0.tgz`;
      expect(entries(tgz)).toEqual(
        expect.arrayContaining([
          'package/dist/index.js',
          'package/dist/index.d.ts',
          'package/package.json',
        ]),
      );
      expect(entries(tgz).some((e) => e.includes('.test.'))).toBe(false);
      const m = manifest(tgz);
      expect(m.version).toBe('0.2.0');
      expect(JSON.stringify(m)).not.toContain('workspace:');
    }
    expect(entries('modelarts-lite-stub-0.2.0.tgz')).toContain('package/dist/cli.js');
    expect(manifest('modelarts-lite-client-0.2.0.tgz').dependencies['@modelarts-lite/types']).toBe(
      '0.2.0',
    );
  });
});
