// Credentials, tokens and signatures never reach logs, error messages or answers, on every path
// that writes something: the --log line, console.error (contract violations, internal errors),
// error bodies and headers. Each secret is a distinctive string searched for everywhere.
import { signRequest } from '@modelarts-lite/signer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ACCESS_KEY } from '../src/auth/default-access-key.js';
import { createStub } from '../src/create-stub.js';
import { serve } from '../src/node.js';
import { exposureFor, isLoopback } from '../src/server/exposure.js';

const SERVER = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const PATH = `/v1/p/dev-servers/${SERVER}/operation/broken`;
const SECRETS = {
  goodToken: 'good-token-SECRET-1111',
  badToken: 'bad-token-SECRET-2222',
  adminToken: 'admin-token-SECRET-3333',
  wrongAdminToken: 'wrong-admin-SECRET-4444',
  secretKey: 'secret-key-SECRET-5555',
};

let printed: string[];
beforeEach(() => {
  printed = [];
  for (const method of ['log', 'error', 'warn', 'info'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      printed.push(
        args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '),
      );
    });
  }
});
afterEach(() => vi.restoreAllMocks());

function stubOptions(log: string[]) {
  return {
    tokens: [SECRETS.goodToken],
    adminToken: SECRETS.adminToken,
    log: (line: string) => log.push(line),
  };
}

/** Requests that carry every secret down every path that answers or logs. */
async function requests(): Promise<Request[]> {
  const signed = await signRequest(new Request(`http://stub${PATH}`), DEFAULT_ACCESS_KEY);
  const signature = /Signature=([0-9a-f]{64})/.exec(signed.headers.get('authorization') ?? '')?.[1];
  const tampered = new Headers(signed.headers);
  tampered.set('authorization', (signed.headers.get('authorization') ?? '').replace(/.$/, '0'));
  const wrongKey = await signRequest(new Request(`http://stub${PATH}`), {
    accessKeyId: DEFAULT_ACCESS_KEY.accessKeyId,
    secretAccessKey: SECRETS.secretKey,
  });
  SIGNATURES.push(
    signature ?? 'none',
    /Signature=([0-9a-f]{64})/.exec(wrongKey.headers.get('authorization') ?? '')?.[1] ?? 'none',
  );
  return [
    new Request(`http://stub${PATH}`, { headers: { 'x-auth-token': SECRETS.goodToken } }),
    new Request(`http://stub${PATH}`, { headers: { 'x-auth-token': SECRETS.badToken } }),
    new Request(`http://stub${PATH}`, { headers: signed.headers }),
    new Request(`http://stub${PATH}`, { headers: tampered }),
    new Request(`http://stub${PATH}`, { headers: wrongKey.headers }),
    new Request('http://stub/__stub/operations', {
      headers: { 'x-stub-admin-token': SECRETS.wrongAdminToken },
    }),
    new Request('http://stub/__stub/operations', {
      headers: { authorization: `Bearer ${SECRETS.wrongAdminToken}` },
    }),
    new Request('http://stub/__stub/operations', {
      method: 'POST',
      headers: { 'x-stub-admin-token': SECRETS.adminToken, 'content-type': 'application/json' },
      body: JSON.stringify({ serverId: SERVER, type: 'x', token: SECRETS.goodToken }),
    }),
  ];
}
const SIGNATURES: string[] = [];

function expectNoSecret(where: string, text: string): void {
  for (const secret of [...Object.values(SECRETS), ...SIGNATURES]) {
    expect(text, `${where} leaks a secret`).not.toContain(secret);
  }
}

function breakState(stub: ReturnType<typeof createStub>): void {
  // An answer the spec forbids: the contract-violation path logs and answers too.
  stub.state.insertUnchecked({
    serverId: SERVER,
    operationId: 'broken',
    type: 'node_attach_volume',
    timeline: [{ status: 'failed', at: 0, error: { code: 'bad', message: 'broken on purpose' } }],
  });
}

describe('no secret in logs, messages or answers', () => {
  it('in-process', async () => {
    const log: string[] = [];
    const stub = createStub(stubOptions(log));
    breakState(stub);
    const answers: string[] = [];
    for (const request of await requests()) {
      try {
        const response = await stub.fetch(request);
        answers.push(
          `${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`,
        );
      } catch (error) {
        answers.push(`${(error as Error).name}: ${(error as Error).message}`);
      }
    }
    // The paths were reached: a contract violation, 401s of both kinds, an admin refusal.
    expect(answers.join('\n')).toMatch(/StubContractViolation/);
    expect(answers.join('\n')).toMatch(/decrypt token fail/);
    expect(answers.join('\n')).toMatch(/verify aksk signature fail/);
    expect(answers.join('\n')).toMatch(/STUB\.Unauthorized/);
    expectNoSecret('answers', answers.join('\n'));
    expectNoSecret('the request log', log.join('\n'));
    expectNoSecret('the console', printed.join('\n'));
    expect(log.length).toBeGreaterThan(0);
  });

  it('over HTTP, where violations go to console.error', async () => {
    const log: string[] = [];
    const served = await serve({ port: 0, ...stubOptions(log) });
    breakState(served.stub);
    const answers: string[] = [];
    try {
      for (const request of await requests()) {
        const response = await fetch(`${served.url}${new URL(request.url).pathname}`, {
          method: request.method,
          headers: request.headers,
          ...(request.method === 'POST' ? { body: await request.text() } : {}),
        });
        answers.push(
          `${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`,
        );
      }
    } finally {
      await served.close();
    }
    expect(answers.join('\n')).toMatch(/STUB\.ContractViolation/);
    expect(printed.join('\n')).toMatch(/contract violation/i);
    expectNoSecret('answers', answers.join('\n'));
    expectNoSecret('the request log', log.join('\n'));
    expectNoSecret('the console', printed.join('\n'));
  });
});

describe('least exposure rules', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
    ['example.com', false],
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback);
  });

  it('generates an admin token off loopback only, unless one is given or the admin API is off', () => {
    expect(exposureFor('127.0.0.1', {})).toEqual({
      loopback: true,
      adminToken: undefined,
      generated: false,
    });
    const open = exposureFor('0.0.0.0', {});
    expect(open.generated).toBe(true);
    expect(open.adminToken).toMatch(/^[\w-]{32}$/);
    expect(exposureFor('0.0.0.0', {}).adminToken).not.toBe(open.adminToken);
    expect(exposureFor('0.0.0.0', { adminToken: 'given' })).toMatchObject({
      adminToken: 'given',
      generated: false,
    });
    expect(exposureFor('0.0.0.0', { admin: false })).toMatchObject({
      adminToken: undefined,
      generated: false,
    });
  });

  it('createStub({ admin: false }) answers the admin API 404 and refuses an empty token', async () => {
    const response = await createStub({ admin: false }).fetch('/__stub/operations');
    expect(response.status).toBe(404);
    expect(() => createStub({ adminToken: '' })).toThrow(RangeError);
  });
});
