import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHED, packAll, repoRoot, run } from './pack.js';

const attw = join(import.meta.dirname, '..', 'node_modules', '.bin', 'attw');
let dir: string;
let tarballs: Map<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modelarts-lite-lint-'));
  tarballs = await packAll(dir);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(PUBLISHED)('$name as published', (pkg) => {
  it('passes publint (strict: warnings fail too)', async () => {
    const tarball = readFileSync(tarballs.get(pkg.name) as string);
    const { messages, pkg: manifest } = await publint({
      pack: {
        tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.length),
      },
      strict: true,
      level: 'warning',
    });
    expect(messages.map((m) => `${m.code}: ${formatMessage(m, manifest)}`)).toEqual([]);
    expect(manifest.name).toBe(pkg.name);
  });

  // ESM-only by design (every package is "type": "module" with import-only exports), so attw's
  // esm-only profile: CommonJS and node10 resolution are out of scope, the rest must resolve and type.
  it('passes arethetypeswrong with the esm-only profile', async () => {
    const tarball = tarballs.get(pkg.name) as string;
    const args = [tarball, '--profile', 'esm-only', '--no-definitely-typed', '--format', 'json'];
    const result = await run(attw, args, { cwd: repoRoot }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code?: number; stdout?: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(result.code, result.stdout).toBe(0);
    const { analysis } = JSON.parse(result.stdout ?? '');
    // The spec package ships a JSON and a YAML document, no code: there is nothing to type.
    expect(analysis.types === false).toBe(pkg.name === '@modelarts-lite/spec');
  });
});
