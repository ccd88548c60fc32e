// CORS headers on answers that wait (a body to read) interleaved with answers that do not, over
// HTTP: the CORS module recognises the answer it was just handed without marking every Response,
// so answers that arrive out of order must still carry the headers, each exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServedStub, serve } from '../src/node.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const SERVER = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const VOLUME = '1e79eff7-c02b-4dfd-a0d6-0b2f3c4d5e6f';
const TOKEN = { 'x-auth-token': 't' };

let served: ServedStub;
beforeAll(async () => {
  served = await serve({ port: 0, host: '127.0.0.1', cors: { origin: 'http://a.test' } });
});
afterAll(() => served.close());

describe('CORS on interleaved answers', () => {
  it('puts the CORS headers once on every answer, waiting or not', async () => {
    const attach = () =>
      fetch(`${served.url}/v1/${PROJECT}/dev-servers/${SERVER}/attachvolume`, {
        method: 'POST',
        headers: { ...TOKEN, 'content-type': 'application/json' },
        body: JSON.stringify({ volume_id: VOLUME }),
      });
    const read = (i: number) =>
      fetch(
        `${served.url}/v1/${PROJECT}/dev-servers/${SERVER}/operation/3f9a1c2e-7b4d-4e8f-9a6b-1c2d3e4f5a${(0x10 + i).toString(16)}`,
        { headers: TOKEN },
      );
    const unknown = () => fetch(`${served.url}/v1/${PROJECT}/nothing-here`, { headers: TOKEN });
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => [attach(), read(i), unknown()]).flat(),
    );
    const statuses = new Set<number>();
    for (const answer of answers) {
      statuses.add(answer.status);
      expect(answer.headers.get('access-control-allow-origin')).toBe('http://a.test');
      expect(answer.headers.get('access-control-expose-headers')).toBe('X-Request-Id');
      expect(answer.headers.get('vary')).toBe('Origin');
      expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
      await answer.arrayBuffer();
    }
    expect([...statuses].sort()).toEqual([200, 404]);
  });
});
