// Per-request cost of signing and verifying, next to the official Huawei Cloud signer
// (`AKSKSigner.sign` from @huaweicloud/huaweicloud-sdk-core) on the same request, in one process.
// Run after `pnpm build`: `pnpm --filter @modelarts-lite/signer bench`. It imports the package by
// name, so Node resolves its `node` entry (node:crypto hashing), as an application would.
//
// The machine is shared, so absolute times drift: every contender runs in each of ROUNDS rounds,
// in a rotating order (interleaved), each round timing BATCH calls; the table shows the median of
// the rounds' per-call times and its ratio to the official signer measured in the same rounds.
import { performance } from 'node:perf_hooks';
import sdkSigner from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import {
  signRequest,
  signRequestSync,
  verifyRequest,
  verifyRequestSync,
} from '@modelarts-lite/signer';

const { AKSKSigner } = sdkSigner;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21);
const BATCH = Number(process.env.BENCH_BATCH ?? 1_000);
const CREDENTIALS = {
  accessKeyId: 'QTWAOYTTINDUT2QVKYUC',
  secretAccessKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
};
const SDK_CREDENTIAL = {
  getAk: () => CREDENTIALS.accessKeyId,
  getSk: () => CREDENTIALS.secretAccessKey,
};
const secretFor = (ak) =>
  ak === CREDENTIALS.accessKeyId ? CREDENTIALS.secretAccessKey : undefined;
const DATE = new Date();
const ORIGIN = 'https://modelarts.cn-north-4.myhuaweicloud.com';
const PROJECT = '0123456789abcdef0123456789abcdef';
const SERVER = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';

/** The two requests measured: a bodiless GET (a poll) and a POST with a JSON body. */
const CASES = {
  'GET operation': {
    method: 'GET',
    path: `/v1/${PROJECT}/dev-servers/${SERVER}/operation/3f9a1c2e-7b4d-4e8f-9a6b-1c2d3e4f5a6b`,
    query: { limit: '10' },
    data: undefined,
  },
  'POST attach volume (JSON body)': {
    method: 'POST',
    path: `/v1/${PROJECT}/dev-servers/${SERVER}/attach-volume`,
    query: {},
    data: { volume_id: 'b1c2d3e4-0000-4000-8000-000000000001', device: '/dev/vdb' },
  },
};

function fetchRequest(c) {
  const query = new URLSearchParams(c.query).toString();
  return new Request(`${ORIGIN}${c.path}${query ? `?${query}` : ''}`, {
    method: c.method,
    headers: { 'Content-Type': 'application/json', 'X-Project-Id': PROJECT },
    ...(c.data ? { body: JSON.stringify(c.data) } : {}),
  });
}

function sdkSign(c) {
  return AKSKSigner.sign(
    {
      method: c.method,
      endpoint: `${ORIGIN}${c.path}`,
      queryParams: c.query,
      headers: { 'Content-Type': 'application/json', 'X-Project-Id': PROJECT },
      data: c.data,
    },
    SDK_CREDENTIAL,
  );
}

/**
 * Each contender is `[prepare, call]`: `prepare(n)` builds n fresh inputs outside the timed
 * loop (a Request is signed or verified once in real use, and each one a Request is built from
 * gains an abort listener), `call(input)` is what is timed.
 */
async function contenders(c) {
  const body = c.data ? JSON.stringify(c.data) : undefined;
  const withBody = body ? { body } : {};
  const requests = (n) => Array.from({ length: n }, () => fetchRequest(c));
  const signedRequests = (n) =>
    Promise.all(requests(n).map((r) => signRequest(r, CREDENTIALS, { date: DATE })));
  // What the async API cannot avoid, timed alone: the new Request signRequest must return and,
  // with a body, reading it from a clone (a stream tee) so that the caller's stays readable.
  const floors = body
    ? {
        'floor: clone + arrayBuffer + new Request': [
          requests,
          async (request) => {
            const bytes = new Uint8Array(await request.clone().arrayBuffer());
            return new Request(request, { body: bytes });
          },
        ],
        'floor: clone + arrayBuffer': [requests, (request) => request.clone().arrayBuffer()],
      }
    : { 'floor: new Request(request)': [requests, (request) => new Request(request)] };
  return {
    'official AKSKSigner.sign': [(n) => Array(n).fill(c), (input) => sdkSign(input)],
    'signRequest (new Request)': [
      requests,
      (request) => signRequest(request, CREDENTIALS, { date: DATE }),
    ],
    'signRequestSync (in place)': [
      requests,
      (request) => signRequestSync(request, CREDENTIALS, { date: DATE, ...withBody }),
    ],
    verifyRequest: [
      signedRequests,
      async (request) => {
        if (!(await verifyRequest(request, secretFor, { now: DATE })).ok) throw new Error('bad');
      },
    ],
    verifyRequestSync: [
      signedRequests,
      (request) => {
        if (!verifyRequestSync(request, secretFor, { now: DATE, ...withBody }).ok) {
          throw new Error('bad');
        }
      },
    ],
    ...floors,
  };
}

/**
 * Wall time and this process's CPU time per call, in µs. CPU time is what other processes on a
 * shared machine disturb least, and here (no I/O) it is the whole cost.
 */
async function timeBatch([prepare, call]) {
  const inputs = await prepare(BATCH);
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < BATCH; i++) {
    const result = call(inputs[i]);
    // Only the async contenders return promises; awaiting a plain value would add a tick.
    if (result instanceof Promise) await result;
  }
  const wall = ((performance.now() - start) * 1000) / BATCH;
  const { user, system } = process.cpuUsage(cpu);
  // A turn of the event loop, as real I/O would give, so Node can run its finalizers.
  await new Promise((resolve) => setImmediate(resolve));
  return { wall, cpu: (user + system) / BATCH };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

console.log(
  `Node ${process.version}; ${ROUNDS} interleaved rounds × ${BATCH} calls per contender; medians of wall and CPU time`,
);
const results = {};
for (const [name, c] of Object.entries(CASES)) {
  const tasks = await contenders(c);
  const names = Object.keys(tasks);
  for (const fn of Object.values(tasks)) await timeBatch(fn); // warm-up (JIT, key cache)
  const samples = Object.fromEntries(names.map((n) => [n, { wall: [], cpu: [] }]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < names.length; k++) {
      const task = names[(round + k) % names.length];
      const { wall, cpu } = await timeBatch(tasks[task]);
      samples[task].wall.push(wall);
      samples[task].cpu.push(cpu);
    }
  }
  const medians = Object.fromEntries(
    names.map((task) => [
      task,
      { wall: median(samples[task].wall), cpu: median(samples[task].cpu) },
    ]),
  );
  results[name] = medians;
  const official = medians['official AKSKSigner.sign'];
  console.log(`\n${name}`);
  console.table(
    names.map((task) => ({
      task,
      'wall µs/call': medians[task].wall.toFixed(2),
      'wall vs official': `${(medians[task].wall / official.wall).toFixed(2)}×`,
      'CPU µs/call': medians[task].cpu.toFixed(2),
      'CPU vs official': `${(medians[task].cpu / official.cpu).toFixed(2)}×`,
    })),
  );
}

/** "wall / CPU" ratios of `task` to the official signer, GET then POST. */
function vsOfficial(task) {
  return Object.fromEntries(
    Object.entries(results).map(([name, medians]) => {
      const official = medians['official AKSKSigner.sign'];
      const row = task in medians ? task : Object.keys(medians).find((k) => k.startsWith(task));
      if (row === undefined) return [name.split(' ')[0], '—'];
      const { wall, cpu } = medians[row];
      return [
        name.split(' ')[0],
        `${(wall / official.wall).toFixed(2)}× / ${(cpu / official.cpu).toFixed(2)}×`,
      ];
    }),
  );
}

console.log('\nGoals (issue 9): wall / CPU ratios to the official signer, from the rounds above');
console.table([
  { row: 'signRequestSync vs official', ...vsOfficial('signRequestSync'), goal: '≤ 1.0×' },
  { row: 'signRequest vs official', ...vsOfficial('signRequest ('), goal: '≤ 1.0×' },
  {
    row: '  its floor: the Request it returns (+ a body read from a clone)',
    ...vsOfficial('floor: '),
    goal: '(limit)',
  },
  { row: 'verifyRequestSync vs official', ...vsOfficial('verifyRequestSync'), goal: '≤ 1.2×' },
  { row: 'verifyRequest vs official', ...vsOfficial('verifyRequest'), goal: '≤ 1.2×' },
  {
    row: '  its floor: reading the body from a clone (POST)',
    ...vsOfficial('floor: clone + arrayBuffer'),
    goal: '(limit)',
  },
]);
