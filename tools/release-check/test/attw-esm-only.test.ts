import { getExitCode } from '@arethetypeswrong/cli/internal/getExitCode';
import { Package } from '@arethetypeswrong/core';
import { describe, expect, it } from 'vitest';
import { attwEsmOnly, ESM_ONLY_IGNORED_RESOLUTIONS } from './attw-esm-only.js';

/** An in-memory package `broken` (no tarball, no pack): `exports` plus the files it ships. */
function brokenPackage(exports: object, files: Record<string, string>): Package {
  const manifest = { name: 'broken', version: '1.0.0', type: 'module', exports };
  const all = { 'package.json': JSON.stringify(manifest), ...files };
  return new Package(
    Object.fromEntries(
      Object.entries(all).map(([path, text]) => [`/node_modules/broken/${path}`, text]),
    ),
    'broken',
    '1.0.0',
  );
}

const cliExitCode = (analysis: Parameters<typeof getExitCode>[0]) =>
  getExitCode(analysis, { ignoreResolutions: ESM_ONLY_IGNORED_RESOLUTIONS });

describe('attwEsmOnly', () => {
  it('fails a package whose exports point its types at a missing file, naming kind, entrypoint and resolution', async () => {
    const { analysis, problems } = await attwEsmOnly(
      brokenPackage(
        { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
        { 'dist/index.js': 'export const a = 1;\n', 'dist/other.d.ts': 'export {};\n' },
      ),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^UntypedResolution "No types" at "broken" under node16-esm: .*UntypedResolution\.md\)$/,
      ),
      expect.stringMatching(/^UntypedResolution "No types" at "broken" under bundler: /),
    ]);
    // The node10 and node16-cjs problems the analysis also holds are the profile's to ignore.
    expect(analysis.types && analysis.problems.length).toBe(5);
    expect(cliExitCode(analysis)).toBe(1);
  });

  it('fails ESM typed as CommonJS, a problem of files that the profile never ignores', async () => {
    const { analysis, problems } = await attwEsmOnly(
      brokenPackage(
        { '.': { types: './dist/index.d.cts', default: './dist/index.js' } },
        {
          'dist/index.js': 'export const a = 1;\n',
          'dist/index.d.cts': 'export declare const a: number;\n',
        },
      ),
    );
    expect(problems).toEqual([
      'FalseCJS "Masquerading as CJS" at "broken" under node16-cjs, "broken" under node16-esm' +
        ' (types /node_modules/broken/dist/index.d.cts, implementation /node_modules/broken/dist/index.js):' +
        ' Import resolved to a CommonJS type declaration file, but an ESM JavaScript file.' +
        ' (docs: https://github.com/arethetypeswrong/arethetypeswrong.github.io/blob/main/docs/problems/FalseCJS.md)',
    ]);
    expect(cliExitCode(analysis)).toBe(1);
  });

  it('passes an ESM-only package whose only problems are CommonJS and node10 ones', async () => {
    const { analysis, problems } = await attwEsmOnly(
      brokenPackage(
        { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
        {
          'dist/index.js': 'export const a = 1;\n',
          'dist/index.d.ts': 'export declare const a: number;\n',
        },
      ),
    );
    expect(problems).toEqual([]);
    expect(analysis.types && analysis.problems.map((p) => p.kind)).toEqual([
      'NoResolution',
      'CJSResolvesToESM',
    ]);
    expect(cliExitCode(analysis)).toBe(0);
  });

  it("ignores exactly the resolutions of the attw CLI's own esm-only profile", async () => {
    // The CLI exports no profiles; its dist/profiles.js is plain data (no imports), read as is.
    const cli = import.meta.resolve('@arethetypeswrong/cli/package.json');
    const { profiles } = (await import(new URL('dist/profiles.js', cli).href)) as {
      profiles: Record<string, { ignoreResolutions: string[] }>;
    };
    expect(ESM_ONLY_IGNORED_RESOLUTIONS).toEqual(profiles['esm-only']?.ignoreResolutions);
  });
});
