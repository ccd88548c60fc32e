// The CLI's graceful shutdown and least exposure, on the built CLI in a child process.
import { afterEach, describe, expect, it } from 'vitest';
import { killStarted, startCli } from './support/start-cli.js';

const PATH = '/v1/p/dev-servers/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/operation/op';
const auth = { 'x-auth-token': 't' };

afterEach(killStarted);

describe('graceful shutdown', () => {
  it('on SIGTERM stops accepting, finishes the request in flight, then exits 0', async () => {
    const stub = await startCli(['--latency', '1200']);
    const inFlight = fetch(`${stub.url}${PATH}`, { headers: auth });
    await new Promise((resolve) => setTimeout(resolve, 300));
    stub.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(fetch(`${stub.url}/openapi.json`)).rejects.toThrow();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect((await response.json()).operation_status).toBeTypeOf('string');
    expect((await stub.exit).code).toBe(0);
  });

  it('on SIGINT too, and a second signal exits at once (130)', async () => {
    const stub = await startCli(['--latency', '5000']);
    const inFlight = fetch(`${stub.url}${PATH}`, { headers: auth }).catch((error) => error);
    await new Promise((resolve) => setTimeout(resolve, 300));
    stub.child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = performance.now();
    stub.child.kill('SIGINT');
    const exit = await stub.exit;
    expect(exit.code).toBe(130);
    expect(exit.at - second).toBeLessThan(1000);
    expect(await inFlight).toBeInstanceOf(Error);
  });

  it('cuts requests still running after --shutdown-timeout and exits 0', async () => {
    const stub = await startCli(['--latency', '5000', '--shutdown-timeout', '300']);
    const inFlight = fetch(`${stub.url}${PATH}`, { headers: auth }).catch((error) => error);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalled = performance.now();
    stub.child.kill('SIGTERM');
    const exit = await stub.exit;
    expect(exit.code).toBe(0);
    expect(exit.at - signalled).toBeLessThan(2000);
    expect(await inFlight).toBeInstanceOf(Error);
  });
});

describe('least exposure', () => {
  it('--no-admin answers the admin API with the gateway 404', async () => {
    const stub = await startCli(['--no-admin']);
    const response = await fetch(`${stub.url}/__stub/operations`);
    expect(response.status).toBe(404);
    expect((await response.json()).error_code).toBe('APIGW.0101');
  });

  it('--admin-token guards the admin API (X-Stub-Admin-Token or Bearer) and never prints it', async () => {
    const token = 'admin-token-that-must-stay-secret';
    const stub = await startCli(['--admin-token', token, '--log']);
    const refused = await fetch(`${stub.url}/__stub/operations`, {
      headers: { 'x-stub-admin-token': 'wrong-admin-token' },
    });
    expect(refused.status).toBe(401);
    const body = await refused.json();
    expect(body.error_code).toBe('STUB.Unauthorized');
    expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(body)).not.toContain('wrong-admin-token');
    expect((await fetch(`${stub.url}/__stub/operations`)).status).toBe(401);
    const byHeader = await fetch(`${stub.url}/__stub/operations`, {
      headers: { 'x-stub-admin-token': token },
    });
    expect(byHeader.status).toBe(200);
    const byBearer = await fetch(`${stub.url}/__stub/state`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(byBearer.status).toBe(204);
    await expect.poll(() => stub.output().match(/__stub/g)?.length ?? 0).toBe(4);
    expect(stub.output()).not.toContain(token);
    expect(stub.output()).not.toContain('wrong-admin-token');
  });

  it('rejects an empty --admin-token and --admin-token with --no-admin', async () => {
    await expect(startCli(['--admin-token', ' '])).rejects.toThrow(/exited 2.*must not be empty/s);
    await expect(startCli(['--admin-token', 'x', '--no-admin'])).rejects.toThrow(/exited 2/);
  });

  it('binds 127.0.0.1 by default and prints no warning or token there', async () => {
    const stub = await startCli([]);
    expect(stub.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stub.output()).not.toMatch(/warning|token/);
    expect((await fetch(`${stub.url}/__stub/operations`)).status).toBe(200);
  });
});
