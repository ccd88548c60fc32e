import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getExitCode } from '@arethetypeswrong/cli/internal/getExitCode';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attwEsmOnly, ESM_ONLY_IGNORED_RESOLUTIONS } from './attw-esm-only.js';
import { PUBLISHED, packAll } from './pack.js';

let dir: string;
let tarballs: Map<string, Uint8Array<ArrayBuffer>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modelarts-lite-lint-'));
  const paths = await packAll(dir);
  tarballs = new Map([...paths].map(([name, path]) => [name, new Uint8Array(readFileSync(path))]));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(PUBLISHED)('$name as published', (pkg) => {
  it('passes publint (strict: warnings fail too)', async () => {
    const tarball = tarballs.get(pkg.name) as Uint8Array<ArrayBuffer>;
    const { messages, pkg: manifest } = await publint({
      pack: { tarball: tarball.buffer },
      strict: true,
      level: 'warning',
    });
    expect(messages.map((m) => `${m.code}: ${formatMessage(m, manifest)}`)).toEqual([]);
    expect(manifest.name).toBe(pkg.name);
  });

  // ESM-only by design (every package is "type": "module" with import-only exports), so attw's
  // esm-only profile: CommonJS and node10 resolution are out of scope, the rest must resolve and type.
  it('passes arethetypeswrong with the esm-only profile', async () => {
    const { analysis, problems } = await attwEsmOnly(
      tarballs.get(pkg.name) as Uint8Array<ArrayBuffer>,
    );
    expect(problems).toEqual([]);
    // The CLI's own exit-code rule agrees (a guard against the reproduction drifting from it).
    expect(getExitCode(analysis, { ignoreResolutions: ESM_ONLY_IGNORED_RESOLUTIONS })).toBe(0);
    expect(analysis.packageName).toBe(pkg.name);
    // The spec package ships a JSON and a YAML document, no code: there is nothing to type.
    expect(analysis.types === false).toBe(pkg.name === '@modelarts-lite/spec');
  });
});
