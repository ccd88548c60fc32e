import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { missingBumps } from '../src/changeset/coverage.js';
import { readPendingChangesets } from '../src/changeset/pending-bumps.js';
import { draftSpecChangeset, SPEC_CHANGESET_FILE } from '../src/changeset/spec-changeset.js';
import { specChangeset } from '../src/commands/spec-changeset.js';
import { changesSinceRelease } from '../src/spec/release-report.js';
import { captureIo } from './cli-io.js';

const golden = join(import.meta.dirname, 'golden');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A repository with a release baseline, a spec and the given pending changesets. */
function repoWith(pair: string, changesets: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'spec-changeset-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'spec'));
  mkdirSync(join(dir, '.changeset'));
  cpSync(join(golden, pair, 'before.yaml'), join(dir, 'spec', 'release-baseline.yaml'));
  cpSync(join(golden, pair, 'after.yaml'), join(dir, 'spec', 'openapi.yaml'));
  writeFileSync(join(dir, '.changeset', 'README.md'), '# Changesets\n');
  for (const [name, text] of Object.entries(changesets)) {
    writeFileSync(join(dir, '.changeset', name), text);
  }
  return dir;
}

const changeset = (bump: string, ...pkgs: string[]) =>
  `---\n${pkgs.map((p) => `'@modelarts-lite/${p}': ${bump}`).join('\n')}\n---\n\nSomething.\n`;

describe('spec:changeset', () => {
  it.each([
    ['response-property-removed', 'major'],
    ['response-status-added', 'minor'],
    ['operation-added', 'minor'],
    ['annotation-changed', 'patch'],
  ])('drafts a %s change as a %s bump of every spec-derived package', async (pair, bump) => {
    const dir = repoWith(pair);
    const io = captureIo(dir);
    expect(await specChangeset([], io, dir)).toBe(0);
    expect(io.out()).toContain(`Wrote ${SPEC_CHANGESET_FILE}`);
    const [drafted] = await readPendingChangesets(dir);
    expect(drafted?.file).toBe(SPEC_CHANGESET_FILE);
    expect(Object.fromEntries(drafted?.releases ?? [])).toEqual({
      '@modelarts-lite/spec': bump,
      '@modelarts-lite/types': bump,
      '@modelarts-lite/client': bump,
      '@modelarts-lite/stub': bump,
    });
    // The change list is the text, so it lands in the CHANGELOGs.
    const text = readFileSync(join(dir, SPEC_CHANGESET_FILE), 'utf8');
    const report = await changesSinceRelease(dir);
    for (const c of report.changes) expect(text).toContain(c.message);
  });

  it('drafts nothing when the spec did not change', async () => {
    const dir = repoWith('none');
    const io = captureIo(dir);
    expect(await specChangeset([], io, dir)).toBe(0);
    expect(io.out()).toContain('no changeset needed');
    expect(await readPendingChangesets(dir)).toEqual([]);
    expect(draftSpecChangeset({ level: 'none', changes: [] })).toBeNull();
  });

  it('rewrites its own changeset rather than adding another', async () => {
    const dir = repoWith('operation-added');
    await specChangeset([], captureIo(dir), dir);
    await specChangeset([], captureIo(dir), dir);
    expect((await readPendingChangesets(dir)).map((c) => c.file)).toEqual([SPEC_CHANGESET_FILE]);
  });
});

describe('changeset coverage', () => {
  it('names each under-bumped package and the changeset to add', async () => {
    const dir = repoWith('operation-added', {
      'x.md': changeset('patch', 'spec', 'types', 'client'),
    });
    const missing = missingBumps(await changesSinceRelease(dir), await readPendingChangesets(dir));
    expect(missing.map((m) => [m.pkg, m.demanded, m.pending])).toEqual([
      ['@modelarts-lite/spec', 'minor', 'patch'],
      ['@modelarts-lite/types', 'minor', 'patch'],
      ['@modelarts-lite/client', 'minor', 'patch'],
      ['@modelarts-lite/stub', 'minor', 'none'],
    ]);
    expect(missing[3]?.message).toBe(
      "@modelarts-lite/stub needs a minor bump: the spec's changes since the last release are compatible, and the pending changesets give it no bump. Run `pnpm spec:changeset` to add .changeset/spec-changes.md.",
    );
  });

  it('is satisfied by any pending changesets whose largest bump is enough', async () => {
    const dir = repoWith('response-property-removed', {
      'a.md': changeset('minor', 'spec', 'types', 'client', 'stub'),
      'b.md': changeset('major', 'spec', 'types', 'client', 'stub'),
    });
    expect(missingBumps(await changesSinceRelease(dir), await readPendingChangesets(dir))).toEqual(
      [],
    );
  });

  it('is satisfied once spec:changeset has drafted the changeset', async () => {
    const dir = repoWith('response-property-removed', {
      'a.md': changeset('minor', 'spec', 'types', 'client', 'stub'),
    });
    expect(
      missingBumps(await changesSinceRelease(dir), await readPendingChangesets(dir)),
    ).toHaveLength(4);
    await specChangeset([], captureIo(dir), dir);
    expect(missingBumps(await changesSinceRelease(dir), await readPendingChangesets(dir))).toEqual(
      [],
    );
  });
});
