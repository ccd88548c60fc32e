// A bounded load run against a served stub: autocannon keeps `connections` connections busy with a
// mix of valid, invalid, unauthenticated, AK/SK-signed, unknown and stateful requests, while an
// admin loop creates operations and resets the state. Counts errors (socket errors, timeouts, 5xx
// and any status outside what each request may get), p99 latency, and the server's memory at the
// start, middle and end. Plain JS so that `pnpm soak` runs on the build; the tests import it too.
import { signRequest } from '@modelarts-lite/signer';
import autocannon from 'autocannon';

const SERVER = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const OTHER_SERVER = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const PROJECT = '0123456789abcdef0123456789abcdef';
const TOKEN = 'soak-token';
// Huawei's public example pair, the stub's default: not a secret.
const AK = 'QTWAOYTTINDUT2QVKYUC';
const SK = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc';

const operationPath = (server, operation) =>
  `/v1/${PROJECT}/dev-servers/${server}/operation/${operation}`;

async function signedHeaders(url, path) {
  // Signed once: the signature stays valid for the 15 minutes of X-Sdk-Date skew, longer than a run.
  const signed = await signRequest(
    new Request(`${url}${path}`, { headers: { 'content-type': 'application/json' } }),
    { accessKeyId: AK, secretAccessKey: SK },
  );
  return Object.fromEntries(signed.headers);
}

/** @type {import('./soak.d.mts').soak} */
export async function soak({ url, durationS, connections, memory, adminToken, onSample }) {
  const adminHeaders = {
    'content-type': 'application/json',
    ...(adminToken === undefined ? {} : { 'x-stub-admin-token': adminToken }),
  };
  const byKind = {};
  let unexpected = 0;
  const expectStatus = (kind, allowed) => (status) => {
    byKind[kind] ??= { requests: 0, unexpected: 0 };
    const counts = byKind[kind];
    counts.requests += 1;
    if (!allowed.includes(status)) {
      counts.unexpected += 1;
      unexpected += 1;
    }
  };
  const stateful = operationPath(SERVER, 'soak-op');
  const requests = [
    { kind: 'valid', path: stateful, headers: { 'x-auth-token': TOKEN }, allowed: [200, 400] },
    {
      kind: 'valid',
      path: operationPath(OTHER_SERVER, 'op'),
      headers: { 'x-auth-token': TOKEN, prefer: 'example=failed' },
      allowed: [200],
    },
    {
      kind: 'invalid',
      path: operationPath('not-a-uuid', 'op'),
      headers: { 'x-auth-token': TOKEN },
      allowed: [400],
    },
    { kind: 'unauthenticated', path: stateful, headers: {}, allowed: [401] },
    {
      kind: 'signed',
      path: stateful,
      headers: await signedHeaders(url, stateful),
      allowed: [200, 400],
    },
    {
      kind: 'bad signature',
      path: stateful,
      headers: {
        ...(await signedHeaders(url, stateful)),
        'x-sdk-date': '20200101T000000Z',
      },
      allowed: [401],
    },
    { kind: 'unknown API', path: '/v1/nope', headers: {}, allowed: [404] },
  ].map(({ kind, path, headers, allowed }) => ({
    method: 'GET',
    path,
    headers,
    onResponse: expectStatus(kind, allowed),
  }));

  // The admin loop: operations created and the state reset while the load runs.
  let adminRunning = true;
  let adminCalls = 0;
  const adminLoop = (async () => {
    const check = expectStatus('admin', [201, 204]);
    for (let round = 0; adminRunning; round += 1) {
      try {
        const create = await fetch(`${url}/__stub/operations`, {
          method: 'POST',
          headers: adminHeaders,
          body: JSON.stringify({
            serverId: SERVER,
            operationId: round % 2 === 0 ? 'soak-op' : `soak-op-${round}`,
            type: 'node_attach_volume',
            lifecycle: { runningAt: 100, finishedAt: 500, outcome: 'success' },
          }),
        });
        await create.arrayBuffer();
        check(create.status);
        if (round % 5 === 4) {
          const reset = await fetch(`${url}/__stub/state`, {
            method: 'DELETE',
            headers: adminHeaders,
          });
          await reset.arrayBuffer();
          check(reset.status);
        }
        adminCalls += 1;
      } catch {
        check(0);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();

  // Middle and end are both read under load (the end a moment before it stops), so that they
  // compare like with like; each is the median of three reads, which smooths what is in flight.
  const samples = [];
  const sample = async (at) => {
    const reads = [];
    for (let i = 0; i < 3; i += 1) {
      reads.push(await memory());
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const median = (key) => reads.map((r) => r[key]).sort((a, b) => a - b)[1];
    const value = { at, rss: median('rss'), heapUsed: median('heapUsed') };
    samples.push(value);
    onSample?.(value);
  };
  await sample('start');
  const pending = [];
  const timers = [
    setTimeout(() => pending.push(sample('middle')), (durationS * 1000) / 2),
    setTimeout(
      () => pending.push(sample('end')),
      Math.max(durationS * 1000 - 1000, (durationS * 1000 * 3) / 4),
    ),
  ];
  const result = await autocannon({
    url,
    connections,
    duration: durationS,
    requests,
    timeout: 10,
  });
  for (const timer of timers) clearTimeout(timer);
  await Promise.all(pending);
  adminRunning = false;
  await adminLoop;

  const mid = samples.find((s) => s.at === 'middle');
  const end = samples.find((s) => s.at === 'end');
  return {
    durationS,
    connections,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    adminCalls,
    errors: result.errors + result.timeouts + unexpected + result['5xx'],
    socketErrors: result.errors,
    timeouts: result.timeouts,
    serverErrors: result['5xx'],
    unexpectedStatuses: unexpected,
    byKind,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    memory: samples,
    endVsMiddleHeap: mid && end ? end.heapUsed / mid.heapUsed - 1 : undefined,
    endVsMiddleRss: mid && end ? end.rss / mid.rss - 1 : undefined,
  };
}
