// Starts the built CLI (dist/cli.js) in a child process and waits for its URL.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface RunningCli {
  child: ChildProcess;
  url: string;
  port: number;
  /** stdout and stderr so far. */
  output: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

export const started: ChildProcess[] = [];

export function startCli(args: string[]): Promise<RunningCli> {
  const child = spawn(process.execPath, [CLI, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>(
    (resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal, at: performance.now() })),
  );
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const match = /modelarts-stub listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(output);
      if (match) {
        resolve({
          child,
          url: match[1] as string,
          port: Number(match[2]),
          output: () => output,
          exit,
        });
      }
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    exit.then(({ code }) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

/** Kills what the tests started and left running. */
export function killStarted(): void {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
}
