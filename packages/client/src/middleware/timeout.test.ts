import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { aloneInWorker } from '../../test/alone-in-worker.js';
import { fakeFetch, hang, json } from '../../test/fake-fetch.js';
import { withGcPressure } from '../../test/gc-pressure.js';
import { timeout } from '../index.js';

interface TestPaths {
  '/slow': {
    get: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      responses: {
        200: { headers: Record<string, unknown>; content: { 'application/json': unknown } };
      };
    };
  };
}

function client(fetch: ReturnType<typeof fakeFetch>, ms: number) {
  const c = createClient<TestPaths>({ baseUrl: 'https://api.test', fetch });
  c.use(timeout(ms));
  return c;
}

describe('timeout', () => {
  it('fires when nothing else keeps the event loop alive (a fetch that never settles)', async () => {
    const outcome = await aloneInWorker(`
      const request = new Request('https://api.test/slow');
      const middleware = client.timeout(100);
      const limited = await middleware.onRequest({ request, id: '1', schemaPath: '/slow', params: {}, options: {} });
      await hang(limited);
      return 'answered';
    `);
    expect(outcome).toBe('threw TimeoutError');
  });

  it('aborts a request not answered in time with a TimeoutError', async () => {
    const started = performance.now();
    await expect(client(fakeFetch(hang), 30).GET('/slow')).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('lets a timely answer through', async () => {
    const { data } = await client(fakeFetch(json({ ok: true })), 1_000).GET('/slow');
    expect(data).toEqual({ ok: true });
  });

  it("keeps the caller's signal working", async () => {
    const controller = new AbortController();
    const call = client(fakeFetch(hang), 10_000).GET('/slow', { signal: controller.signal });
    controller.abort(new Error('caller'));
    await expect(call).rejects.toThrow('caller');
  });

  it('still fires, and still follows the caller, while garbage collection runs', async () => {
    await withGcPressure(async () => {
      // Regression: an AbortSignal.any-based timeout was collected mid-request and never fired.
      for (let i = 0; i < 5; i++) {
        await expect(client(fakeFetch(hang), 20).GET('/slow')).rejects.toMatchObject({
          name: 'TimeoutError',
        });
      }
      const controller = new AbortController();
      const call = client(fakeFetch(hang), 10_000).GET('/slow', { signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, 30));
      controller.abort(new Error('caller, after some GC'));
      await expect(call).rejects.toThrow('caller, after some GC');
    });
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %d ms', (ms) => {
    expect(() => timeout(ms)).toThrow(RangeError);
  });
});

describe('timeout timers', () => {
  const pendingTimers = () =>
    process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

  it('are cleared once the body is read or the request fails, not at the deadline', async () => {
    const answers = Array.from({ length: 200 }, (_, i) =>
      i % 4 === 3 ? new TypeError('fetch failed') : json({ ok: i }),
    );
    const c = client(fakeFetch(...answers), 60_000);
    const before = pendingTimers();
    for (let i = 0; i < answers.length; i++) {
      const result = await c.GET('/slow').catch((error: unknown) => error);
      if (i % 4 !== 3) expect(result).toMatchObject({ data: { ok: i } });
    }
    expect(pendingTimers()).toBe(before);
  });
});
