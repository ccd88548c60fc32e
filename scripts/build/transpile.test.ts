import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./transpile.mjs', import.meta.url));
const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
const tsc7 = fileURLToPath(new URL('../node_modules/typescript-7/bin/tsc', import.meta.url));
const baseConfig = fileURLToPath(new URL('../../tsconfig.base.json', import.meta.url));

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A throwaway ESM package with the repository's compiler options and the given sources. */
function packageWith(files: Record<string, string>, manifest = '{ "type": "module" }'): string {
  dir = mkdtempSync(join(tmpdir(), 'transpile-'));
  writeFileSync(join(dir, 'package.json'), manifest);
  writeFileSync(
    join(dir, 'tsconfig.build.json'),
    JSON.stringify({
      extends: baseConfig,
      compilerOptions: { rootDir: 'src', outDir: 'dist', types: [] },
      include: ['src'],
    }),
  );
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, 'src', name, '..'), { recursive: true });
    writeFileSync(join(dir, 'src', name), text);
  }
  return dir;
}

function filesOf(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(folder, { recursive: true }) as string[]) {
    if (/\.(js|ts|map)$/.test(name)) out[name] = readFileSync(join(folder, name), 'utf8');
  }
  return out;
}

describe('scripts/build/transpile.mjs', () => {
  it("writes tsc's files, file by file: JavaScript, declarations and source maps naming tsc's sources", async () => {
    const pkg = packageWith({
      'index.ts':
        "export { add } from './math/add.js';\nexport type { Pair } from './math/add.js';\n" +
        "export { SumError } from './math/sum-error.js';\n",
      'math/add.ts':
        '/** Two numbers. */\nexport type Pair = readonly [number, number];\n' +
        'export const ZERO: Pair = [0, 0];\n' +
        'export function add([a, b]: Pair): number {\n  return a + b;\n}\n',
      'math/sum-error.ts':
        'export class SumError extends Error {\n' +
        "  override readonly name = 'SumError';\n" +
        '  declare readonly cause: unknown;\n}\n',
    });
    execFileSync(process.execPath, [script], { cwd: pkg });
    const ours = filesOf(join(pkg, 'dist'));
    execFileSync(
      process.execPath,
      [tsc, '-p', 'tsconfig.build.json', '--noCheck', '--outDir', 'dist-tsc'],
      { cwd: pkg },
    );
    const theirs = filesOf(join(pkg, 'dist-tsc'));
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
    expect(Object.keys(ours)).toContain('math/add.d.ts.map');
    for (const name of Object.keys(ours)) {
      if (name.endsWith('.map')) {
        const { file, sources, sourceRoot } = JSON.parse(theirs[name] as string);
        expect(JSON.parse(ours[name] as string), name).toMatchObject({ file, sources, sourceRoot });
      } else {
        expect(ours[name]?.split('\n').at(-1), name).toBe(theirs[name]?.split('\n').at(-1));
      }
    }
    expect(ours['math/add.d.ts']).toContain('/** Two numbers. */');

    // The JavaScript runs as tsc's does: class fields defined (ES2022), `declare` ones not.
    const index = await import(pathToFileURL(join(pkg, 'dist/index.js')).href);
    expect(index.add([2, 3])).toBe(5);
    const error = new index.SumError('x');
    expect([error.name, Object.hasOwn(error, 'cause')]).toEqual(['SumError', false]);

    // The declarations carry the types: a wrong call fails to compile, or the expectation would.
    writeFileSync(
      join(pkg, 'consumer.ts'),
      "import { add, type Pair, SumError } from './dist/index.js';\n" +
        'const sum: number = add([1, 2] satisfies Pair);\n' +
        "const name: 'SumError' = new SumError().name;\n" +
        '// @ts-expect-error: a pair of strings is no Pair\n' +
        "add(['a', 'b']);\n" +
        'export { sum, name };\n',
    );
    const check = spawnSync(
      process.execPath,
      [tsc7, '--noEmit', '--strict', '--module', 'nodenext', '--types', '', 'consumer.ts'],
      { cwd: pkg, encoding: 'utf8' },
    );
    expect(check.stdout).toBe('');
    expect(check.status).toBe(0);
  });

  it('writes declarations only with --declarations-only (a bundler writes the JavaScript)', () => {
    const pkg = packageWith({ 'index.ts': 'export const one: number = 1;\n' });
    execFileSync(process.execPath, [script, '--declarations-only'], { cwd: pkg });
    expect(Object.keys(filesOf(join(pkg, 'dist'))).sort()).toEqual([
      'index.d.ts',
      'index.d.ts.map',
    ]);
  });

  it('fails, naming the file and the rule, on an export whose type would have to be inferred', () => {
    const pkg = packageWith({
      'index.ts': 'export function twice(n: number) {\n  return n * 2;\n}\n',
    });
    const result = spawnSync(process.execPath, [script], { cwd: pkg, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('src/index.ts');
    expect(result.stderr).toContain('TS9007');
  });

  it('refuses, in one line, a package that is not an ES module and an unknown flag', () => {
    const pkg = packageWith({ 'index.ts': 'export const one: number = 1;\n' }, '{ "name": "cjs" }');
    const cjs = spawnSync(process.execPath, [script], { cwd: pkg, encoding: 'utf8' });
    expect(cjs.status).toBe(1);
    expect(cjs.stderr).toBe('transpile: cjs: only "type": "module" packages are supported\n');
    const flag = spawnSync(process.execPath, [script, '--watch'], { cwd: pkg, encoding: 'utf8' });
    expect(flag.status).toBe(1);
    expect(flag.stderr).toMatch(/^transpile: .*--watch.*; usage: transpile\.mjs/);
  });

  it('refuses, in one line, a missing tsconfig and class fields it would emit differently from tsc', () => {
    const pkg = packageWith({ 'index.ts': 'export class A {\n  a?: number;\n}\n' });
    const missing = spawnSync(process.execPath, [script, 'nope.json'], {
      cwd: pkg,
      encoding: 'utf8',
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^transpile: .*nope\.json: .+\n$/);
    const config = JSON.parse(readFileSync(join(pkg, 'tsconfig.build.json'), 'utf8'));
    config.compilerOptions.useDefineForClassFields = false;
    writeFileSync(join(pkg, 'tsconfig.build.json'), JSON.stringify(config));
    const legacy = spawnSync(process.execPath, [script], { cwd: pkg, encoding: 'utf8' });
    expect(legacy.status).toBe(1);
    expect(legacy.stderr).toMatch(
      /^transpile: .*useDefineForClassFields: false are not supported\n$/,
    );
  });
});
