// Generates src/generated/ from the bundled spec: openapi-typescript's `paths`, `components` and
// `operations`, plus the spec's `x-known-values` / `x-terminal-values` as `as const` tuples so that
// the open-ended string unions in src/index.ts follow the spec instead of a hand-kept list.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const specUrl = new URL(import.meta.resolve('@modelarts-lite/spec/openapi.json'));
const outDir = fileURLToPath(new URL('../src/generated/', import.meta.url));
const banner = `/**
 * This file was generated from @modelarts-lite/spec by packages/types/scripts/generate.mjs.
 * Do not edit it: change spec/openapi.yaml and rebuild.
 */
`;

const spec = JSON.parse(await readFile(specUrl, 'utf8'));
const ast = await openapiTS(spec, { alphabetize: false });

/** Collects `name: [values]` for every component schema carrying the given extension. */
function valuesOf(extension) {
  const entries = Object.entries(spec.components?.schemas ?? {})
    .filter(([, schema]) => Array.isArray(schema[extension]))
    .map(([name, schema]) => `  ${name}: ${JSON.stringify(schema[extension])},`);
  return `{\n${entries.join('\n')}\n} as const`;
}

const knownValues = `${banner}
/** Values the spec documents for open-ended string schemas (\`x-known-values\`), by schema name. */
export const knownValues = ${valuesOf('x-known-values')};

/** Values after which a status no longer changes (\`x-terminal-values\`), by schema name. */
export const terminalValues = ${valuesOf('x-terminal-values')};
`;

await mkdir(outDir, { recursive: true });
await writeFile(`${outDir}schema.gen.ts`, `${banner}\n${astToString(ast)}`);
await writeFile(`${outDir}known-values.gen.ts`, knownValues);
console.log(`generated ${outDir}schema.gen.ts and known-values.gen.ts from ${specUrl.pathname}`);
