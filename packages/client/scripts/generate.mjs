// Generates src/generated/regions.gen.ts from the bundled spec's `servers`, so the region →
// endpoint table follows the spec instead of a hand-kept list: the templated server expands over
// its `region` enum, and each server carrying `x-region` (a region whose host differs) is added
// with its own URL.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const specUrl = new URL(import.meta.resolve('@modelarts-lite/spec/openapi.json'));
const outDir = fileURLToPath(new URL('../src/generated/', import.meta.url));
const banner = `/**
 * This file was generated from @modelarts-lite/spec by packages/client/scripts/generate.mjs.
 * Do not edit it: change spec/openapi.yaml and rebuild.
 */
`;

const spec = JSON.parse(await readFile(specUrl, 'utf8'));
const servers = spec.servers ?? [];

const templated = servers.find((server) => server.variables?.region);
if (!templated) {
  throw new Error('spec has no server with a `region` variable');
}
const { enum: templatedRegions, default: defaultRegion } = templated.variables.region;
if (!Array.isArray(templatedRegions) || templatedRegions.length === 0) {
  throw new Error('the `region` server variable has no enum');
}

const endpoints = new Map();
for (const region of templatedRegions) {
  endpoints.set(region, templated.url.replaceAll('{region}', region));
}
for (const server of servers.filter((s) => typeof s['x-region'] === 'string')) {
  if (server.url.includes('{')) {
    throw new Error(`server ${server.url} of x-region ${server['x-region']} must not be templated`);
  }
  // An explicit server wins over the template: that is the reason it exists.
  endpoints.set(server['x-region'], server.url);
}
if (!endpoints.has(defaultRegion)) {
  throw new Error(`default region ${defaultRegion} has no endpoint`);
}

const sorted = [...endpoints].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const source = `${banner}
/** ModelArts endpoint of every region the spec lists, by region ID. */
export const regionEndpoints = {
${sorted.map(([region, url]) => `  ${JSON.stringify(region)}: ${JSON.stringify(url)},`).join('\n')}
} as const;

/** The spec's default region (the \`region\` server variable's default). */
export const defaultRegion = ${JSON.stringify(defaultRegion)} as const;
`;

await mkdir(outDir, { recursive: true });
await writeFile(`${outDir}regions.gen.ts`, source);
console.log(
  `generated ${outDir}regions.gen.ts (${endpoints.size} regions) from ${specUrl.pathname}`,
);
