// `pnpm fuzz`: 100,000+ hostile requests against the built stub, in-process and over raw sockets,
// each answer checked against the spec and API Gateway's documented answers. Prints requests tried,
// statuses seen and violations found (goal: 0); exits 1 on any violation.
//   node fuzz/run.mjs [--runs 100000] [--socket-runs 20000] [--seed 20261201] [--json]
import { parseArgs } from 'node:util';
import { createStub } from '../dist/index.js';
import { serve } from '../dist/node.js';
import { fuzzInProcess, fuzzSockets } from './fuzz-harness.mjs';
import { fuzzStubOptions } from './fuzz-stub-options.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    'socket-runs': { type: 'string', default: '20000' },
    seed: { type: 'string', default: '20261201' },
    json: { type: 'boolean', default: false },
  },
});
const seed = Number(values.seed);

const started = performance.now();
const inProcess = await fuzzInProcess({
  stub: createStub(fuzzStubOptions()),
  runs: Number(values.runs),
  seed,
});
const inProcessMs = performance.now() - started;

const served = await serve({
  ...fuzzStubOptions(),
  port: 0,
  timeouts: { headersMs: 500, requestMs: 1000 },
});
const socketStarted = performance.now();
const sockets = await fuzzSockets({
  port: served.port,
  routes: served.stub.routes,
  runs: Number(values['socket-runs']),
  seed,
  concurrency: 16,
  timeoutMs: 3000,
});
const socketMs = performance.now() - socketStarted;
// The process stays up and the server still answers after the run.
const alive = await fetch(`${served.url}/openapi.json`).then(
  (r) => r.status,
  () => 0,
);
await served.close();

const runs = [
  { ...inProcess, ms: inProcessMs },
  { ...sockets, ms: socketMs },
];
if (values.json) {
  console.log(JSON.stringify({ seed, runs, aliveAfter: alive }, null, 2));
} else {
  const statuses = [...new Set(runs.flatMap((r) => Object.keys(r.statuses)))].sort();
  console.log(`fuzz seed ${seed}`);
  console.log(
    [
      'mode'.padEnd(12),
      'tried'.padStart(8),
      'skipped'.padStart(8),
      'req/s'.padStart(7),
      'violations'.padStart(10),
      ...statuses.map((s) => s.padStart(6)),
    ].join(' '),
  );
  for (const r of runs) {
    console.log(
      [
        r.mode.padEnd(12),
        String(r.tried).padStart(8),
        String(r.skipped).padStart(8),
        String(Math.round((r.tried / r.ms) * 1000)).padStart(7),
        String(r.violations.length).padStart(10),
        ...statuses.map((s) => String(r.statuses[s] ?? 0).padStart(6)),
      ].join(' '),
    );
  }
  const total = runs.reduce((n, r) => n + r.tried, 0);
  const violations = runs.reduce((n, r) => n + r.violations.length, 0);
  console.log(
    `total: ${total} requests tried, ${violations} violations; server answering after the run: ${alive === 200 ? 'yes' : 'NO'}`,
  );
  for (const r of runs) {
    for (const v of r.violations.slice(0, 5))
      console.log(`${r.mode}: ${v.problem}\n  ${JSON.stringify(v.request)}`);
  }
}
process.exitCode = runs.some((r) => r.violations.length > 0) || alive !== 200 ? 1 : 0;
