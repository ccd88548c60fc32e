// What the client costs per request, next to plain fetch and bare openapi-fetch, whether its
// timers stay cleared over 100,000 requests, and its minified+gzipped size. Run after
// `pnpm build` (it imports dist/): `pnpm --filter @modelarts-lite/client bench`.
//
// The machine is shared, so absolute times drift. Every contender runs in each of ROUNDS rounds
// in a rotating order (interleaved), BATCH sequential calls per round; tables show the median
// per-call time over the rounds and ratios of medians taken from the same rounds. Over HTTP, the
// server runs in a child process on 127.0.0.1 (port 0), so only the client side is in this one.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import createClient from 'openapi-fetch';
import { createModelArtsClient } from '../dist/index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 45);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);
const LEAK_REQUESTS = Number(process.env.BENCH_LEAK_REQUESTS ?? 100_000);
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

function startServer() {
  const child = fork(fileURLToPath(new URL('./server.mjs', import.meta.url)), [
    JSON.stringify({ URL_PATH, BODY }),
  ]);
  return new Promise((resolve, reject) => {
    child.once('message', ({ port }) => resolve({ child, port }));
    child.once('error', reject);
  });
}

const expectRunning = (data) => {
  if (data?.operation_status !== 'running') throw new Error('unexpected answer');
};

/**
 * A signal per call as the client's pooled deadline hands them out (one controller per 32
 * calls), for timing what a signal on the Request costs openapi-fetch without the client.
 */
function pooledSignals() {
  let controller = new AbortController();
  let uses = 0;
  return () => {
    if (++uses > 32) {
      controller = new AbortController();
      uses = 1;
    }
    return controller.signal;
  };
}

/**
 * The contenders against `baseUrl`, sending with `fetch`; each call checks its answer.
 * `withSignalFloor` adds bare openapi-fetch given a signal per call: in process, a custom fetch
 * finds the client's deadline on the Request, and undici makes every Request built on a signal
 * follow it (a listener plus a finalisation registration), which this row times alone.
 */
function contenders(baseUrl, fetch, withSignalFloor = false) {
  const send = fetch ?? globalThis.fetch;
  const bare = createClient({ baseUrl, fetch });
  const nextSignal = pooledSignals();
  const token = createModelArtsClient({
    baseUrl,
    fetch,
    auth: { token: 'bench-token' },
    projectId: PROJECT_ID,
  });
  const aksk = createModelArtsClient({ baseUrl, fetch, auth: CREDENTIALS, projectId: PROJECT_ID });
  // Shows what the per-attempt deadline costs: the same client without one.
  const untimed = createModelArtsClient({
    baseUrl,
    fetch,
    auth: { token: 'bench-token' },
    projectId: PROJECT_ID,
    timeoutMs: false,
  });
  return {
    'plain fetch': async () => {
      const response = await send(new Request(`${baseUrl}${URL_PATH}`));
      expectRunning(await response.json());
    },
    'bare openapi-fetch': async () =>
      expectRunning((await bare.GET(SCHEMA_PATH, { params: PARAMS })).data),
    ...(withSignalFloor
      ? {
          'bare openapi-fetch + signal': async () =>
            expectRunning(
              (await bare.GET(SCHEMA_PATH, { params: PARAMS, signal: nextSignal() })).data,
            ),
        }
      : {}),
    'client, token auth': async () =>
      expectRunning((await token.GET(SCHEMA_PATH, { params: PARAMS })).data),
    'client, AK/SK auth': async () =>
      expectRunning((await aksk.GET(SCHEMA_PATH, { params: PARAMS })).data),
    'client, token, timeoutMs: false': async () =>
      expectRunning((await untimed.GET(SCHEMA_PATH, { params: PARAMS })).data),
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Wall time and this process's CPU time per call, in µs. CPU time is what other processes on a
 * shared machine disturb least; in process it is the client's whole cost.
 */
async function timeBatch(fn) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < BATCH; i++) await fn();
  const wall = ((performance.now() - start) * 1000) / BATCH;
  const { user, system } = process.cpuUsage(cpu);
  // A turn of the event loop, as real I/O would give, so Node can run its finalizers.
  await new Promise((resolve) => setImmediate(resolve));
  return { wall, cpu: (user + system) / BATCH };
}

/** Interleaved rounds; returns the median wall and CPU µs/call of each contender. */
async function measure(tasks) {
  const names = Object.keys(tasks);
  for (const fn of Object.values(tasks)) await timeBatch(fn); // warm-up: JIT, connection pool
  const samples = Object.fromEntries(names.map((n) => [n, { wall: [], cpu: [] }]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      const { wall, cpu } = await timeBatch(tasks[name]);
      samples[name].wall.push(wall);
      samples[name].cpu.push(cpu);
    }
  }
  return Object.fromEntries(
    names.map((n) => [n, { wall: median(samples[n].wall), cpu: median(samples[n].cpu) }]),
  );
}

function table(title, medians, baseline) {
  console.log(`\n${title}`);
  const base = medians[baseline];
  console.table(
    Object.entries(medians).map(([task, { wall, cpu }]) => ({
      task,
      'wall µs/call': wall.toFixed(1),
      [`wall vs ${baseline}`]: `${(wall / base.wall).toFixed(2)}×`,
      'CPU µs/call': cpu.toFixed(1),
      [`CPU vs ${baseline}`]: `${(cpu / base.cpu).toFixed(2)}×`,
    })),
  );
}

/** Pending timers and heap after `n` calls of the token client, sampled along the way. */
async function timersAndMemory(fetch) {
  const client = createModelArtsClient({
    baseUrl: 'https://bench.test',
    fetch,
    auth: { token: 't' },
  });
  const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  const heapMiB = async () => {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
    gc();
    return process.memoryUsage().heapUsed / 2 ** 20;
  };
  const rows = [];
  const checkpoints = new Set([LEAK_REQUESTS / 10, LEAK_REQUESTS / 2, LEAK_REQUESTS]);
  for (let i = 1; i <= LEAK_REQUESTS; i++) {
    expectRunning((await client.GET(SCHEMA_PATH, { params: PARAMS })).data);
    // A fetch that answers at once never leaves the microtask queue; a real one would. Node frees
    // a Request's signal listeners from a FinalizationRegistry callback, which needs a turn of the
    // event loop, so give it one now and then as any I/O would.
    if (i % 1_000 === 0) await new Promise((resolve) => setImmediate(resolve));
    if (checkpoints.has(i)) {
      rows.push({
        requests: i,
        'pending timers': timers(),
        'heap MiB (after GC)': await heapMiB(),
      });
    }
  }
  const first = rows[0]['heap MiB (after GC)'];
  return rows.map((row) => ({
    ...row,
    'heap MiB (after GC)': row['heap MiB (after GC)'].toFixed(2),
    'vs first': `${(row['heap MiB (after GC)'] / first).toFixed(2)}×`,
  }));
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

console.log(
  `Node ${process.version}; ${ROUNDS} interleaved rounds × ${BATCH} calls per contender; medians`,
);

// Answers without I/O, so only the client's own work is timed.
const inProcess = async () =>
  new Response(BODY, {
    headers: { 'Content-Type': 'application/json', 'Content-Length': `${BODY.length}` },
  });
const local = await measure(contenders('https://bench.test', inProcess, true));
table('GET operation in process (fetch answers at once)', local, 'bare openapi-fetch');

const { child, port } = await startServer();
let http;
try {
  // No \`fetch\` option over HTTP: every contender uses the built-in fetch as a user's would, so the
  // client takes its built-in path (the deadline handed to fetch, not put on the Request).
  http = await measure(contenders(`http://127.0.0.1:${port}`, undefined));
} finally {
  child.disconnect();
  child.kill();
}
table(
  'GET operation over HTTP (127.0.0.1, keep-alive, server in a child process)',
  http,
  'plain fetch',
);

const ratio = (medians, a, b, clock) => `${(medians[a][clock] / medians[b][clock]).toFixed(2)}×`;
console.log('\nGoals (issue 9): ratios of medians from the same interleaved rounds');
console.table([
  {
    row: 'in process, token client vs bare openapi-fetch',
    wall: ratio(local, 'client, token auth', 'bare openapi-fetch', 'wall'),
    CPU: ratio(local, 'client, token auth', 'bare openapi-fetch', 'cpu'),
    goal: '≤ 1.25×',
  },
  {
    row: '  floor: bare openapi-fetch given a signal vs without (the deadline on the Request)',
    wall: ratio(local, 'bare openapi-fetch + signal', 'bare openapi-fetch', 'wall'),
    CPU: ratio(local, 'bare openapi-fetch + signal', 'bare openapi-fetch', 'cpu'),
    goal: '(limit)',
  },
  {
    row: 'over HTTP, token client vs plain fetch',
    wall: ratio(http, 'client, token auth', 'plain fetch', 'wall'),
    CPU: ratio(http, 'client, token auth', 'plain fetch', 'cpu'),
    goal: '≤ 1.10×',
  },
  {
    row: '  floor: bare openapi-fetch vs plain fetch',
    wall: ratio(http, 'bare openapi-fetch', 'plain fetch', 'wall'),
    CPU: ratio(http, 'bare openapi-fetch', 'plain fetch', 'cpu'),
    goal: '(limit)',
  },
  {
    row: 'over HTTP, AK/SK client vs token client',
    wall: ratio(http, 'client, AK/SK auth', 'client, token auth', 'wall'),
    CPU: ratio(http, 'client, AK/SK auth', 'client, token auth', 'cpu'),
    goal: '≤ 1.20×',
  },
  {
    row: '  what signing adds, CPU µs per request: in process / over HTTP',
    wall: '',
    CPU: `${(local['client, AK/SK auth'].cpu - local['client, token auth'].cpu).toFixed(1)} / ${(http['client, AK/SK auth'].cpu - http['client, token auth'].cpu).toFixed(1)}`,
    goal: '',
  },
]);

console.log(
  `\nTimers and memory over ${LEAK_REQUESTS.toLocaleString('en-US')} requests (token client, in process, default 30 s timeout)`,
);
console.table(await timersAndMemory(inProcess));

console.log('\nBundle size of dist/index.js (esbuild, minified, ESM, browser)');
console.table([
  await gzippedSize('client (+ types constants); openapi-fetch and signer external', [
    'openapi-fetch',
    '@modelarts-lite/signer',
  ]),
  await gzippedSize('client + openapi-fetch + signer (everything)', []),
]);
