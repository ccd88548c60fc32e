// A server under test in a child process of its own, pinned to core 0 (the load generators run on
// core 1), with what the benchmark reads from /proc: its CPU time and its peak memory.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Whether servers and load generators can each have a core of their own. */
export const CAN_PIN = availableParallelism() >= 2 && existsSync('/usr/bin/taskset');

const children = new Set();
const logDir = mkdtempSync(join(tmpdir(), 'stub-bench-'));
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(logDir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the servers`);
    process.exit(130);
  });
}

/** Pins this process (the load generator autocannon runs in) to core 1. */
export function pinSelf() {
  if (CAN_PIN)
    execFileSync('taskset', ['-a', '-cp', '1', String(process.pid)], { stdio: 'ignore' });
}

/** A free loopback port: bind port 0, read it, release it. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Spawns `node <argv>` pinned to core 0 with PORT set; output goes to a log file (draining a pipe
 * would cost the load generator's core).
 *
 * @param {{ key: string, argv: string[], env?: object, cwd: string, nodeOptions?: string[] }} server
 * @param {number} port
 */
export function startServer(server, port) {
  const logPath = join(logDir, `${server.key}-${port}.log`);
  const log = openSync(logPath, 'w');
  const argv = [process.execPath, ...(server.nodeOptions ?? []), ...server.argv(port)];
  // taskset execs the server in place, so the child's pid stays the server's.
  const [command, ...args] = CAN_PIN ? ['taskset', '-c', '0', ...argv] : argv;
  const child = spawn(command, args, {
    cwd: server.cwd,
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

/** SIGTERM, then SIGKILL after 5 s. */
export async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timedOut = await Promise.race([
    exited.then(() => false),
    sleep(5000, true, { ref: false }),
  ]);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * Polls `url` until the server answers anything; resolves to the first answer and the ms since
 * `since` (spawn to first answer when `since` is the spawn time).
 */
export async function waitUntilAnswering(
  child,
  url,
  headers,
  { since, timeoutMs = 120_000, pollMs = 5 } = {},
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${child.logTail()}`);
    }
    try {
      const response = await fetch(url, { headers });
      const body = await response.text();
      return { status: response.status, body, ms: performance.now() - (since ?? 0) };
    } catch {
      await sleep(pollMs);
    }
  }
  throw new Error(`server did not answer within ${timeoutMs / 1000} s:\n${child.logTail()}`);
}

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

/** Peak resident set of a live process in bytes (the kernel's VmHWM). */
export function peakRss(pid) {
  return procStatus(pid, 'VmHWM');
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid) {
  try {
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}
