// Generates src/generated/ (route table, precompiled validators, embedded spec) from the bundled
// spec of @modelarts-lite/spec. Run by the Turbo `generate` task.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generateRouteTable } from './generate-routes.mjs';

const specUrl = new URL(import.meta.resolve('@modelarts-lite/spec/openapi.json'));
const outDir = fileURLToPath(new URL('../src/generated/', import.meta.url));
const spec = JSON.parse(await readFile(specUrl, 'utf8'));
const { operations } = await generateRouteTable({ spec, outDir });
console.log(`generated ${outDir} (${operations.join(', ')}) from ${specUrl.pathname}`);
