// Prints, as one JSON line, how long each module takes to import in a fresh process, in the order
// the stub's start-up loads them (each figure excludes what earlier ones already loaded), then the
// modules the stub loads only on first use. Run by ../run.mjs in a child process, many times.
const here = (path) => new URL(path, import.meta.url).href;

const STARTUP = [
  ['node:http', 'node:http'],
  ['hono', 'hono'],
  ['@hono/node-server', '@hono/node-server'],
  ['ajv runtime helpers', 'ajv/dist/runtime/ucs2length.js'],
  ['generated route table', here('../../dist/generated/routes.gen.js')],
  ['the stub (the rest of src/, bundled)', here('../../dist/node.js')],
];
const ON_FIRST_USE = [
  ['@modelarts-lite/signer (AK/SK)', '@modelarts-lite/signer'],
  ['json-schema-faker (dynamic data)', 'json-schema-faker'],
  ['@scalar/hono-api-reference (/docs)', '@scalar/hono-api-reference'],
];

const times = {};
for (const [name, specifier] of [...STARTUP, ...ON_FIRST_USE]) {
  const started = performance.now();
  await import(specifier);
  times[name] = performance.now() - started;
}
console.log(
  JSON.stringify({ times, startup: STARTUP.map(([n]) => n), lazy: ON_FIRST_USE.map(([n]) => n) }),
);
