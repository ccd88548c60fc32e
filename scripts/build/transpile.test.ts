import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./transpile.mjs', import.meta.url));
const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
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
  it("writes tsc's own output, file by file: JavaScript, declarations and both source maps", () => {
    const pkg = packageWith({
      'index.ts':
        "export { add } from './math/add.js';\nexport type { Pair } from './math/add.js';\n",
      'math/add.ts':
        '/** Two numbers. */\nexport type Pair = readonly [number, number];\n' +
        'export const ZERO: Pair = [0, 0];\n' +
        'export function add([a, b]: Pair): number {\n  return a + b;\n}\n',
    });
    execFileSync(process.execPath, [script], { cwd: pkg });
    const ours = filesOf(join(pkg, 'dist'));
    rmSync(join(pkg, 'dist'), { recursive: true });
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--noCheck'], { cwd: pkg });
    expect(Object.keys(ours).sort()).toContain('math/add.d.ts.map');
    expect(ours).toEqual(filesOf(join(pkg, 'dist')));
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
});
