// The stub as a user runs it, from the build: request validation, token auth against a known token,
// and response validation (the default) all on, no request log. Started by ../run.mjs in a process
// of its own.
import { serve } from '../../dist/node.js';

const served = await serve({
  port: Number(process.env.PORT),
  host: '127.0.0.1',
  // A token set turns auth from "any non-empty token" into a lookup, as a contract test would use it.
  tokens: [process.env.BENCH_TOKEN ?? 'bench-token'],
  validateResponses: true,
});
process.once('SIGTERM', () => served.close().then(() => process.exit(0)));
