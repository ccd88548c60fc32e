#!/usr/bin/env node
/**
 * The stub's benchmark, every row in one run: `pnpm bench` (after `pnpm build`: the stub is started
 * from dist/). Not a test and not run by CI: figures depend on the machine, and on a shared machine
 * only the ratios of interleaved rounds mean anything.
 *
 * 1. Throughput. A raw node:http control, the bare Hono route and the stub (plus Prism once) each run
 *    in a process of their own pinned to core 0; wrk (C) and autocannon (JS) take turns loading
 *    them from core 1, round after round, each case right after its baseline. Reported: medians of
 *    req/s and of the server's CPU µs per request, and the median of the per-round ratios.
 * 1b. Ablation: server CPU per request of the bare route, the full stub and the stub with each
 *    per-request feature switched off in turn, for token and AK/SK-signed requests
 *    (bench/ablation/), interleaved rounds with the first generator (wrk when installed).
 * 2. Cold start: spawn to first 200, the bare Hono server and the stub alternately (and Prism).
 * 3. Import time per module of the stub's start-up, and of the modules it loads on first use.
 * 4. With --scale: the scale benchmark (bench/scale/run.mjs), a spec of 1,000 operations.
 *
 * Options (flag or environment variable):
 *   --rounds <n>       BENCH_ROUNDS       interleaved throughput rounds (default 3)
 *   --duration <s>     BENCH_DURATION     seconds per measurement (default 3)
 *   --connections <n>  BENCH_CONNECTIONS  concurrent connections (default 50)
 *   --starts <n>       BENCH_STARTS       cold starts per server (default 10)
 *   --no-prism         BENCH_PRISM=0      leave Prism out
 *   --scale            BENCH_SCALE=1      also run the scale benchmark (several minutes)
 *   --ablation-duration <s>  BENCH_ABLATION_DURATION  whole seconds per ablation measurement (default 1)
 *   --ablation-rounds <n>    BENCH_ABLATION_ROUNDS    interleaved ablation rounds (default 5)
 *   --ablation-only    BENCH_ABLATION_ONLY=1  run the ablation table alone
 *   --cpu-prof <dir>   BENCH_CPU_PROF     write a V8 CPU profile of each server into <dir>
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runAblation } from './ablation/run-ablation.mjs';
import { autocannonLoad } from './measure/autocannon.mjs';
import {
  CAN_PIN,
  cpuSeconds,
  freePort,
  peakRss,
  pinSelf,
  startServer,
  stopServer,
  waitUntilAnswering,
} from './measure/server-process.mjs';
import { HAS_WRK, wrk } from './measure/wrk.mjs';
import { count, median, ratio, table, verdict } from './report/table.mjs';

const require = createRequire(import.meta.url);
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

const { values: flags } = parseArgs({
  options: {
    rounds: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    starts: { type: 'string' },
    'no-prism': { type: 'boolean' },
    scale: { type: 'boolean' },
    'ablation-duration': { type: 'string' },
    'ablation-rounds': { type: 'string' },
    'ablation-only': { type: 'boolean' },
    'cpu-prof': { type: 'string' },
  },
});
const positive = (name, value, fallback) => {
  const n = Number(value ?? fallback);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
};
const ROUNDS = positive('rounds', flags.rounds ?? process.env.BENCH_ROUNDS, 3);
const SECONDS = positive('duration', flags.duration ?? process.env.BENCH_DURATION, 3);
const CONNECTIONS = positive('connections', flags.connections ?? process.env.BENCH_CONNECTIONS, 50);
const STARTS = positive('starts', flags.starts ?? process.env.BENCH_STARTS, 10);
const PRISM = !flags['no-prism'] && process.env.BENCH_PRISM !== '0';
const SCALE = flags.scale || process.env.BENCH_SCALE === '1';
// wrk takes whole seconds only.
const ABLATION_SECONDS = Math.max(
  1,
  Math.round(
    positive(
      'ablation-duration',
      flags['ablation-duration'] ?? process.env.BENCH_ABLATION_DURATION,
      1,
    ),
  ),
);
// Many short rounds: the per-round differences then follow the machine's load more closely.
const ABLATION_ROUNDS = positive(
  'ablation-rounds',
  flags['ablation-rounds'] ?? process.env.BENCH_ABLATION_ROUNDS,
  5,
);
const ABLATION_ONLY = flags['ablation-only'] || process.env.BENCH_ABLATION_ONLY === '1';
const CPU_PROF_DIR = flags['cpu-prof'] ?? process.env.BENCH_CPU_PROF;
pinSelf();

// ---------------------------------------------------------------------------------------------
// The requests: ShowServerOperation with a valid id, with an id that is not a UUID, and signed.

const SPEC_PATH = require.resolve('@modelarts-lite/spec/openapi.json');
const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8'));
const PATH_TEMPLATE = '/v1/{project_id}/dev-servers/{id}/operation/{operation_id}';
// The 200 response may be a shared component: follow a local $ref.
const deref = (node) =>
  node?.$ref?.startsWith('#/')
    ? node.$ref
        .slice(2)
        .split('/')
        .reduce((at, key) => at[key], spec)
    : node;
const examples = deref(spec.paths[PATH_TEMPLATE].get.responses['200']).content['application/json']
  .examples;
const EXPECTED_BODY = Object.values(examples)[0].value;
const REQUESTED_OPERATION_ID = '3f9a1c2e-7b4d-4e8f-9a6b-1c2d3e4f5a6b';
const pathFor = (id) =>
  PATH_TEMPLATE.replace('{project_id}', '0123456789abcdef0123456789abcdef')
    .replace('{id}', id)
    .replace('{operation_id}', REQUESTED_OPERATION_ID);
const VALID_PATH = pathFor('6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f');
const INVALID_PATH = pathFor('not-a-uuid');
const TOKEN = 'bench-token';
const TOKEN_HEADERS = { 'X-Auth-Token': TOKEN, Accept: 'application/json' };

/** Signs once with the signer's dist: the signature stays valid for the stub's 15-minute skew. */
async function signedHeaders(port) {
  const { signRequest } = await import('@modelarts-lite/signer');
  const { DEFAULT_ACCESS_KEY } = await import('../dist/index.js');
  const signed = await signRequest(
    new Request(`http://127.0.0.1:${port}${VALID_PATH}`, {
      headers: { Accept: 'application/json' },
    }),
    DEFAULT_ACCESS_KEY,
  );
  const headers = {};
  for (const [name, value] of signed.headers) if (name !== 'host') headers[name] = value;
  return headers;
}

// ---------------------------------------------------------------------------------------------
// Servers

const PRISM_BIN = join(
  require.resolve('@stoplight/prism-cli/package.json').replace(/package\.json$/, ''),
  'dist/index.js',
);
const PRISM_VERSION = require('@stoplight/prism-cli/package.json').version;
const STUB_DIST = here('../dist/node.js');
if (!existsSync(STUB_DIST)) {
  console.error(`${STUB_DIST} is missing: run \`pnpm build\` first`);
  process.exit(1);
}

const profile = (key) =>
  CPU_PROF_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`, `--cpu-prof-name=${key}.cpuprofile`]
    : [];
const SERVERS = {
  raw: {
    key: 'raw',
    label: 'raw node:http (control)',
    argv: () => [here('./servers/raw-http.mjs')],
  },
  hono: { key: 'hono', label: 'bare Hono route', argv: () => [here('./servers/hono.mjs')] },
  stub: { key: 'stub', label: 'stub', argv: () => [here('./servers/stub.mjs')] },
  prism: {
    key: 'prism',
    label: `Prism ${PRISM_VERSION}`,
    argv: (port) => [PRISM_BIN, 'mock', '-p', String(port), '-h', '127.0.0.1', SPEC_PATH],
  },
};
for (const server of Object.values(SERVERS)) {
  server.cwd = here('..');
  server.env = { BENCH_BODY: JSON.stringify(EXPECTED_BODY), BENCH_TOKEN: TOKEN };
  server.nodeOptions = profile(server.key);
}

async function launch(server) {
  const port = await freePort();
  const child = startServer(server, port);
  const first = await waitUntilAnswering(
    child,
    `http://127.0.0.1:${port}${VALID_PATH}`,
    TOKEN_HEADERS,
  );
  if (first.status !== 200) {
    throw new Error(`${server.label} answered ${first.status}: ${first.body.slice(0, 300)}`);
  }
  return { server, child, port };
}

// ---------------------------------------------------------------------------------------------
// 1. Throughput

const GENERATORS = [
  ...(HAS_WRK ? [{ key: 'wrk', run: wrk }] : []),
  { key: 'autocannon', run: autocannonLoad },
];

/** One measurement: load for SECONDS, with the server's CPU time over the same span. */
async function measureLoad(generator, running, path, headers, seconds = SECONDS) {
  const url = `http://127.0.0.1:${running.port}${path}`;
  const cpuBefore = cpuSeconds(running.child.pid);
  const result = await generator.run(url, headers, { seconds, connections: CONNECTIONS });
  const cpu = cpuSeconds(running.child.pid) - cpuBefore;
  return { ...result, cpuUsPerRequest: (cpu / result.total) * 1e6 };
}

async function throughput() {
  const running = {};
  for (const key of ['raw', 'hono', 'stub', ...(PRISM ? ['prism'] : [])]) {
    running[key] = await launch(SERVERS[key]);
  }
  const aksk = await signedHeaders(running.stub.port);
  // Each case is measured right after the case it is compared with, so both see the same machine.
  const CASES = [
    {
      key: 'raw',
      label: 'raw node:http, valid request',
      run: 'raw',
      path: VALID_PATH,
      headers: TOKEN_HEADERS,
    },
    {
      key: 'hono',
      label: 'bare Hono route, valid request',
      run: 'hono',
      path: VALID_PATH,
      headers: TOKEN_HEADERS,
    },
    {
      key: 'stub',
      label: 'stub, valid request (token)',
      run: 'stub',
      path: VALID_PATH,
      headers: TOKEN_HEADERS,
      vs: 'hono',
      goal: 0.95,
    },
    {
      key: 'hono400',
      label: 'bare Hono route, invalid id (400)',
      run: 'hono',
      path: INVALID_PATH,
      headers: TOKEN_HEADERS,
      status: 400,
    },
    {
      key: 'stub400',
      label: 'stub, invalid id (400)',
      run: 'stub',
      path: INVALID_PATH,
      headers: TOKEN_HEADERS,
      status: 400,
      vs: 'hono400',
      goal: 0.95,
    },
    {
      key: 'stubAksk',
      label: 'stub, valid request (AK/SK signed)',
      run: 'stub',
      path: VALID_PATH,
      headers: aksk,
      vs: 'stub',
      goal: 0.8,
    },
  ];
  const samples = {};
  for (const generator of GENERATORS) {
    for (const c of CASES) await measureLoad(generator, running[c.run], c.path, c.headers); // warm-up
  }
  for (let round = 1; round <= ROUNDS; round++) {
    process.stderr.write(`throughput round ${round}/${ROUNDS}\n`);
    for (const generator of GENERATORS) {
      for (const c of CASES) {
        const result = await measureLoad(generator, running[c.run], c.path, c.headers);
        const expected = c.status ?? 200;
        const wrong = expected === 200 ? result.non2xx : result.total - result.non2xx;
        if (wrong > 0 || result.errors > 0) {
          throw new Error(
            `${c.label} with ${generator.key}: ${wrong} answers other than ${expected}, ${result.errors} socket errors`,
          );
        }
        const key = `${generator.key} ${c.key}`;
        samples[key] ??= [];
        samples[key].push(result);
      }
    }
  }
  const prism = {};
  if (PRISM) {
    for (const generator of GENERATORS) {
      prism[generator.key] = await measureLoad(generator, running.prism, VALID_PATH, TOKEN_HEADERS);
    }
  }
  const memory = Object.fromEntries(
    Object.entries(running).map(([k, r]) => [k, peakRss(r.child.pid)]),
  );
  await Promise.all(Object.values(running).map((r) => stopServer(r.child)));
  return { CASES, samples, prism, memory };
}

function throughputReport({ CASES, samples, prism, memory }) {
  const header = ['case'];
  for (const g of GENERATORS) header.push(`${g.key} req/s`, `${g.key} ratio`);
  header.push('CPU µs/req', 'CPU ratio', 'goal', 'verdict');
  const rows = [];
  const verdicts = [];
  for (const c of CASES) {
    const row = [c.label];
    const ratios = [];
    for (const g of GENERATORS) {
      const mine = samples[`${g.key} ${c.key}`];
      row.push(count(median(mine.map((s) => s.rps))));
      if (c.vs) {
        const base = samples[`${g.key} ${c.vs}`];
        const r = median(mine.map((s, i) => s.rps / base[i].rps));
        ratios.push(r);
        row.push(ratio(r));
      } else row.push('');
    }
    // CPU per request over every measurement of both generators: what the server pays per answer.
    const cpu = median(
      GENERATORS.flatMap((g) => samples[`${g.key} ${c.key}`].map((s) => s.cpuUsPerRequest)),
    );
    row.push(cpu.toFixed(1));
    if (c.vs) {
      const baseCpu = median(
        GENERATORS.flatMap((g) => samples[`${g.key} ${c.vs}`].map((s) => s.cpuUsPerRequest)),
      );
      row.push(ratio(baseCpu / cpu), `≥ ${c.goal}×`);
      const worst = Math.min(...ratios);
      row.push(verdict(worst, c.goal, 'higher'));
      verdicts.push(worst >= c.goal);
    } else row.push('', '', '');
    rows.push(row);
  }
  if (PRISM) {
    const row = [`${SERVERS.prism.label}, valid request (once)`];
    for (const g of GENERATORS) {
      row.push(count(prism[g.key].rps), '');
    }
    row.push(prism[GENERATORS[0].key].cpuUsPerRequest.toFixed(1), '', '', '');
    rows.push(row);
  }
  const lines = [table(header, rows)];
  lines.push(
    '',
    "ratio: median over rounds of the case's req/s over its baseline's in the same round (stub vs bare Hono; AK/SK vs token);",
    "CPU ratio: the baseline's server CPU µs per request over the case's (how much of the baseline's capacity the case keeps).",
    "verdict: the worse of the two generators' ratios against the goal.",
    `peak RSS after the runs: ${Object.entries(memory)
      .map(([k, b]) => `${k} ${(b / 2 ** 20).toFixed(1)} MiB`)
      .join(', ')}`,
  );
  // Is a generator the limit? Then the raw control gets no more from it than the Hono route does.
  for (const g of GENERATORS) {
    const raw = median(samples[`${g.key} raw`].map((s) => s.rps));
    const hono = median(samples[`${g.key} hono`].map((s) => s.rps));
    lines.push(
      `${g.key}: raw node:http ${count(raw)} req/s vs bare Hono ${count(hono)} (${ratio(raw / hono)}): ` +
        (raw / hono > 1.1
          ? 'the control is clearly faster, so this generator is not the limit of the Hono and stub rows'
          : 'the control is not clearly faster: this generator may be the limit, trust the CPU columns'),
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// 2. Cold start: spawn to first 200, alternately.

async function coldStarts() {
  const times = { hono: [], stub: [], prism: [] };
  const order = ['hono', 'stub'];
  for (let i = 0; i < STARTS; i++) {
    for (const key of i % 2 ? [...order].reverse() : order) {
      const server = { ...SERVERS[key], nodeOptions: [] };
      const port = await freePort();
      const spawned = performance.now();
      const child = startServer(server, port);
      const first = await waitUntilAnswering(
        child,
        `http://127.0.0.1:${port}${VALID_PATH}`,
        TOKEN_HEADERS,
        { since: spawned, pollMs: 2 },
      );
      if (first.status !== 200) throw new Error(`${key} first answer ${first.status}`);
      times[key].push(first.ms);
      await stopServer(child);
    }
  }
  if (PRISM) {
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const spawned = performance.now();
      const child = startServer({ ...SERVERS.prism, nodeOptions: [] }, port);
      times.prism.push(
        (
          await waitUntilAnswering(child, `http://127.0.0.1:${port}${VALID_PATH}`, TOKEN_HEADERS, {
            since: spawned,
            pollMs: 5,
          })
        ).ms,
      );
      await stopServer(child);
    }
  }
  return times;
}

function coldStartReport(times) {
  const hono = median(times.hono);
  const stub = median(times.stub);
  const ratios = times.stub.map((s, i) => s / times.hono[i]);
  const rows = [
    ['bare Hono server', hono.toFixed(0), '', '', ''],
    [
      'stub',
      stub.toFixed(0),
      ratio(median(ratios)),
      '≤ 1.2×',
      verdict(median(ratios), 1.2, 'lower'),
    ],
  ];
  if (PRISM)
    rows.push([
      SERVERS.prism.label,
      median(times.prism).toFixed(0),
      ratio(median(times.prism) / hono),
      '',
      '',
    ]);
  return (
    `${table(['cold start (spawn to first 200)', 'median ms', 'vs Hono', 'goal', 'verdict'], rows)}\n` +
    `${STARTS} starts each, alternating; ratio = median of the pairwise ratios.`
  );
}

// ---------------------------------------------------------------------------------------------
// 3. Import time per module

function importTimes() {
  const runs = [];
  for (let i = 0; i < 7; i++) {
    const out = execFileSync(process.execPath, [here('./measure/import-times.mjs')], {
      cwd: here('..'),
      encoding: 'utf8',
    });
    runs.push(JSON.parse(out.trim().split('\n').at(-1)));
  }
  const bootRuns = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    execFileSync(process.execPath, ['-e', '0']);
    bootRuns.push(performance.now() - t);
  }
  const { startup, lazy } = runs[0];
  const ms = (name) => median(runs.map((r) => r.times[name]));
  const rows = [['node itself (spawn to exit of `node -e 0`)', median(bootRuns).toFixed(1), '']];
  let total = 0;
  for (const name of startup) {
    total += ms(name);
    rows.push([name, ms(name).toFixed(1), 'at start']);
  }
  rows.push(['total imported at start', total.toFixed(1), '']);
  for (const name of lazy) rows.push([name, ms(name).toFixed(1), 'on first use']);
  return (
    `${table(['module (each row excludes the rows above)', 'median ms', 'loaded'], rows)}\n` +
    "median of 7 fresh processes; the first import also pays for the ESM loader's own start."
  );
}

// ---------------------------------------------------------------------------------------------

console.log(
  `Node ${process.version}, ${cpus().length} cores, servers ${CAN_PIN ? 'pinned to core 0, load generators to core 1' : 'NOT pinned'}, ` +
    `${CONNECTIONS} connections, ${ROUNDS} rounds × ${SECONDS} s per case and generator` +
    (HAS_WRK ? '' : ' (wrk is not installed: autocannon only; `apt-get install wrk`)'),
);
console.log(`GET ${VALID_PATH}\n`);
if (!ABLATION_ONLY) {
  const load = await throughput();
  console.log(`${throughputReport(load)}\n`);
}
const ablation = await runAblation({
  servers: SERVERS,
  launch,
  stop: (running) => stopServer(running.child),
  measure: (running, headers, seconds = ABLATION_SECONDS) =>
    measureLoad(GENERATORS[0], running, VALID_PATH, headers, seconds),
  signedHeaders,
  tokenHeaders: TOKEN_HEADERS,
  rounds: ABLATION_ROUNDS,
  reflected: { operation_id: REQUESTED_OPERATION_ID },
});
console.log(`${ablation}\n(${GENERATORS[0].key}, ${ABLATION_SECONDS} s per measurement)\n`);
if (!ABLATION_ONLY) {
  console.log(`${coldStartReport(await coldStarts())}\n`);
  console.log(importTimes());
}
if (SCALE) {
  const { runScale } = await import('./scale/run.mjs');
  console.log(`\n${await runScale({ prism: PRISM })}`);
}
