// Builds a package's dist/ file by file with oxc's isolated transforms (`oxc-transform`, native):
// the JavaScript with TypeScript's types stripped, and the declarations under the rules of
// TypeScript's `isolatedDeclarations`, each with its source map. No program is built: no lib,
// @types/node or dependency declaration is parsed, so a build needs no other package's build, and
// oxc does in about 0.1 s what TypeScript's own isolated transforms (`transpileModule`,
// `transpileDeclaration`) did in 1 to 2 s, most of it loading TypeScript. Type errors are the
// `typecheck` task's; what this reports is code whose declarations cannot be emitted in isolation
// (an exported function with no return type, say), which `tsc` would have inferred.
// Usage, in a package: node ../../scripts/build/transpile.mjs [--declarations-only] [tsconfig.build.json]
// (--declarations-only where a bundler writes the JavaScript, as the stub's esbuild does).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createFilesMatcher, parseTsconfig } from 'get-tsconfig';
import { transformSync } from 'oxc-transform';

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
let config;
try {
  config = parseTsconfig(configPath);
} catch (error) {
  stop(`${configPath}: ${error.message}`);
}
const options = config.compilerOptions ?? {};
const configDir = dirname(configPath);
if (!options.rootDir || !options.outDir) {
  stop(`${configPath} must set compilerOptions.rootDir and outDir`);
}
// Only what ES module packages need: `"type": "module"` makes each .ts file an ES module, emitted
// as such, which is what NodeNext does for them.
const manifest = JSON.parse(readFileSync(join(configDir, 'package.json'), 'utf8'));
if (manifest.type !== 'module')
  stop(`${manifest.name ?? configPath}: only "type": "module" packages are supported`);
if (options.experimentalDecorators || options.useDefineForClassFields === false) {
  stop(
    `${configPath}: experimentalDecorators and useDefineForClassFields: false are not supported`,
  );
}
const rootDir = resolve(configDir, options.rootDir);
const outDir = resolve(configDir, options.outDir);
const isIncluded = createFilesMatcher({ config, path: configPath });

/** Every file under `dir`, recursively. */
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * A source map as tsc writes it: the output file's name, sources relative to the output's folder
 * (dist/ ships without src/, as before: the map still names the line of each statement) and no
 * embedded sources.
 */
function mapText(map, outFile) {
  const sources = map.sources.map((source) => relative(dirname(outFile), source));
  return JSON.stringify({
    version: 3,
    file: basename(outFile),
    sourceRoot: '',
    sources,
    names: map.names,
    mappings: map.mappings,
  });
}

/** Writes `text` to `outFile`, with its source map beside it when there is one. */
function emit(outFile, text, map) {
  if (!map) return writeFileSync(outFile, text);
  const trailing = text.endsWith('\n') ? '' : '\n';
  writeFileSync(outFile, `${text}${trailing}//# sourceMappingURL=${basename(outFile)}.map`);
  writeFileSync(`${outFile}.map`, mapText(map, outFile));
}

const sources = filesUnder(rootDir)
  .filter((file) => /\.[cm]?tsx?$/.test(file) && !file.endsWith('.d.ts') && isIncluded(file))
  .sort();
const problems = [];
for (const fileName of sources) {
  // tsc would write .mjs/.cjs for these, with their own module format: not needed here, so refused.
  if (!fileName.endsWith('.ts')) stop(`${fileName}: only .ts sources are supported`);
  const result = transformSync(fileName, readFileSync(fileName, 'utf8'), {
    target: String(options.target ?? 'es2022').toLowerCase(),
    sourcemap: Boolean(options.sourceMap || options.declarationMap),
    typescript: {
      // verbatimModuleSyntax: an import without `type` stays, as tsc keeps it.
      onlyRemoveTypeImports: Boolean(options.verbatimModuleSyntax),
      declaration: { stripInternal: Boolean(options.stripInternal) },
    },
  });
  if (result.errors.length > 0) {
    const name = relative(process.cwd(), fileName);
    for (const error of result.errors) {
      problems.push(`${name}: ${error.codeframe ?? error.message}`.replaceAll(fileName, name));
    }
    continue;
  }
  const base = join(outDir, relative(rootDir, fileName)).slice(0, -'.ts'.length);
  mkdirSync(dirname(base), { recursive: true });
  if (!values['declarations-only']) {
    emit(`${base}.js`, result.code, options.sourceMap ? result.map : undefined);
  }
  emit(
    `${base}.d.ts`,
    result.declaration,
    options.declarationMap ? result.declarationMap : undefined,
  );
}
if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exit(1);
}
