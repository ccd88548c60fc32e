// The CLI as users run it: dist/cli.js in a child process (the package is built before tests).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const SERVER = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const children: ChildProcess[] = [];

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  exit: Promise<number | null>;
}

function start(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [CLI, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const match = /modelarts-stub listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve({ child, url: match[1] as string, output: () => output, exit });
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    exit.then((code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => {
    stdout += c;
  });
  child.stderr.on('data', (c) => {
    stderr += c;
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('modelarts-stub CLI', () => {
  it('prints its URL, serves the API, logs one line per request and exits 0 on SIGTERM', async () => {
    const stub = await start(['--log']);
    const response = await fetch(`${stub.url}/v1/p/dev-servers/${SERVER}/operation/op`, {
      headers: { 'x-auth-token': 't' },
    });
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-request-id') as string;
    await response.body?.cancel();
    await expect.poll(stub.output).toContain(requestId);
    expect(stub.output()).toMatch(
      new RegExp(`GET /v1/p/dev-servers/${SERVER}/operation/op 200 \\d+\\.\\dms ${requestId}`),
    );
    stub.child.kill('SIGTERM');
    expect(await stub.exit).toBe(0);
  });

  it('exits 0 on SIGINT too, and logs nothing without --log', async () => {
    const stub = await start([]);
    await (await fetch(`${stub.url}/openapi.json`)).body?.cancel();
    stub.child.kill('SIGINT');
    expect(await stub.exit).toBe(0);
    expect(stub.output().trim().split('\n')).toHaveLength(1);
  });

  it('preloads operations from --state', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'modelarts-stub-'));
    const file = join(dir, 'state.json');
    await writeFile(
      file,
      JSON.stringify({
        operations: [
          {
            serverId: SERVER,
            operationId: 'op-1',
            type: 'node_attach_volume',
            lifecycle: { runningAt: 0, finishedAt: 0 },
          },
        ],
      }),
    );
    const stub = await start(['--state', file, '--token', 'secret']);
    const ok = await fetch(`${stub.url}/v1/p/dev-servers/${SERVER}/operation/op-1`, {
      headers: { 'x-auth-token': 'secret' },
    });
    expect(await ok.json()).toEqual({
      operation_id: 'op-1',
      operation_status: 'success',
      operation_type: 'node_attach_volume',
    });
    const wrongToken = await fetch(`${stub.url}/v1/p/dev-servers/${SERVER}/operation/op-1`, {
      headers: { 'x-auth-token': 'other' },
    });
    expect(wrongToken.status).toBe(401);
  });

  const VOLUME = '1e79eff7-c02b-4dfd-a0d6-0b2f3c4d5e6f';
  const attach = (url: string) =>
    fetch(`${url}/v1/p/dev-servers/${SERVER}/attachvolume`, {
      method: 'POST',
      headers: { 'x-auth-token': 't', 'content-type': 'application/json;charset=UTF-8' },
      body: JSON.stringify({ volume_id: VOLUME }),
    });

  it('runs started operations as the lifecycle flags say', async () => {
    const stub = await start([
      '--running-after',
      '0',
      '--finished-after',
      '0',
      '--outcome',
      'failed',
      '--operation-error',
      'ModelArts.7001:Disk busy.',
    ]);
    const started = await attach(stub.url);
    expect(started.status).toBe(200);
    const { operation_id } = await started.json();
    const read = await fetch(`${stub.url}/v1/p/dev-servers/${SERVER}/operation/${operation_id}`, {
      headers: { 'x-auth-token': 't' },
    });
    expect(await read.json()).toEqual({
      operation_id,
      operation_status: 'failed',
      operation_type: 'node_attach_volume',
      operation_error: { code: 'ModelArts.7001', message: 'Disk busy.' },
    });
  });

  it('preloads servers and volumes from --state and enforces the preconditions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'modelarts-stub-'));
    const file = join(dir, 'state.json');
    const other = '11111111-2222-4333-8444-555555555555';
    await writeFile(
      file,
      JSON.stringify({
        servers: [{ serverId: SERVER, status: 'STOPPED' }, { serverId: other }],
        volumes: [{ volumeId: VOLUME, attachedTo: other }],
      }),
    );
    const stub = await start(['--state', file]);
    const refused = await attach(stub.url);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      error_code: 'ModelArts.7000',
      error_msg: 'The volume is in use.',
    });
  });

  it('answers CORS preflights by default and not with --cors false', async () => {
    const preflight = (url: string) =>
      fetch(`${url}/v1/p/dev-servers/${SERVER}/attachvolume`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:5173',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-auth-token',
        },
      });
    const on = await start([]);
    const allowed = await preflight(on.url);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('*');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('content-type,x-auth-token');
    const off = await start(['--cors', 'false']);
    const refused = await preflight(off.url);
    expect(refused.status).toBe(404);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.each([
    [['--outcome', 'maybe'], '--outcome must be success or failed'],
    [['--cors', 'yes'], '--cors must be true or false'],
    [['--running-after', 'soon'], '--running-after must be a number of milliseconds'],
    [['--operation-error', 'short'], 'lifecycle'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--port', 'abc'], '--port must be an integer'],
    [['--latency', '300-100'], '--latency'],
    [['--access-key', 'nocolon'], '--access-key must be AK:SK'],
    [['--access-key', 'AK:'], '--access-key must be AK:SK'],
    [['--state', '/nonexistent/state.json'], '--state /nonexistent/state.json'],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('never echoes a malformed --access-key, which may hold a secret key', async () => {
    const { code, stderr } = await run(['--access-key', 'secret-key-without-colon']);
    expect(code).toBe(2);
    expect(stderr).not.toContain('secret-key-without-colon');
  });

  it('exits 2 for a --state file that breaks the spec', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'modelarts-stub-'));
    const file = join(dir, 'state.json');
    await writeFile(
      file,
      JSON.stringify([{ serverId: 'not-a-uuid', type: 'node_attach_volume', lifecycle: {} }]),
    );
    const { code, stderr } = await run(['--state', file]);
    expect(code).toBe(2);
    expect(stderr).toContain('serverId');
  });

  it('exits 1 with a clear message when the port is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, stderr } = await run(['--port', String(port)]);
      expect(code).toBe(1);
      expect(stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('prints help and version', async () => {
    expect((await run(['--help'])).stdout).toContain('--access-key <AK:SK>');
    expect((await run(['--version'])).stdout.trim()).toBe('0.1.0');
  });
});
