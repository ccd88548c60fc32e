// `pnpm soak`: 60 s at 50 connections on loopback against the built stub in a child process.
// Prints errors, p50/p99 latency and the server's memory at start, middle and end; exits 1 when
// there is an error or the end's heap is more than 10% above the middle's.
//   node soak/run.mjs [--duration 60] [--connections 50] [--json]
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { soak } from './soak.mjs';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '50' },
    json: { type: 'boolean', default: false },
  },
});
const adminToken = 'soak-admin-token';
const child = fork(new URL('./server.mjs', import.meta.url), {
  execArgv: ['--expose-gc'],
  env: { ...process.env, SOAK_ADMIN_TOKEN: adminToken },
});
const [{ url }] = await once(child, 'message');
const memory = async () => {
  child.send('memory');
  for (;;) {
    const [message] = await once(child, 'message');
    if (message.memory) return message.memory;
  }
};

const result = await soak({
  url,
  durationS: Number(values.duration),
  connections: Number(values.connections),
  memory,
  adminToken,
});
child.kill('SIGTERM');

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const pct = (ratio) => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)}%`;
if (values.json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  console.log(
    `soak: ${result.durationS} s, ${result.connections} connections, ${result.requests} requests (${Math.round(result.requestsPerSecond)}/s), ${result.adminCalls} admin rounds`,
  );
  console.log(
    `errors: ${result.errors} (socket ${result.socketErrors}, timeouts ${result.timeouts}, 5xx ${result.serverErrors}, unexpected status ${result.unexpectedStatuses})`,
  );
  console.log(
    `latency: p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms`,
  );
  console.log('memory (after GC)   start       middle      end');
  const row = (name, key) =>
    console.log(
      `  ${name.padEnd(17)} ${result.memory.map((s) => mb(s[key]).padStart(10)).join('  ')}`,
    );
  row('heap used', 'heapUsed');
  row('rss', 'rss');
  console.log(
    `end vs middle: heap ${pct(result.endVsMiddleHeap)}, rss ${pct(result.endVsMiddleRss)} (goal: end at most +10%)`,
  );
  for (const [kind, counts] of Object.entries(result.byKind)) {
    console.log(
      `  ${kind.padEnd(16)} ${String(counts.requests).padStart(8)} requests, ${counts.unexpected} unexpected`,
    );
  }
}
// The goal is no growth: the end at most 10% above the middle (less is fine).
const memoryOk = (result.endVsMiddleHeap ?? 0) <= 0.1;
process.exitCode = result.errors === 0 && memoryOk ? 0 : 1;
