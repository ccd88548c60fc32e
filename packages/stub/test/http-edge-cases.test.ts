// Inputs only a raw HTTP client can send (fetch refuses them): none may answer 500.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServedStub, serve } from '../src/node.js';
import { expectGatewayError, expectOperationAnswer } from './support/spec-oracle.js';

const SERVER = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';

function raw(
  served: ServedStub,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
) {
  return new Promise<{ status: number; headers: Headers; body: unknown }>((resolve, reject) => {
    const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const req = request(
      { host: '127.0.0.1', port: served.port, method, path, headers: { ...headers, ...length } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => {
          const responseHeaders = new Headers(res.headers as Record<string, string>);
          resolve({
            status: res.statusCode as number,
            headers: responseHeaders,
            body: text ? JSON.parse(text) : undefined,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('raw HTTP edge cases', () => {
  let served: ServedStub;
  beforeAll(async () => {
    served = await serve({ port: 0 });
  });
  afterAll(() => served.close());
  const auth = { 'x-auth-token': 't' };

  it.each([
    [
      'a JSON body on a GET',
      'GET',
      `/v1/p/dev-servers/${SERVER}/operation/op`,
      { 'content-type': 'application/json' },
      '{"a":1}',
      200,
    ],
    [
      'invalid JSON on a GET',
      'GET',
      `/v1/p/dev-servers/${SERVER}/operation/op`,
      { 'content-type': 'application/json' },
      '{',
      200,
    ],
    [
      'malformed percent-encoding in project_id',
      'GET',
      `/v1/%E0%A4%A/dev-servers/${SERVER}/operation/op`,
      {},
      undefined,
      400,
    ],
    ['a lone % in the server id', 'GET', '/v1/p/dev-servers/%/operation/op', {}, undefined, 400],
    [
      'raw UTF-8 in the path',
      'GET',
      `/v1/p/dev-servers/${SERVER}/operation/${encodeURIComponent('ü')}`,
      {},
      undefined,
      200,
    ],
    [
      'a latin-1 X-Project-Id',
      'GET',
      `/v1/p/dev-servers/${SERVER}/operation/op`,
      { 'x-project-id': 'caf\u00e9' },
      undefined,
      400,
    ],
    [
      'a 10 kB project_id',
      'GET',
      `/v1/${'a'.repeat(10_000)}/dev-servers/${SERVER}/operation/op`,
      {},
      undefined,
      400,
    ],
  ])('%s', async (_, method, path, headers, body, status) => {
    const answer = await raw(served, method, path, { ...auth, ...headers }, body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    if (status === 404) expectGatewayError(answer.headers, answer.body);
    else expectOperationAnswer(answer.status, answer.headers, answer.body);
  });
});
