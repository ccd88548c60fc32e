// Runs hostile requests (./arbitraries.mjs) against a stub in-process or over raw sockets, and
// checks every answer with the oracle (./oracle.mjs). Plain JS so that `pnpm fuzz` runs on the
// build; the tests import it too, with a stub built from the sources.
import fc from 'fast-check';
import { hostileRequest, sentHeaders } from './arbitraries.mjs';
import { createOracle } from './oracle.mjs';
import { rawRequest } from './raw-http.mjs';

const BATCH = 500;

/** Seeded hostile requests, endlessly: batch n is drawn with seed + n. */
function* samples(seed) {
  for (let batch = 0; ; batch += 1) {
    yield* fc.sample(hostileRequest, { seed: seed + batch, numRuns: BATCH });
  }
}

function preferOf(headers) {
  return headers
    .filter(([name]) => name.toLowerCase() === 'prefer')
    .map(([, value]) => value)
    .join(', ');
}

function summary(request) {
  const headers = sentHeaders(request).map(([n, v]) => [
    n,
    v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v,
  ]);
  const target =
    request.target.length > 200
      ? `${request.target.slice(0, 200)}…(${request.target.length})`
      : request.target;
  const body =
    request.body === undefined || request.body.length <= 80
      ? request.body
      : `${request.body.slice(0, 80)}…(${request.body.length})`;
  return { method: request.method, target, headers, body, lengthLie: request.lengthLie };
}

function newStats(mode, seed) {
  return { mode, seed, tried: 0, skipped: 0, statuses: {}, violations: [] };
}

function watchProcess(stats) {
  const onError = (error) => {
    stats.violations.push({ problem: `unhandled: ${error?.stack ?? error}`, request: undefined });
  };
  process.on('unhandledRejection', onError);
  process.on('uncaughtException', onError);
  return () => {
    process.off('unhandledRejection', onError);
    process.off('uncaughtException', onError);
  };
}

function record(stats, check, request, answer) {
  stats.statuses[answer.status] = (stats.statuses[answer.status] ?? 0) + 1;
  const problem = check({ ...request, prefer: preferOf(request.headers) }, answer);
  if (problem !== undefined && stats.violations.length < 1000) {
    stats.violations.push({ problem, request: summary(request) });
  }
}

/** @type {import('./fuzz-harness.d.mts').fuzzInProcess} */
export async function fuzzInProcess({ stub, runs, seed }) {
  const stats = newStats('in-process', seed);
  const check = createOracle(stub.routes);
  const unwatch = watchProcess(stats);
  try {
    for (const request of samples(seed)) {
      if (stats.tried >= runs) break;
      let web;
      try {
        const hasBody =
          request.body !== undefined && !['GET', 'HEAD'].includes(request.method.toUpperCase());
        web = new Request(`http://stub${request.target}`, {
          method: request.method,
          headers: sentHeaders(request),
          ...(hasBody ? { body: request.body } : {}),
        });
      } catch {
        // fetch itself refuses it (bad method, header or URL): only a raw socket can send it.
        stats.skipped += 1;
        continue;
      }
      stats.tried += 1;
      try {
        const response = await stub.fetch(web);
        const body = await response.text();
        record(stats, check, request, {
          status: response.status,
          requestId: response.headers.get('x-request-id'),
          body,
        });
      } catch (error) {
        stats.violations.push({
          problem: `fetch rejected: ${error?.name}: ${error?.message}`,
          request: summary(request),
        });
      }
    }
  } finally {
    unwatch();
  }
  return stats;
}

function toBytes(request) {
  const lines = [`${request.method} ${request.target} HTTP/1.1`];
  const headers = sentHeaders(request);
  if (!headers.some(([name]) => name.toLowerCase() === 'host')) lines.push('Host: stub');
  for (const [name, value] of headers) lines.push(`${name}: ${value}`);
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  if (body !== undefined || request.lengthLie !== undefined) {
    const length = (body?.length ?? 0) + (request.lengthLie ?? 0);
    lines.push(`Content-Length: ${length}`);
  }
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`);
  return body === undefined ? head : Buffer.concat([head, body]);
}

/** @type {import('./fuzz-harness.d.mts').fuzzSockets} */
export async function fuzzSockets({ port, routes, runs, seed, concurrency = 8, timeoutMs = 5000 }) {
  const stats = newStats('raw sockets', seed);
  const check = createOracle(routes);
  const unwatch = watchProcess(stats);
  const queue = samples(seed);
  const worker = async () => {
    while (stats.tried < runs) {
      const request = queue.next().value;
      stats.tried += 1;
      const answer = await rawRequest(port, toBytes(request), timeoutMs);
      record(stats, check, request, {
        status: answer.status,
        requestId: answer.headers.get('x-request-id'),
        body: answer.body,
      });
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    unwatch();
  }
  return stats;
}
