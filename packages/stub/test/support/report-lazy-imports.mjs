// Loader hook for test/lazy-imports.test.ts: prints `imported <specifier>` to stderr whenever a
// module that the stub should load only on first use is resolved.
const LAZY =
  /^(json-schema-faker|@scalar\/hono-api-reference|@modelarts-lite\/signer)$|openapi\.gen\.js$/;

export async function resolve(specifier, context, next) {
  if (LAZY.test(specifier)) process.stderr.write(`imported ${specifier}\n`);
  return next(specifier, context);
}
