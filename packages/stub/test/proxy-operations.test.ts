// The proxy in front of the stub for the calls that start operations: a POST with a JSON body and a
// DELETE, with a token and re-signed AK/SK, with and without --errors; and an off-spec upstream
// answer to them turned into a 502 with --errors.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signRequest } from '@modelarts-lite/signer';
import { afterEach, describe, expect, it } from 'vitest';
import { serve } from '../src/node.js';
import { serveProxy } from '../src/proxy/serve-proxy.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const SERVER = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const VOLUME = '1e79eff7-c02b-4dfd-a0d6-0b2f3c4d5e6f';
const ATTACH = `/v1/${PROJECT}/dev-servers/${SERVER}/attachvolume`;
const DETACH = `/v1/${PROJECT}/dev-servers/${SERVER}/detachvolume/${VOLUME}`;
const TOKEN = 'proxy-operations-token';
const CLIENT = {
  accessKeyId: 'CLIENTACCESSKEY00002',
  secretAccessKey: 'client-secret-of-the-proxy',
};
const UPSTREAM = { accessKeyId: 'UPSTREAMACCESSKEY002', secretAccessKey: 'upstream-secret-key' };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function stubBehindProxy(errors: boolean) {
  const upstream = await serve({
    port: 0,
    accessKeys: { [UPSTREAM.accessKeyId]: UPSTREAM.secretAccessKey },
  });
  closers.push(upstream.close);
  const lines: string[] = [];
  const proxy = await serveProxy({
    upstream: upstream.url,
    port: 0,
    errors,
    accessKey: UPSTREAM,
    clientKeys: { [CLIENT.accessKeyId]: CLIENT.secretAccessKey },
    violationLog: (line) => lines.push(line),
  });
  closers.push(proxy.close);
  return { upstream, proxy, lines };
}

type Auth = 'token' | 'AK/SK';
async function request(url: string, init: RequestInit, auth: Auth): Promise<Request> {
  const plain = new Request(url, init);
  if (auth === 'token') {
    plain.headers.set('x-auth-token', TOKEN);
    return plain;
  }
  return signRequest(plain, CLIENT);
}
function attach(base: string, volumeId: string, auth: Auth) {
  return request(
    `${base}${ATTACH}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ volume_id: volumeId }),
    },
    auth,
  );
}
function violations(response: Response): any[] | null {
  const header = response.headers.get('x-contract-violations');
  return header === null ? null : JSON.parse(header);
}

describe.each([false, true])('proxy in front of the stub, errors %s', (errors) => {
  it.each(['token', 'AK/SK'] as const)(
    'forwards attach (body intact) and detach with %s, no violation',
    async (auth) => {
      const { upstream, proxy, lines } = await stubBehindProxy(errors);
      const attached = await fetch(await attach(proxy.url, VOLUME, auth));
      expect(attached.status).toBe(200);
      expect(violations(attached)).toBeNull();
      expect(await attached.json()).toMatchObject({
        operation_status: 'pending',
        operation_type: 'node_attach_volume',
      });
      const detached = await fetch(
        await request(`${proxy.url}${DETACH}`, { method: 'DELETE' }, auth),
      );
      expect(detached.status).toBe(200);
      expect(violations(detached)).toBeNull();
      expect((await detached.json()).operation_type).toBe('node_detach_volume');
      expect(upstream.stub.requests().map((r) => [r.operationId, r.status, r.body])).toEqual([
        ['AttachDevServerVolume', 200, JSON.stringify({ volume_id: VOLUME })],
        ['DetachDevServerVolume', 200, null],
      ]);
      expect(lines).toEqual([]);
    },
  );

  it.each(['token', 'AK/SK'] as const)(
    'flags an attach body breaking the spec with %s',
    async (auth) => {
      const { upstream, proxy, lines } = await stubBehindProxy(errors);
      const response = await fetch(await attach(proxy.url, 'not-a-uuid', auth));
      expect(response.status).toBe(400);
      expect((await response.json()).error_code).toBe('ModelArts.0104');
      expect(violations(response)).toEqual([
        expect.objectContaining({ in: 'request', location: 'body.volume_id' }),
      ]);
      // With --errors the request is answered by the proxy; without, the upstream answers it.
      expect(upstream.stub.requests()).toHaveLength(errors ? 0 : 1);
      expect(lines).toHaveLength(1);
      for (const secret of [TOKEN, CLIENT.secretAccessKey, UPSTREAM.secretAccessKey]) {
        expect(lines.join('\n')).not.toContain(secret);
        expect(response.headers.get('x-contract-violations')).not.toContain(secret);
      }
    },
  );
});

describe('proxy in front of an off-spec upstream of the starting calls', () => {
  it.each([
    ['POST', ATTACH],
    ['DELETE', DETACH],
  ])(
    'lists the off-spec answer to %s, and turns it into a 502 with errors',
    async (method, path) => {
      const upstream = createServer((_, response) => {
        response.writeHead(200, {
          'content-type': 'application/json',
          'x-request-id': 'a'.repeat(32),
        });
        response.end(JSON.stringify({ operation_id: 42 }));
      });
      await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
      closers.push(() => new Promise((resolve) => upstream.close(() => resolve())));
      const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
      for (const errors of [false, true]) {
        const proxy = await serveProxy({ upstream: url, port: 0, errors, violationLog: () => {} });
        closers.push(proxy.close);
        const init: RequestInit = {
          method,
          headers: { 'x-auth-token': TOKEN, 'content-type': 'application/json' },
          ...(method === 'POST' ? { body: JSON.stringify({ volume_id: VOLUME }) } : {}),
        };
        const response = await fetch(`${proxy.url}${path}`, init);
        expect(response.status).toBe(errors ? 502 : 200);
        expect(violations(response)?.[0]).toMatchObject({ in: 'response' });
        if (errors) expect((await response.json()).error_code).toBe('STUB.ContractViolation');
        else expect(await response.json()).toEqual({ operation_id: 42 });
      }
    },
  );
});
