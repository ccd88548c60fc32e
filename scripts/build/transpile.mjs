// Builds a package's dist/ file by file with TypeScript's isolated transforms: `transpileModule`
// for the JavaScript and `transpileDeclaration` (TypeScript 5.5+, under `isolatedDeclarations`) for
// the declarations, with their source maps. The output is tsc's, but no program is built: no lib,
// @types/node or dependency declaration is parsed, so a build takes a fraction of `tsc --noCheck`'s
// time and needs no other package's build. Type errors are the `typecheck` task's; what this reports
// is code whose declarations cannot be emitted in isolation (an exported function with no return
// type, say), which `tsc` would have inferred.
// Usage, in a package: node ../../scripts/build/transpile.mjs [--declarations-only] [tsconfig.build.json]
// (--declarations-only where a bundler writes the JavaScript, as the stub's esbuild does).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

// Required, not imported: an ESM import of TypeScript's 9 MB CommonJS file makes Node scan it for
// its format and its exports first, about half a second of CPU a build.
const ts = createRequire(import.meta.url)('typescript');

/** Stops the build with a one-line reason (a usage or configuration error, not a diagnostic). */
function stop(reason) {
  process.stderr.write(`transpile: ${reason}\n`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    options: { 'declarations-only': { type: 'boolean', default: false } },
    allowPositionals: true,
  });
} catch (error) {
  stop(`${error.message}; usage: transpile.mjs [--declarations-only] [tsconfig.build.json]`);
}
const { values, positionals } = parsed;
const configPath = resolve(positionals[0] ?? 'tsconfig.build.json');
const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) };
const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, host);
if (config.errors.length > 0) fail(config.errors);
if (!config.options.rootDir || !config.options.outDir) {
  stop(`${configPath} must set compilerOptions.rootDir and outDir`);
}
// transpileModule cannot see package.json's "type", so it is read here: for an ES module package,
// NodeNext emits what ESNext does. Every package in this repository is one.
const manifest = JSON.parse(readFileSync(join(dirname(configPath), 'package.json'), 'utf8'));
if (manifest.type !== 'module')
  stop(`${manifest.name ?? configPath}: only "type": "module" packages are supported`);
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
  // tsc would write .mjs/.cjs for these, with their own module format: not needed here, so refused.
  if (!fileName.endsWith('.ts')) stop(`${fileName}: only .ts sources are supported`);
  const source = ts.sys.readFile(fileName);
  const base = join(outDir, relative(rootDir, fileName)).slice(0, -'.ts'.length);
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
