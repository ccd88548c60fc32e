// Load from wrk (C, one thread, pinned to core 1): the faster generator, the one that can saturate a
// Node server on a core of its own. Bench-only: installed with `apt-get install wrk`, never in CI.
import { execFile, execFileSync } from 'node:child_process';
import { CAN_PIN } from './server-process.mjs';

/** Whether wrk is installed. */
export const HAS_WRK = (() => {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk --version exits 1 after printing its version.
    return error.status === 1;
  }
})();

function parseDuration(text) {
  const match = /^([\d.]+)(us|ms|s)$/.exec(text);
  if (!match) return Number.NaN;
  return Number(match[1]) * { us: 0.001, ms: 1, s: 1000 }[match[2]];
}

/**
 * Runs wrk against `url` and resolves to `{ rps, total, p50, p99, non2xx, errors }` (ms).
 *
 * @example
 * const { rps } = await wrk('http://127.0.0.1:4010/x', { 'X-Auth-Token': 't' }, { seconds: 3, connections: 50 });
 */
export function wrk(url, headers, { seconds, connections }) {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  args.push(url);
  const [command, ...rest] = CAN_PIN ? ['taskset', '-c', '1', 'wrk', ...args] : ['wrk', ...args];
  return new Promise((resolve, reject) => {
    execFile(command, rest, { encoding: 'utf8' }, (error, stdout) => {
      if (error) return reject(error);
      const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
      const total = Number(/(\d+) requests in/.exec(stdout)?.[1]);
      const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
      const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
        stdout,
      );
      const errors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
      const p50 = parseDuration(/\n\s+50%\s+(\S+)/.exec(stdout)?.[1] ?? '');
      const p99 = parseDuration(/\n\s+99%\s+(\S+)/.exec(stdout)?.[1] ?? '');
      resolve({ rps, total, p50, p99, non2xx, errors });
    });
  });
}
