import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { signRequest } from '@modelarts-lite/signer';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrokenServer } from '../../test/support/broken-server.js';
import { serve } from '../node.js';
import { type ServeProxyOptions, serveProxy } from './serve-proxy.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const SERVER = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const PATH = `/v1/${PROJECT}/dev-servers/${SERVER}/operation/op-1`;
const TOKEN = 'proxy-secret-token';
const CLIENT = {
  accessKeyId: 'CLIENTACCESSKEY00001',
  secretAccessKey: 'client-secret-key-for-the-proxy',
};
const UPSTREAM = {
  accessKeyId: 'UPSTREAMACCESSKEY001',
  secretAccessKey: 'upstream-secret-key-of-the-stub',
};
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function proxyTo(upstream: string, options: Partial<ServeProxyOptions> = {}) {
  const lines: string[] = [];
  const served = await serveProxy({
    upstream,
    port: 0,
    violationLog: (line) => lines.push(line),
    log: (line) => lines.push(line),
    ...options,
  });
  closers.push(served.close);
  return { ...served, lines };
}

async function stubUpstream(options: Parameters<typeof serve>[0] = {}) {
  const served = await serve({ port: 0, ...options });
  closers.push(served.close);
  return served;
}

function violations(response: Response): any[] | null {
  const header = response.headers.get('x-contract-violations');
  return header === null ? null : JSON.parse(header);
}

describe('proxy', () => {
  it('forwards a conforming exchange with no X-Contract-Violations header, the token untouched', async () => {
    const upstream = await startBrokenServer('none');
    closers.push(upstream.close);
    const proxy = await proxyTo(upstream.url);
    const response = await fetch(`${proxy.url}${PATH}`, { headers: { 'x-auth-token': TOKEN } });
    expect(response.status).toBe(200);
    expect(violations(response)).toBeNull();
    expect((await response.json()).operation_status).toBe('running');
    expect(upstream.seen[0]?.headers['x-auth-token']).toBe(TOKEN);
    expect(proxy.lines.join('\n')).not.toContain(TOKEN);
  });

  it('lists a violating upstream response and logs one line', async () => {
    const upstream = await startBrokenServer('off-spec-body');
    closers.push(upstream.close);
    const proxy = await proxyTo(upstream.url);
    const response = await fetch(`${proxy.url}${PATH}`, { headers: { 'x-auth-token': TOKEN } });
    expect(response.status).toBe(200);
    expect(violations(response)).toEqual([
      expect.objectContaining({
        in: 'response',
        location: 'body',
        check: 'response_schema_conformance',
      }),
    ]);
    const logged = proxy.lines.filter((line) => line.includes('modelarts-stub proxy:'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('response body');
    expect(proxy.lines.join('\n')).not.toContain(TOKEN);
  });

  it('with errors, turns a violating upstream response into a 502 naming the violation', async () => {
    const upstream = await startBrokenServer('undocumented-status');
    closers.push(upstream.close);
    const proxy = await proxyTo(upstream.url, { errors: true });
    const response = await fetch(`${proxy.url}${PATH}`, { headers: { 'x-auth-token': TOKEN } });
    expect(response.status).toBe(502);
    const body = await response.json();
    expect(body.error_code).toBe('STUB.ContractViolation');
    expect(body.error_msg).toContain('status 418 is not documented');
    expect(violations(response)?.[0]).toMatchObject({ in: 'response', location: 'status' });
  });

  it('lists a violating request and still forwards it without errors', async () => {
    const upstream = await startBrokenServer('accepts-invalid-ids');
    closers.push(upstream.close);
    const proxy = await proxyTo(upstream.url);
    const response = await fetch(`${proxy.url}${PATH.replace(SERVER, 'not-a-uuid')}`, {
      headers: { 'x-auth-token': TOKEN },
    });
    expect(upstream.seen).toHaveLength(1);
    expect(response.status).toBe(200);
    expect(violations(response)).toEqual([
      expect.objectContaining({
        in: 'request',
        location: 'path.id',
        constraint: 'path.id.pattern',
      }),
    ]);
  });

  it("with errors, answers a violating request with the API's 400 and does not forward it", async () => {
    const upstream = await startBrokenServer('none');
    closers.push(upstream.close);
    const proxy = await proxyTo(upstream.url, { errors: true });
    const response = await fetch(`${proxy.url}${PATH}`, {
      headers: { 'x-auth-token': TOKEN, 'x-project-id': 'bad!' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error_code: 'ModelArts.0104' });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(violations(response)?.[0]).toMatchObject({
      in: 'request',
      location: 'header.X-Project-Id',
    });
    expect(upstream.seen).toHaveLength(0);
  });

  it('flags unknown routes, and answers them 404 with errors', async () => {
    const upstream = await startBrokenServer('none');
    closers.push(upstream.close);
    const proxy = await proxyTo(upstream.url);
    const forwarded = await fetch(`${proxy.url}/v2/nothing`);
    expect(forwarded.status).toBe(404);
    expect(violations(forwarded)?.[0]).toMatchObject({ in: 'request', location: 'path' });
    const strict = await proxyTo(upstream.url, { errors: true });
    expect((await fetch(`${strict.url}/v2/nothing`)).status).toBe(404);
    expect(upstream.seen).toHaveLength(1);
  });

  it('verifies an AK/SK signature made for the proxy and re-signs it for the upstream', async () => {
    const upstream = await stubUpstream({
      accessKeys: { [UPSTREAM.accessKeyId]: UPSTREAM.secretAccessKey },
    });
    const proxy = await proxyTo(upstream.url, {
      accessKey: UPSTREAM,
      clientKeys: { [CLIENT.accessKeyId]: CLIENT.secretAccessKey },
    });
    const signed = await signRequest(new Request(`${proxy.url}${PATH}`), CLIENT);
    const response = await fetch(signed);
    expect(response.status).toBe(200);
    expect(violations(response)).toBeNull();
    const [recorded] = upstream.stub.requests();
    expect(recorded?.headers.authorization).toBe('[REDACTED]');
    expect(recorded?.status).toBe(200);
  });

  it('rejects a signature that does not verify with 401 and never re-signs it', async () => {
    const upstream = await stubUpstream({
      accessKeys: { [UPSTREAM.accessKeyId]: UPSTREAM.secretAccessKey },
    });
    const proxy = await proxyTo(upstream.url, { accessKey: UPSTREAM });
    const forged = await signRequest(new Request(`${proxy.url}${PATH}`), {
      accessKeyId: UPSTREAM.accessKeyId,
      secretAccessKey: 'guessed',
    });
    const response = await fetch(forged);
    expect(response.status).toBe(401);
    expect((await response.json()).error_code).toBe('APIGW.0301');
    expect(upstream.stub.requests()).toHaveLength(0);
    expect(proxy.lines.join('\n')).not.toContain(UPSTREAM.secretAccessKey);
    expect(response.headers.get('x-contract-violations')).not.toContain('guessed');
  });

  it('serves from the CLI with --port 0 and stops on SIGTERM', async () => {
    const upstream = await startBrokenServer('none');
    closers.push(upstream.close);
    const child = spawn(
      process.execPath,
      [CLI, 'proxy', '--upstream', upstream.url, '--port', '0', '--log'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) resolve(match[1] as string);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
    const response = await fetch(`${url}${PATH}`, { headers: { 'x-auth-token': TOKEN } });
    expect(response.status).toBe(200);
    const exit = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(output).toContain(`GET ${PATH} 200`);
    expect(output).not.toContain(TOKEN);
  });
});
