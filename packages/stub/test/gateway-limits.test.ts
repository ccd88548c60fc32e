// API Gateway's documented limits and the slow-client timeouts, over real sockets and in-process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RawAnswer, rawRequest } from '../fuzz/raw-http.mjs';
import { createStub } from '../src/create-stub.js';
import { GATEWAY_LIMITS } from '../src/gateway/limits.js';
import { type ServedStub, serve } from '../src/node.js';

const PATH = '/v1/p/dev-servers/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/operation/op';
const KB = 1024;
const ATTACH =
  '/v1/0123456789abcdef0123456789abcdef/dev-servers/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/attachvolume';
const VOLUME = '1e79eff7-c02b-4dfd-a0d6-0b2f3c4d5e6f';
/** An attach body of exactly `bytes` bytes, valid JSON with the required volume_id. */
function attachBody(bytes: number): string {
  const empty = JSON.stringify({ volume_id: VOLUME, pad: '' });
  return JSON.stringify({ volume_id: VOLUME, pad: 'x'.repeat(bytes - empty.length) });
}

function get(target: string, headers: string[] = []): string {
  return `GET ${target} HTTP/1.1\r\nHost: stub\r\nX-Auth-Token: t\r\n${headers.map((h) => `${h}\r\n`).join('')}Connection: close\r\n\r\n`;
}

function expectRejected(answer: RawAnswer, status: number, code: string): void {
  expect(answer.status, answer.body).toBe(status);
  const requestId = answer.headers.get('x-request-id');
  expect(requestId).toMatch(/^[0-9a-f]{32}$/);
  expect(JSON.parse(answer.body)).toEqual({
    error_code: code,
    error_msg: expect.any(String),
    request_id: requestId,
  });
}

describe('gateway limits over HTTP', () => {
  let served: ServedStub;
  beforeAll(async () => {
    served = await serve({ port: 0, timeouts: { headersMs: 300, requestMs: 600 } });
  });
  afterAll(() => served.close());

  it('answers a URI of exactly 32 KB and refuses one byte more with 414 APIG.0201', async () => {
    const exact = `${PATH}?q=${'a'.repeat(GATEWAY_LIMITS.uriBytes - PATH.length - 3)}`;
    expect(exact).toHaveLength(32 * KB);
    expect((await rawRequest(served.port, get(exact))).status).toBe(200);
    expectRejected(await rawRequest(served.port, get(`${exact}b`)), 414, 'APIG.0201');
  });

  it('refuses a URI far beyond what Node parses with 414 too', async () => {
    const answer = await rawRequest(served.port, get(`${PATH}?q=${'a'.repeat(400 * KB)}`));
    expectRejected(answer, 414, 'APIG.0201');
  });

  it('refuses one header over 32 KB with 494', async () => {
    const name = 'X-Big';
    const fits = `${name}: ${'a'.repeat(32 * KB - name.length)}`;
    expect((await rawRequest(served.port, get(PATH, [fits]))).status).toBe(200);
    expectRejected(await rawRequest(served.port, get(PATH, [`${fits}a`])), 494, 'APIG.0201');
  });

  it('refuses headers over 128 KB in all with 494, duplicates counted once per line', async () => {
    const line = `X-Dup: ${'a'.repeat(30 * KB)}`;
    expect((await rawRequest(served.port, get(PATH, [line, line, line, line]))).status).toBe(200);
    const five = [line, line, line, line, line];
    expectRejected(await rawRequest(served.port, get(PATH, five)), 494, 'APIG.0201');
    const huge = Array.from({ length: 12 }, () => line);
    expectRejected(await rawRequest(served.port, get(PATH, huge)), 494, 'APIG.0201');
  });

  it('refuses a declared body over 12 MB with 413 APIGW.0201 before reading it', async () => {
    const answer = await rawRequest(
      served.port,
      `POST /__stub/operations HTTP/1.1\r\nHost: stub\r\nContent-Length: ${12 * KB * KB + 1}\r\n\r\n{`,
    );
    expectRejected(answer, 413, 'APIGW.0201');
  });

  it('refuses a chunked admin body that grows over 12 MB with 413', async () => {
    // Default timeouts: 13 MB may take longer than the short requestMs of the other tests.
    const roomy = await serve({ port: 0 });
    const chunk = 'a'.repeat(1024 * KB);
    const answer = await rawRequest(roomy.port, (write) => {
      write('POST /__stub/operations HTTP/1.1\r\nHost: stub\r\nTransfer-Encoding: chunked\r\n');
      write('Content-Type: application/json\r\n\r\n');
      for (let i = 0; i < 13; i += 1) write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      write('0\r\n\r\n');
    });
    await roomy.close();
    expectRejected(answer, 413, 'APIGW.0201');
  });

  it('refuses an attach body declared over 12 MB with 413 before reading it', async () => {
    const answer = await rawRequest(
      served.port,
      `POST ${ATTACH} HTTP/1.1\r\nHost: stub\r\nX-Auth-Token: t\r\nContent-Type: application/json\r\nContent-Length: ${12 * KB * KB + 1}\r\n\r\n{`,
    );
    expectRejected(answer, 413, 'APIGW.0201');
  });

  it('refuses a chunked attach body over 12 MB with 413, and accepts one of exactly 12 MB', async () => {
    const roomy = await serve({ port: 0 });
    const send = (body: string) =>
      fetch(`${roomy.url}${ATTACH}`, {
        method: 'POST',
        headers: { 'x-auth-token': 't', 'content-type': 'application/json' },
        // A stream has no Content-Length: it goes out chunked.
        body: new Blob([body]).stream(),
        duplex: 'half',
      } as RequestInit);
    const over = await send(attachBody(12 * KB * KB + 1));
    const overBody = await over.json();
    const exact = await send(attachBody(12 * KB * KB));
    const journal = roomy.stub.requests();
    await roomy.close();
    expect(over.status).toBe(413);
    expect(overBody).toEqual({
      error_code: 'APIGW.0201',
      error_msg: 'Request entity too large',
      request_id: over.headers.get('x-request-id'),
    });
    expect(exact.status).toBe(200);
    expect(journal.map((r) => [r.operationId, r.status])).toEqual([
      ['AttachDevServerVolume', 413],
      ['AttachDevServerVolume', 200],
    ]);
  });

  it.each([
    ['a request line that is not HTTP', 'NOT HTTP AT ALL\r\n\r\n'],
    ['no Host header', `GET ${PATH} HTTP/1.1\r\nX-Auth-Token: t\r\n\r\n`],
    ['a backslash in the path', 'GET /v1\\p HTTP/1.1\r\nHost: stub\r\n\r\n'],
    ['a header without a colon', `GET ${PATH} HTTP/1.1\r\nHost: stub\r\nbroken\r\n\r\n`],
    ['a NUL in a header value', `GET ${PATH} HTTP/1.1\r\nHost: stub\r\nX-A: a\0b\r\n\r\n`],
    [
      'both Content-Length and Transfer-Encoding',
      `POST ${PATH} HTTP/1.1\r\nHost: stub\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n`,
    ],
  ])('answers %s with 400 APIGW.0201 (not Node’s bare 400)', async (_, bytes) => {
    expectRejected(await rawRequest(served.port, bytes), 400, 'APIGW.0201');
  });

  it('cuts off a client whose request head never ends with 408, after headersMs', async () => {
    const answer = await rawRequest(served.port, `GET ${PATH} HTTP/1.1\r\nHost: stub\r\n`, 5000);
    expectRejected(answer, 408, 'APIGW.0201');
    expect(answer.elapsedMs).toBeLessThan(2000);
  });

  it('cuts off a client trickling its head byte by byte', async () => {
    let timer: NodeJS.Timeout | undefined;
    const answer = await rawRequest(
      served.port,
      (write) => {
        timer = setInterval(() => write('X'), 50);
        write(`GET ${PATH} HTTP/1.1\r\nHost: stub\r\nX-Slow: `);
      },
      5000,
    );
    clearInterval(timer);
    expect(answer.closedByServer || answer.status === 408).toBe(true);
    expect(answer.elapsedMs).toBeLessThan(2000);
  });

  it('cuts off a body that never arrives with 408, after requestMs', async () => {
    const answer = await rawRequest(
      served.port,
      'POST /__stub/operations HTTP/1.1\r\nHost: stub\r\nContent-Length: 100\r\n\r\n{',
      5000,
    );
    expectRejected(answer, 408, 'APIGW.0201');
    expect(answer.elapsedMs).toBeLessThan(2500);
  });

  it('cuts off 100 slow clients at once, each holding a 100 KB unfinished head', async () => {
    const head = `GET ${PATH} HTTP/1.1\r\nHost: stub\r\nX-Slow: ${'a'.repeat(100 * KB)}`;
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => rawRequest(served.port, head, 5000)),
    );
    for (const answer of answers) {
      expect(answer.closedByServer || answer.status === 408).toBe(true);
      expect(answer.elapsedMs).toBeLessThan(3000);
    }
  });

  it('cuts off a connection that never sends a byte', async () => {
    const answer = await rawRequest(served.port, '', 5000);
    expect(answer.closedByServer || answer.status === 408).toBe(true);
    expect(answer.elapsedMs).toBeLessThan(2500);
  });

  it('rejects timeouts it cannot honour', async () => {
    await expect(serve({ port: 0, timeouts: { headersMs: 0 } })).rejects.toThrow(RangeError);
    await expect(
      serve({ port: 0, timeouts: { headersMs: 2000, requestMs: 1000 } }),
    ).rejects.toThrow(/headersMs/);
  });
});

describe('gateway limits in-process', () => {
  const stub = createStub();

  it('answers 414 to a URI over 32 KB and 494 to a header over 32 KB', async () => {
    const long = await stub.fetch(`${PATH}?q=${'a'.repeat(32 * KB)}`, {
      headers: { 'x-auth-token': 't' },
    });
    expect(long.status).toBe(414);
    const body = await long.json();
    expect(body).toMatchObject({ error_code: 'APIG.0201' });
    expect(body.request_id).toBe(long.headers.get('x-request-id'));
    const big = await stub.fetch(PATH, {
      headers: { 'x-auth-token': 't', 'x-big': 'a'.repeat(33 * KB) },
    });
    expect(big.status).toBe(494);
  });

  it('answers 413 to an attach body over 12 MB sent without a Content-Length', async () => {
    const response = await stub.fetch(ATTACH, {
      method: 'POST',
      headers: { 'x-auth-token': 't', 'content-type': 'application/json' },
      body: attachBody(12 * KB * KB + 1),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error_code).toBe('APIGW.0201');
    const exact = await stub.fetch(ATTACH, {
      method: 'POST',
      headers: { 'x-auth-token': 't', 'content-type': 'application/json' },
      body: attachBody(12 * KB * KB),
    });
    expect(exact.status).toBe(200);
  });

  it('answers 413 to a declared body over 12 MB', async () => {
    const response = await stub.fetch('/__stub/operations', {
      method: 'POST',
      headers: { 'content-length': String(12 * KB * KB + 1) },
      body: '{}',
    });
    expect(response.status).toBe(413);
  });
});
