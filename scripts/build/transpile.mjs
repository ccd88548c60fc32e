// Builds a package's dist/ file by file with TypeScript's isolated transforms: `transpileModule`
// for the JavaScript and `transpileDeclaration` (TypeScript 5.5+, under `isolatedDeclarations`) for
// the declarations, with their source maps. The output is tsc's, but no program is built: no lib,
// @types/node or dependency declaration is parsed, so a build takes a fraction of `tsc --noCheck`'s
// time and needs no other package's build. Type errors are the `typecheck` task's; what this reports
// is code whose declarations cannot be emitted in isolation (an exported function with no return
// type, say), which `tsc` would have inferred.
// Usage, in a package: node ../../scripts/build/transpile.mjs [--declarations-only] [tsconfig.build.json]
// (--declarations-only where a bundler writes the JavaScript, as the stub's esbuild does).
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

// Required, not imported: an ESM import of TypeScript's 9 MB CommonJS file makes Node scan it for
// its format and its exports first, about half a second of CPU a build.
const ts = createRequire(import.meta.url)('typescript');

const { values, positionals } = parseArgs({
  options: { 'declarations-only': { type: 'boolean', default: false } },
  allowPositionals: true,
});
const configPath = resolve(positionals[0] ?? 'tsconfig.build.json');
const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) };
const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, host);
if (config.errors.length > 0) fail(config.errors);
// transpileModule cannot see package.json's "type": every package here is ESM, for which NodeNext
// emits what ESNext does.
const options = {
  ...config.options,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
};
const declarationOptions = { ...options, declaration: true, isolatedDeclarations: true };
const { rootDir, outDir } = options;

function fail(diagnostics) {
  const formatHost = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: ts.sys.getCurrentDirectory,
    getNewLine: () => ts.sys.newLine,
  };
  process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost));
  process.exit(1);
}

const diagnostics = [];
for (const fileName of config.fileNames) {
  if (fileName.endsWith('.d.ts')) continue;
  const source = ts.sys.readFile(fileName);
  const base = join(outDir, relative(rootDir, fileName)).replace(/\.(m|c)?tsx?$/, '');
  const js = values['declarations-only']
    ? undefined
    : ts.transpileModule(source, { fileName, compilerOptions: options, reportDiagnostics: true });
  const dts = ts.transpileDeclaration(source, {
    fileName,
    compilerOptions: declarationOptions,
    reportDiagnostics: true,
  });
  diagnostics.push(...(js?.diagnostics ?? []), ...(dts.diagnostics ?? []));
  mkdirSync(dirname(base), { recursive: true });
  if (js) {
    writeFileSync(`${base}.js`, js.outputText);
    if (js.sourceMapText) writeFileSync(`${base}.js.map`, js.sourceMapText);
  }
  writeFileSync(`${base}.d.ts`, dts.outputText);
  if (dts.sourceMapText) writeFileSync(`${base}.d.ts.map`, dts.sourceMapText);
}
if (diagnostics.length > 0) fail(diagnostics);
