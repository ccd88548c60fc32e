#!/usr/bin/env node
/**
 * Throughput, latency and memory of the stub, side by side with a bare Hono route and with Prism,
 * in one run: `pnpm bench` (after `pnpm build`: the stub is started from dist/).
 *
 * Every server runs in a child process of its own, one after the other, so that it has a core to
 * itself, its memory is its own, and the load generator (autocannon, in this process) never shares
 * its event loop. Each one answers the same request, ShowServerOperation with a token, for a warm-up
 * and then a measured run at a fixed number of connections.
 *
 * Options (flag or environment variable):
 *   --duration <s>     BENCH_DURATION     measured seconds per server (default 10)
 *   --warmup <s>       BENCH_WARMUP       warm-up seconds per server, not measured (default 2)
 *   --connections <n>  BENCH_CONNECTIONS  concurrent connections (default 50)
 *   --only <list>      BENCH_ONLY         comma-separated subset of: hono,stub,prism
 *   --json             BENCH_JSON=1       also print the results as one JSON line
 *   --cpu-prof <dir>   BENCH_CPU_PROF     write a V8 CPU profile of each server into <dir>
 *   --no-pin           BENCH_PIN=0        do not pin the server to core 0 and the load generator to
 *                                         core 1 (pinning needs taskset and two cores)
 *
 * Columns: req/s (mean over the measured seconds), p50/p99 of every response time seen by the load
 * generator, peak RSS of the server's process tree (MB = 2^20 bytes), the server's CPU use and its
 * CPU time per request (the fairest comparison when the load generator, not the server, saturates),
 * and answers other than 200 (counted, and listed below the table).
 *
 * Not a test and not run by CI: numbers depend on the machine.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const require = createRequire(import.meta.url);
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

// ---------------------------------------------------------------------------------------------
// Options

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string' },
    only: { type: 'string' },
    json: { type: 'boolean' },
    'cpu-prof': { type: 'string' },
    'no-pin': { type: 'boolean' },
  },
});
const positive = (name, value, fallback) => {
  const n = Number(value ?? fallback);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
};
const DURATION = positive('duration', flags.duration ?? process.env.BENCH_DURATION, 10);
const WARMUP = positive('warmup', flags.warmup ?? process.env.BENCH_WARMUP, 2);
const CONNECTIONS = Math.round(
  positive('connections', flags.connections ?? process.env.BENCH_CONNECTIONS, 50),
);
const ONLY = (flags.only ?? process.env.BENCH_ONLY ?? 'hono,stub,prism').split(',');
const JSON_OUT = flags.json ?? process.env.BENCH_JSON === '1';
const CPU_PROF_DIR = flags['cpu-prof'] ?? process.env.BENCH_CPU_PROF;
// Server and load generator on cores of their own: on two cores, letting the scheduler mix them
// makes both the ratio and the tail latency swing from run to run.
const PIN =
  !flags['no-pin'] &&
  process.env.BENCH_PIN !== '0' &&
  availableParallelism() >= 2 &&
  existsSync('/usr/bin/taskset');
if (PIN) execFileSync('taskset', ['-a', '-cp', '1', String(process.pid)], { stdio: 'ignore' });

/** Targets of the run, from the task: stub vs the bare route. */
const TARGET_RATIO = 0.85;
const TARGET_P99_MS = 3;

// ---------------------------------------------------------------------------------------------
// The request, and the body every server is expected to send (the spec's first 200 example, which
// Prism and the stub without state both answer with).

const SPEC_PATH = require.resolve('@modelarts-lite/spec/openapi.json');
const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8'));
const PATH_TEMPLATE = '/v1/{project_id}/dev-servers/{id}/operation/{operation_id}';
const operation = spec.paths[PATH_TEMPLATE].get;
const examples = operation.responses['200'].content['application/json'].examples;
const EXPECTED_BODY = Object.values(examples)[0].value;

const REQUEST_PATH = PATH_TEMPLATE.replace('{project_id}', '0123456789abcdef0123456789abcdef')
  .replace('{id}', '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f')
  .replace('{operation_id}', '3f9a1c2e-7b4d-4e8f-9a6b-1c2d3e4f5a6b');
const TOKEN = 'bench-token';
const REQUEST_HEADERS = { 'X-Auth-Token': TOKEN, Accept: 'application/json' };

// ---------------------------------------------------------------------------------------------
// Servers

// What bench/servers/stub.mjs imports.
const STUB_DIST = here('../dist/node.js');
const PRISM_BIN = join(
  require.resolve('@stoplight/prism-cli/package.json').replace(/package\.json$/, ''),
  'dist/index.js',
);
const PRISM_VERSION = require('@stoplight/prism-cli/package.json').version;

/** @type {{ key: string, label: string, argv: (port: number) => string[], env?: object, check?: () => string | undefined }[]} */
const SERVERS = [
  {
    key: 'hono',
    label: 'bare Hono route',
    argv: () => [here('./servers/hono.mjs')],
    env: { BENCH_BODY: JSON.stringify(EXPECTED_BODY) },
  },
  {
    key: 'stub',
    label: 'stub (req+res validation, token auth)',
    argv: () => [here('./servers/stub.mjs')],
    env: { BENCH_TOKEN: TOKEN },
    check: () =>
      existsSync(STUB_DIST) ? undefined : `${STUB_DIST} is missing: run \`pnpm build\` first`,
  },
  {
    key: 'prism',
    label: `Prism ${PRISM_VERSION}`,
    // The plain command a user would run; Prism's default `info` log goes to the log file.
    argv: (port) => [PRISM_BIN, 'mock', '-p', String(port), '-h', '127.0.0.1', SPEC_PATH],
  },
].filter((server) => ONLY.includes(server.key));

// ---------------------------------------------------------------------------------------------
// Child processes: tracked so that every exit path stops them.

const children = new Set();
const logDir = mkdtempSync(join(tmpdir(), 'stub-bench-'));

function killAll(signal) {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
}
process.on('exit', () => {
  killAll('SIGKILL');
  rmSync(logDir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the servers`);
    process.exit(130);
  });
}

/** A free loopback port: bind port 0, read it, release it. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function startServer(server, port) {
  const logPath = join(logDir, `${server.key}.log`);
  // Output goes to a file, not a pipe: draining a chatty server (Prism logs every request) would
  // cost this process CPU that belongs to the load generator.
  const log = openSync(logPath, 'w');
  // Profiles are written when the server exits, which stopServer() lets it do with SIGTERM.
  const profile = CPU_PROF_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`, `--cpu-prof-name=${server.key}.cpuprofile`]
    : [];
  const argv = [process.execPath, ...profile, ...server.argv(port)];
  // taskset execs the server in place, so the child's pid stays the server's (for RSS sampling).
  const [command, ...args] = PIN ? ['taskset', '-c', '0', ...argv] : argv;
  const child = spawn(command, args, {
    cwd: here('..'),
    env: { ...process.env, ...server.env, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  children.add(child);
  child.once('exit', () => children.delete(child));
  child.logTail = () => {
    try {
      return readFileSync(logPath, 'utf8').trim().split('\n').slice(-20).join('\n');
    } catch {
      return '';
    }
  };
  return child;
}

async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  // An unref'd timer, so that a server that exits at once does not hold this process for 5 s.
  const grace = sleep(5000, true, { ref: false });
  const timedOut = await Promise.race([exited.then(() => false), grace]);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Polls the request until the server answers anything; Prism takes seconds to load the spec. */
async function waitUntilAnswering(child, url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${child.logTail()}`);
    }
    try {
      const response = await fetch(url, { headers: REQUEST_HEADERS });
      return { status: response.status, body: await response.text() };
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`server did not answer within ${timeoutMs / 1000} s:\n${child.logTail()}`);
}

// ---------------------------------------------------------------------------------------------
// Memory: VmHWM is the kernel's own peak RSS of the process; the process tree is also polled in
// case a server forks workers (Prism can, with --multiprocess).

function procStatus(pid, field) {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(
      new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'),
    );
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function descendants(pid) {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${pids[i]}/task`)) {
        const kids = readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8').trim();
        if (kids) pids.push(...kids.split(/\s+/).map(Number));
      }
    } catch {
      // The process ended between two reads.
    }
  }
  return pids;
}

function sampleMemory(pid) {
  let treePeak = 0;
  const timer = setInterval(() => {
    const total = descendants(pid).reduce((sum, p) => sum + procStatus(p, 'VmRSS'), 0);
    treePeak = Math.max(treePeak, total);
  }, 50);
  return {
    /** Peak resident set in bytes, read while the process is still alive. */
    stop() {
      clearInterval(timer);
      return Math.max(treePeak, procStatus(pid, 'VmHWM'));
    },
  };
}

// CPU: time the server's process tree spent per request is what it costs, whatever the load
// generator managed to send; the generator's own CPU tells whether it, not the server, was the
// bottleneck (2 cores: one each).

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU seconds the whole machine has spent in processes so far, plus time stolen by the hypervisor
 * (all cores, from /proc/stat). Interrupt and softirq time is left out: loopback traffic is
 * processed there and belongs to the benchmark, yet to no process.
 */
function machineBusySeconds() {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const [user, nice, system, , , , , steal] = fields.map(Number);
    return (user + nice + system + steal) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds (user + system) of a process tree so far. */
function treeCpuSeconds(pid) {
  let ticks = 0;
  for (const p of descendants(pid)) {
    try {
      // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between two reads.
    }
  }
  return ticks / CLOCK_TICKS;
}

// ---------------------------------------------------------------------------------------------
// Load

/**
 * Runs autocannon and keeps every response time: autocannon's own histogram has a resolution of
 * 1 ms, too coarse for a p99 target of a few milliseconds.
 */
function load(url, seconds) {
  const times = new Samples();
  const instance = autocannon({
    url,
    method: 'GET',
    headers: REQUEST_HEADERS,
    connections: CONNECTIONS,
    duration: seconds,
  });
  instance.on('response', (_client, _statusCode, _bytes, responseTime) => times.push(responseTime));
  return instance.then((result) => ({ result, times }));
}

/** A growable list of response times in ms, with exact percentiles. */
class Samples {
  values = new Float64Array(1 << 16);
  length = 0;
  push(value) {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  percentiles(...ps) {
    const sorted = this.values.slice(0, this.length).sort();
    return ps.map(
      (p) => sorted[Math.min(this.length - 1, Math.ceil((p / 100) * this.length) - 1)] ?? NaN,
    );
  }
}

function statusCounts(result) {
  const counts = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {}))
    counts[code] = count;
  return counts;
}

async function measure(server) {
  const problem = server.check?.();
  if (problem) return { server, error: problem };

  const port = await freePort();
  const url = `http://127.0.0.1:${port}${REQUEST_PATH}`;
  const child = startServer(server, port);
  const memory = sampleMemory(child.pid);
  try {
    const first = await waitUntilAnswering(child, url);
    if (first.status !== 200) {
      throw new Error(`answered ${first.status} instead of 200: ${first.body.slice(0, 300)}`);
    }
    let sameBody = false;
    try {
      sameBody = JSON.stringify(JSON.parse(first.body)) === JSON.stringify(EXPECTED_BODY);
    } catch {
      // Not JSON: reported as a different body.
    }

    process.stderr.write(`${server.label}: warm-up ${WARMUP} s, `);
    const { result: warm } = await load(url, WARMUP);
    process.stderr.write(`measure ${DURATION} s\n`);
    const serverCpuBefore = treeCpuSeconds(child.pid);
    const clientCpuBefore = process.cpuUsage();
    const machineBefore = machineBusySeconds();
    const { result, times } = await load(url, DURATION);
    const serverCpu = treeCpuSeconds(child.pid) - serverCpuBefore;
    const clientUsage = process.cpuUsage(clientCpuBefore);
    const clientCpu = (clientUsage.user + clientUsage.system) / 1e6;
    // What neither the server nor the load generator used: other processes, or the hypervisor.
    // Approximate: process times include some loopback interrupt work, so an idle machine reads a
    // little below zero; only a clearly positive share is reported.
    const otherCpu = machineBusySeconds() - machineBefore - serverCpu - clientCpu;
    const [p50, p99] = times.percentiles(50, 99);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server died during the run:\n${child.logTail()}`);
    }
    const codes = statusCounts(result);
    const non200 = Object.entries(codes)
      .filter(([code]) => code !== '200')
      .reduce((sum, [, n]) => sum + n, 0);
    const warmNon200 = Object.entries(statusCounts(warm))
      .filter(([code]) => code !== '200')
      .reduce((sum, [, n]) => sum + n, 0);
    return {
      server,
      rps: result.requests.average,
      total: result.requests.total,
      p50,
      p99,
      serverCpuShare: serverCpu / result.duration,
      cpuPerRequestUs: (serverCpu / result.requests.total) * 1e6,
      clientCpuShare: clientCpu / result.duration,
      otherCpuShare: otherCpu / result.duration,
      rss: memory.stop(),
      codes,
      non200,
      warmNon200,
      errors: result.errors + result.timeouts,
      sameBody,
    };
  } catch (error) {
    return { server, error: error instanceof Error ? error.message : String(error) };
  } finally {
    memory.stop();
    await stopServer(child);
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function table(rows) {
  const header = [
    'server',
    'req/s',
    'vs Hono',
    'p50 ms',
    'p99 ms',
    'peak RSS MB',
    'server CPU',
    'CPU µs/req',
    'non-200',
    'errors',
  ];
  const baseline = rows.find((row) => row.server.key === 'hono' && !row.error);
  const lines = rows.map((row) =>
    row.error
      ? [row.server.label, 'failed', ...header.slice(2).map(() => '')]
      : [
          row.server.label,
          Math.round(row.rps).toLocaleString('en-US'),
          baseline ? `${((row.rps / baseline.rps) * 100).toFixed(1)} %` : 'n/a',
          row.p50.toFixed(2),
          row.p99.toFixed(2),
          (row.rss / 1024 / 1024).toFixed(1),
          `${Math.round(row.serverCpuShare * 100)} %`,
          row.cpuPerRequestUs.toFixed(1),
          String(row.non200),
          String(row.errors),
        ],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  return [
    format(header),
    `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...lines.map(format),
  ].join('\n');
}

function notes(rows) {
  const out = [];
  const hono = rows.find((row) => row.server.key === 'hono' && !row.error);
  const stub = rows.find((row) => row.server.key === 'stub' && !row.error);
  if (stub && hono) {
    const ratio = stub.rps / hono.rps;
    out.push(
      `target: stub >= ${TARGET_RATIO * 100} % of bare Hono req/s: ${(ratio * 100).toFixed(1)} % ` +
        `${ratio >= TARGET_RATIO ? 'MET' : 'MISSED'}`,
    );
    // The same comparison from server CPU: immune to a saturated load generator or a busy machine.
    const cpuRatio = hono.cpuPerRequestUs / stub.cpuPerRequestUs;
    out.push(
      `        by server CPU per request: stub ${stub.cpuPerRequestUs.toFixed(1)} µs vs Hono ` +
        `${hono.cpuPerRequestUs.toFixed(1)} µs, i.e. ${(cpuRatio * 100).toFixed(1)} % of Hono's ` +
        `capacity ${cpuRatio >= TARGET_RATIO ? 'MET' : 'MISSED'}`,
    );
  }
  if (stub) {
    out.push(
      `target: stub p99 < ${TARGET_P99_MS} ms: ${stub.p99.toFixed(2)} ms ${stub.p99 < TARGET_P99_MS ? 'MET' : 'MISSED'}`,
    );
    // A closed loop keeps every connection busy, so mean latency = connections / throughput.
    out.push(
      `note: with ${CONNECTIONS} connections, mean latency = connections / req/s ` +
        `(${((CONNECTIONS / stub.rps) * 1000).toFixed(2)} ms for the stub); a p99 under ` +
        `${TARGET_P99_MS} ms needs more than ${Math.round((CONNECTIONS / TARGET_P99_MS) * 1000).toLocaleString('en-US')} req/s.`,
    );
  }
  for (const row of rows) {
    if (row.error) out.push(`${row.server.label} FAILED: ${row.error}`);
    else {
      if (row.non200 > 0 || row.warmNon200 > 0) {
        out.push(
          `${row.server.label}: NON-200 answers ${JSON.stringify(row.codes)} ` +
            `(warm-up: ${row.warmNon200} non-200)`,
        );
      }
      if (row.clientCpuShare > 0.9) {
        out.push(
          `${row.server.label}: the load generator used ${Math.round(row.clientCpuShare * 100)} % of a core: ` +
            "req/s may be its limit, not the server's; compare CPU µs/req",
        );
      }
      if (row.otherCpuShare > 0.15) {
        out.push(
          `${row.server.label}: other processes used ${Math.round(row.otherCpuShare * 100)} % of a core ` +
            'during the run: its numbers are disturbed, rerun on an idle machine',
        );
      }
      if (row.errors > 0) out.push(`${row.server.label}: ${row.errors} socket errors or timeouts`);
      if (!row.sameBody)
        out.push(`${row.server.label}: body differs from the spec's first example`);
    }
  }
  const clean = rows.filter((row) => !row.error && row.non200 === 0 && row.warmNon200 === 0);
  if (clean.length === rows.length && rows.length > 0) {
    out.push(
      `every response was 200 (${clean.map((r) => `${r.server.key} ${r.total.toLocaleString('en-US')}`).join(', ')} measured)`,
    );
  }
  return out.join('\n');
}

console.log(
  `Node ${process.version}, ${availableParallelism()} cores, ${CONNECTIONS} connections, ` +
    `${WARMUP} s warm-up + ${DURATION} s per server, GET ${REQUEST_PATH}`,
);
const rows = [];
for (const server of SERVERS) rows.push(await measure(server));
console.log(`\n${table(rows)}\n\n${notes(rows)}`);
if (JSON_OUT) {
  console.log(JSON.stringify(rows.map(({ server, ...row }) => ({ server: server.key, ...row }))));
}
process.exitCode = rows.some((row) => row.error) ? 1 : 0;
