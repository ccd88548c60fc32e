// Measures what the client costs per request, next to plain fetch and bare openapi-fetch, and its
// minified+gzipped size. Run after `pnpm build` (it imports dist/): `pnpm bench`.
//
// Two request tables: over HTTP to a local node:http server (what a call really costs, loopback
// round-trip included), and in process with a fetch that answers at once (the client's own
// overhead, which the round-trip would otherwise hide). Iterations are bounded by tinybench's time
// budget; the server listens on 127.0.0.1 only and is closed at the end.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import createClient from 'openapi-fetch';
import { Bench } from 'tinybench';
import { createModelArtsClient } from '../dist/index.js';

const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const SERVER_ID = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const OPERATION_ID = '3f9a1c2e-7b4d-4e8f-9a6b-1c2d3e4f5a6b';
const SCHEMA_PATH = '/v1/{project_id}/dev-servers/{id}/operation/{operation_id}';
const URL_PATH = `/v1/${PROJECT_ID}/dev-servers/${SERVER_ID}/operation/${OPERATION_ID}`;
const PARAMS = { path: { project_id: PROJECT_ID, id: SERVER_ID, operation_id: OPERATION_ID } };
const BODY = JSON.stringify({
  operation_id: OPERATION_ID,
  operation_status: 'running',
  operation_type: 'node_attach_volume',
});
const CREDENTIALS = {
  accessKeyId: 'QTWAOYTTINDUT2QVKYUC',
  secretAccessKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
};
const BENCH_OPTIONS = { time: 1_500, iterations: 200, warmupTime: 300, warmupIterations: 50 };

function startServer() {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === URL_PATH) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Request-Id': 'bench' });
      res.end(BODY);
    } else {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end('{"error_code":"APIGW.0101","error_msg":"not found","request_id":"bench"}');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** The four contenders against `baseUrl`, sending with `fetch`; each call checks its answer. */
function contenders(baseUrl, fetch) {
  const bare = createClient({ baseUrl, fetch });
  const token = createModelArtsClient({
    baseUrl,
    fetch,
    auth: { token: 'bench-token' },
    projectId: PROJECT_ID,
  });
  const aksk = createModelArtsClient({ baseUrl, fetch, auth: CREDENTIALS, projectId: PROJECT_ID });
  const expectRunning = (data) => {
    if (data?.operation_status !== 'running') throw new Error('unexpected answer');
  };
  return {
    'plain fetch': async () => {
      const response = await fetch(new Request(`${baseUrl}${URL_PATH}`));
      expectRunning(await response.json());
    },
    'bare openapi-fetch': async () =>
      expectRunning((await bare.GET(SCHEMA_PATH, { params: PARAMS })).data),
    'client, token auth': async () =>
      expectRunning((await token.GET(SCHEMA_PATH, { params: PARAMS })).data),
    'client, AK/SK auth': async () =>
      expectRunning((await aksk.GET(SCHEMA_PATH, { params: PARAMS })).data),
  };
}

async function measure(name, tasks) {
  // Warms every contender (JIT, connection pool) before any is timed, so the first task measured
  // does not pay for the others' warm-up.
  for (const fn of Object.values(tasks)) {
    for (let i = 0; i < 300; i++) await fn();
  }
  const bench = new Bench({ name, throws: true, ...BENCH_OPTIONS });
  for (const [task, fn] of Object.entries(tasks)) bench.add(task, fn);
  await bench.run();
  const baseline = bench.tasks[0].result.latency.mean;
  console.log(`\n${name}`);
  console.table(
    bench.tasks.map(({ name: task, result: { latency } }) => ({
      task,
      'mean µs/op': (latency.mean * 1000).toFixed(1),
      'p50 µs/op': (latency.p50 * 1000).toFixed(1),
      // From the mean latency, so that the two columns agree (tinybench's own throughput is the
      // mean of per-sample rates, which outliers skew).
      'ops/s': Math.round(1000 / latency.mean).toLocaleString('en-US'),
      '± %': latency.rme.toFixed(1),
      'vs plain fetch': `${(latency.mean / baseline).toFixed(2)}×`,
    })),
  );
}

async function gzippedSize(label, external) {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../dist/index.js', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    external,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return {
    bundle: label,
    'min bytes': code.length,
    'min+gzip bytes': gzipSync(code, { level: 9 }).length,
  };
}

const server = await startServer();
try {
  const { port } = server.address();
  const baseUrl = `http://127.0.0.1:${port}`;
  console.log(`Node ${process.version}; ${BENCH_OPTIONS.time} ms per task after warm-up`);
  await measure(
    'GET operation over HTTP (127.0.0.1, keep-alive)',
    contenders(baseUrl, globalThis.fetch),
  );

  // Answers without I/O, so only the client's own work is timed.
  const inProcess = async () =>
    new Response(BODY, {
      headers: { 'Content-Type': 'application/json', 'Content-Length': `${BODY.length}` },
    });
  await measure(
    'GET operation in process (fetch answers at once)',
    contenders('https://bench.test', inProcess),
  );
} finally {
  server.closeAllConnections();
  server.close();
}

console.log('\nBundle size of dist/index.js (esbuild, minified, ESM, browser)');
console.table([
  await gzippedSize('client (+ types constants); openapi-fetch and signer external', [
    'openapi-fetch',
    '@modelarts-lite/signer',
  ]),
  await gzippedSize('client + openapi-fetch + signer (everything)', []),
]);
