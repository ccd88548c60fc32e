// Loader hook for test/lazy-imports.test.ts: prints `imported <specifier>` to stderr whenever a
// module that the stub should load only on first use is resolved.
// The served document is reported as `openapi.gen` whatever the file is named: `openapi.gen.js`
// unbundled, a chunk with a content hash (`openapi.gen-<hash>.js`) in the bundled build.
const LAZY = /^(json-schema-faker|@scalar\/hono-api-reference|@modelarts-lite\/signer)$/;
const SERVED_DOCUMENT = /(^|\/)openapi\.gen(-[A-Z0-9]+)?\.js$/;

export async function resolve(specifier, context, next) {
  if (LAZY.test(specifier)) process.stderr.write(`imported ${specifier}\n`);
  else if (SERVED_DOCUMENT.test(specifier)) process.stderr.write('imported openapi.gen\n');
  return next(specifier, context);
}
