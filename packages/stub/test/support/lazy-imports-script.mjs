// Run by test/lazy-imports.test.ts in a child process with the report-lazy-imports hook: creates a
// stub from the build and sends the requests named on the command line, one per line of stdout.
import { createStub } from '../../dist/index.js';

const stub = createStub();
const path =
  '/v1/0123456789abcdef0123456789abcdef/dev-servers/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/operation/3f9a1c2e-7b4d-4e8f-9a6b-1c2d3e4f5a6b';
const requests = {
  token: [path, { 'x-auth-token': 't' }],
  dynamic: [path, { 'x-auth-token': 't', prefer: 'dynamic=true' }],
  docs: ['/docs', {}],
  openapi: ['/openapi.json', {}],
  signed: [path, { authorization: 'SDK-HMAC-SHA256 Access=A, SignedHeaders=host, Signature=00' }],
};
for (const name of process.argv.slice(2)) {
  const [url, headers] = requests[name];
  const response = await stub.fetch(url, { headers });
  process.stderr.write(`${name} ${response.status}\n`);
}
