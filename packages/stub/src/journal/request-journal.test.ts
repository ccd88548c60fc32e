import { afterEach, describe, expect, it } from 'vitest';
import { createStub } from '../create-stub.js';
import { serve } from '../node.js';
import { createRequestJournal, JOURNAL_BODY_LIMIT } from './request-journal.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const SERVER = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const PATH = `/v1/${PROJECT}/dev-servers/${SERVER}/operation/op-1`;
const SECRET = 'journal-secret-token';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('request journal in-process', () => {
  it('records method, path, operationId, status, request id, time, query and redacted headers', async () => {
    const stub = createStub();
    const response = await stub.fetch(`https://modelarts.test${PATH}?debug=1&tag=a&tag=b`, {
      headers: { 'x-auth-token': SECRET, 'x-project-id': 'p-1', cookie: 'session=abc' },
    });
    await stub.fetch('https://modelarts.test/v1/unknown');
    const [first, second] = stub.requests();
    expect(first).toMatchObject({
      method: 'GET',
      path: PATH,
      operationId: 'ShowServerOperation',
      status: 200,
      requestId: response.headers.get('x-request-id'),
      query: { debug: '1', tag: ['a', 'b'] },
      headers: { 'x-auth-token': '[REDACTED]', cookie: '[REDACTED]', 'x-project-id': 'p-1' },
      body: null,
    });
    expect(Date.parse(first?.time ?? '')).not.toBeNaN();
    expect(second).toMatchObject({ path: '/v1/unknown', operationId: null, status: 404 });
    expect(JSON.stringify(stub.requests())).not.toContain(SECRET);
  });

  it('filters by operationId and is cleared by a state reset', async () => {
    const stub = createStub();
    await stub.fetch(PATH, { headers: { 'x-auth-token': 't' } });
    await stub.fetch('/v1/nope', { method: 'HEAD' });
    expect(stub.requests({ operationId: 'ShowServerOperation' })).toHaveLength(1);
    expect(stub.requests({ operationId: null })).toMatchObject([{ method: 'HEAD', status: 404 }]);
    stub.state.reset();
    expect(stub.requests()).toEqual([]);
  });

  it('keeps the last entries of a bounded ring and cuts long bodies', async () => {
    const journal = createRequestJournal(3);
    for (let index = 0; index < 5; index++) {
      journal.record(
        new Request(`http://x/${index}`),
        undefined,
        null,
        new Response(null, { status: 404 }),
      );
    }
    expect(journal.list().map((e) => e.path)).toEqual(['/2', '/3', '/4']);
    journal.clear();
    expect(journal.list()).toEqual([]);
    expect(JOURNAL_BODY_LIMIT).toBe(4096);
  });
});

describe('request journal over HTTP', () => {
  it('serves GET /__stub/requests with ?operationId= and clears on DELETE', async () => {
    const served = await serve({ port: 0 });
    closers.push(served.close);
    await fetch(`${served.url}${PATH}`, {
      headers: { 'x-auth-token': SECRET, authorization: 'x' },
    });
    await fetch(`${served.url}/nowhere`);
    const all = (await (await fetch(`${served.url}/__stub/requests`)).json()) as {
      requests: any[];
    };
    expect(all.requests.map((r) => [r.operationId, r.status])).toEqual([
      ['ShowServerOperation', 200],
      [null, 404],
    ]);
    expect(all.requests[0].headers['x-auth-token']).toBe('[REDACTED]');
    expect(all.requests[0].headers.authorization).toBe('[REDACTED]');
    expect(JSON.stringify(all)).not.toContain(SECRET);
    const one = await (
      await fetch(`${served.url}/__stub/requests?operationId=ShowServerOperation`)
    ).json();
    expect(one.requests).toHaveLength(1);
    expect((await fetch(`${served.url}/__stub/requests`, { method: 'DELETE' })).status).toBe(204);
    expect((await (await fetch(`${served.url}/__stub/requests`)).json()).requests).toEqual([]);
    await fetch(`${served.url}${PATH}`, { headers: { 'x-auth-token': 't' } });
    await fetch(`${served.url}/__stub/state`, { method: 'DELETE' });
    expect((await (await fetch(`${served.url}/__stub/requests`)).json()).requests).toEqual([]);
  });
});
