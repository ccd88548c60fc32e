import { verifyRequest } from '@modelarts-lite/signer';
import createClient, { type Middleware } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { CREDENTIALS, fakeFetch, hang, json, secretFor } from '../../test/fake-fetch.js';
import { withGcPressure } from '../../test/gc-pressure.js';
import { akskAuth, type RetryOptions, retry, timeout } from '../index.js';

// A small API with every method, so that the method rules can be tested on one path.
interface ThingOperation {
  parameters: { query?: never; header?: never; path?: never; cookie?: never };
  requestBody?: { content: { 'application/json': { name: string } } };
  responses: {
    200: { headers: Record<string, unknown>; content: { 'application/json': { n: number } } };
    default: { headers: Record<string, unknown>; content: { 'application/json': unknown } };
  };
}
interface TestPaths {
  '/things': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: ThingOperation;
    put: ThingOperation;
    post: ThingOperation;
    patch: ThingOperation;
    delete: ThingOperation;
  };
}

const ok = (n = 1) => json({ n });
const status = (code: number, headers: Record<string, string> = {}) =>
  json({ error_code: `HTTP.${code}`, error_msg: 'x' }, code, headers);
const networkError = () => new TypeError('fetch failed');

/** A client whose sleeps are recorded and instant. */
function setup(
  answers: Parameters<typeof fakeFetch>,
  options: RetryOptions = {},
  ...rest: Middleware[]
) {
  const fetch = fakeFetch(...answers);
  const delays: number[] = [];
  const client = createClient<TestPaths>({ baseUrl: 'https://api.test', fetch });
  client.use(
    ...rest,
    retry({
      sleep: async (ms) => {
        delays.push(ms);
      },
      ...options,
    }),
  );
  return { client, fetch, delays };
}

describe('retry', () => {
  it('retries a network error, then succeeds', async () => {
    const { client, fetch, delays } = setup([networkError(), ok(7)]);
    const { data } = await client.GET('/things');
    expect(data).toEqual({ n: 7 });
    expect(fetch.requests).toHaveLength(2);
    expect(delays).toHaveLength(1);
  });

  it.each([429, 500, 502, 503, 504])('retries HTTP %i', async (code) => {
    const { client, fetch } = setup([status(code), ok()]);
    const { data, response } = await client.GET('/things');
    expect(response.status).toBe(200);
    expect(data).toEqual({ n: 1 });
    expect(fetch.requests).toHaveLength(2);
  });

  it.each([400, 401, 403, 404])('does not retry HTTP %i', async (code) => {
    const { client, fetch, delays } = setup([status(code), ok()]);
    const { error, response } = await client.GET('/things');
    expect(response.status).toBe(code);
    expect(error).toEqual({ error_code: `HTTP.${code}`, error_msg: 'x' });
    expect(fetch.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it.each(['GET', 'PUT'] as const)('retries idempotent %s', async (method) => {
    const { client, fetch } = setup([status(503), ok()]);
    await client.request(method.toLowerCase() as 'get', '/things');
    expect(fetch.requests.map((r) => r.method)).toEqual([method, method]);
  });

  it.each(['POST', 'PATCH', 'DELETE'] as const)('never retries %s by default', async (method) => {
    const { client, fetch } = setup([status(503), ok()]);
    const { response } = await client.request(method.toLowerCase() as 'post', '/things', {
      body: { name: 'a' },
    });
    expect(response.status).toBe(503);
    expect(fetch.requests).toHaveLength(1);
  });

  it('does not retry a POST network error by default: it rejects', async () => {
    const { client, fetch } = setup([networkError(), ok()]);
    await expect(client.POST('/things', { body: { name: 'a' } })).rejects.toThrow('fetch failed');
    expect(fetch.requests).toHaveLength(1);
  });

  it('retries POST when opted in, resending the same body', async () => {
    const { client, fetch } = setup([status(503), networkError(), ok()], {
      methods: ['post'],
    });
    const { data } = await client.POST('/things', { body: { name: 'payload' } });
    expect(data).toEqual({ n: 1 });
    const bodies = await Promise.all(fetch.requests.map((r) => r.text()));
    expect(bodies).toEqual(Array(3).fill('{"name":"payload"}'));
  });

  it('gives up after `retries` retries and returns the last answer', async () => {
    const { client, fetch, delays } = setup([status(503), status(503), status(503), ok()]);
    const { response } = await client.GET('/things');
    expect(response.status).toBe(503);
    expect(fetch.requests).toHaveLength(3); // the default: 2 retries
    expect(delays).toHaveLength(2);
  });

  it('honours a custom retry count, and 0 disables retries', async () => {
    const five = setup(
      Array.from({ length: 6 }, () => status(500)),
      { retries: 5 },
    );
    expect((await five.client.GET('/things')).response.status).toBe(500);
    expect(five.fetch.requests).toHaveLength(6);

    const none = setup([status(500), ok()], { retries: 0 });
    expect((await none.client.GET('/things')).response.status).toBe(500);
    expect(none.fetch.requests).toHaveLength(1);
  });

  it('rejects with the last network error once retries are exhausted', async () => {
    const { client, fetch } = setup([networkError(), networkError(), new TypeError('last')]);
    await expect(client.GET('/things')).rejects.toThrow('last');
    expect(fetch.requests).toHaveLength(3);
  });

  it('rejects with a network error of a retry that follows a 5xx', async () => {
    const { client } = setup([status(500), networkError(), new TypeError('still down')]);
    await expect(client.GET('/things')).rejects.toThrow('still down');
  });

  it('draws full-jitter delays in [0, min(cap, base * 2^attempt))', async () => {
    const answers = () => Array.from({ length: 6 }, () => status(500));
    const top = setup(answers(), {
      retries: 5,
      baseDelayMs: 100,
      maxDelayMs: 1_000,
      random: () => 0.999,
    });
    await top.client.GET('/things');
    expect(top.delays.map(Math.round)).toEqual([100, 200, 400, 799, 999]);

    const half = setup(answers(), {
      retries: 5,
      baseDelayMs: 100,
      maxDelayMs: 1_000,
      random: () => 0.5,
    });
    await half.client.GET('/things');
    expect(half.delays).toEqual([50, 100, 200, 400, 500]);

    const zero = setup([status(500), ok()], { random: () => 0 });
    await zero.client.GET('/things');
    expect(zero.delays).toEqual([0]);
  });

  it('jitters with Math.random by default, within the bounds', async () => {
    const { client, delays } = setup([status(500), status(500), ok()], {
      baseDelayMs: 100,
      maxDelayMs: 150,
    });
    await client.GET('/things');
    expect(delays[0]).toBeGreaterThanOrEqual(0);
    expect(delays[0]).toBeLessThan(100);
    expect(delays[1]).toBeLessThan(150);
  });

  it('waits Retry-After seconds instead of the jittered delay', async () => {
    const { client, delays } = setup([status(429, { 'Retry-After': '3' }), ok()], {
      random: () => 0,
    });
    await client.GET('/things');
    expect(delays).toEqual([3_000]);
  });

  it('waits until a Retry-After HTTP-date', async () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    const { client, delays } = setup(
      [status(503, { 'Retry-After': 'Wed, 01 Jan 2025 00:00:04 GMT' }), ok()],
      { now: () => now },
    );
    await client.GET('/things');
    expect(delays).toEqual([4_000]);
  });

  it('caps Retry-After at maxDelayMs, and treats a past date as no wait', async () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    const { client, delays } = setup(
      [
        status(429, { 'Retry-After': '3600' }),
        status(503, { 'Retry-After': 'Tue, 31 Dec 2024 23:00:00 GMT' }),
        ok(),
      ],
      { maxDelayMs: 5_000, now: () => now },
    );
    await client.GET('/things');
    expect(delays).toEqual([5_000, 0]);
  });

  it('ignores an unreadable Retry-After', async () => {
    const { client, delays } = setup([status(503, { 'Retry-After': 'soon' }), ok()], {
      baseDelayMs: 100,
      random: () => 0.5,
    });
    await client.GET('/things');
    expect(delays).toEqual([50]);
  });

  it('rejects promptly with the abort reason when aborted during the backoff', async () => {
    const fetch = fakeFetch(status(503, { 'Retry-After': '10' }), ok());
    const client = createClient<TestPaths>({ baseUrl: 'https://api.test', fetch });
    client.use(retry()); // the real sleep
    const controller = new AbortController();
    const reason = new Error('cancelled by user');
    const started = performance.now();
    const call = client.GET('/things', { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 20);
    await expect(call).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(fetch.requests).toHaveLength(1);
  });

  it('still stops on abort during the backoff while garbage collection runs', async () => {
    await withGcPressure(async () => {
      const fetch = fakeFetch(status(503, { 'Retry-After': '10' }), ok());
      const client = createClient<TestPaths>({ baseUrl: 'https://api.test', fetch });
      client.use(retry({ perAttempt: [timeout(5_000)] }));
      const controller = new AbortController();
      const call = client.GET('/things', { signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, 50));
      controller.abort(new Error('cancelled under GC'));
      await expect(call).rejects.toThrow('cancelled under GC');
    });
  });

  it('lets the caller abort a retry attempt while garbage collection runs', async () => {
    await withGcPressure(async () => {
      let retried: () => void = () => {};
      const retrying = new Promise<void>((resolve) => {
        retried = resolve;
      });
      const fetch = fakeFetch(status(503), (request) => {
        retried();
        return hang(request);
      });
      const client = createClient<TestPaths>({ baseUrl: 'https://api.test', fetch });
      client.use(retry({ perAttempt: [timeout(5_000)], random: () => 0 }));
      const controller = new AbortController();
      const call = client.GET('/things', { signal: controller.signal });
      // Collections run while the retry is in flight, from when it was sent rather than from a
      // fixed start, so a busy machine cannot abort the first attempt instead.
      await retrying;
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(fetch.requests).toHaveLength(2);
      controller.abort(new Error('cancelled the retry'));
      await expect(call).rejects.toThrow('cancelled the retry');
    });
  });

  it('rejects promptly when aborted during the backoff after a network error', async () => {
    const fetch = fakeFetch(networkError(), ok());
    const client = createClient<TestPaths>({ baseUrl: 'https://api.test', fetch });
    client.use(retry({ baseDelayMs: 10_000, maxDelayMs: 10_000, random: () => 1 }));
    const controller = new AbortController();
    const call = client.GET('/things', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(call).rejects.toThrow('stop');
    expect(fetch.requests).toHaveLength(1);
  });

  it('does not retry, nor wait, once the caller has aborted', async () => {
    const { client, fetch, delays } = setup([hang, ok()]);
    const controller = new AbortController();
    const call = client.GET('/things', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('caller gave up')), 5);
    await expect(call).rejects.toThrow('caller gave up');
    expect(fetch.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('re-signs every attempt with a fresh X-Sdk-Date', async () => {
    const dates = ['2025-01-01T00:00:00Z', '2025-01-01T00:00:07Z', '2025-01-01T00:01:00Z'];
    let i = 0;
    const { client, fetch } = setup([status(500), networkError(), ok()], {
      perAttempt: [akskAuth(CREDENTIALS, { now: () => new Date(dates[i++] as string) })],
    });
    await client.GET('/things');

    expect(fetch.requests.map((r) => r.headers.get('X-Sdk-Date'))).toEqual([
      '20250101T000000Z',
      '20250101T000007Z',
      '20250101T000100Z',
    ]);
    const signatures = new Set(fetch.requests.map((r) => r.headers.get('Authorization')));
    expect(signatures.size).toBe(3);
    for (const [n, request] of fetch.requests.entries()) {
      const result = await verifyRequest(request, secretFor, { now: new Date(dates[n] as string) });
      expect(result.ok).toBe(true);
    }
  });

  it('signs over headers set before retry, on every attempt', async () => {
    const addHeader: Middleware = {
      onRequest({ request }) {
        request.headers.set('X-Project-Id', 'p1');
      },
    };
    const { client, fetch } = setup(
      [status(500), ok()],
      { perAttempt: [akskAuth(CREDENTIALS)] },
      addHeader,
    );
    await client.GET('/things');
    for (const request of fetch.requests) {
      expect(request.headers.get('Authorization')).toContain('x-project-id');
      expect((await verifyRequest(request, secretFor)).ok).toBe(true);
    }
  });

  it('gives each attempt its own timeout', async () => {
    const { client, fetch } = setup([hang, hang, ok(3)], { perAttempt: [timeout(20)] });
    const { data } = await client.GET('/things');
    expect(data).toEqual({ n: 3 });
    expect(fetch.requests).toHaveLength(3);
  });

  it('runs perAttempt response and error hooks for every attempt', async () => {
    const seen: string[] = [];
    const observer: Middleware = {
      onResponse({ response }) {
        seen.push(`response ${response.status}`);
      },
      onError({ error }) {
        seen.push(`error ${(error as Error).message}`);
      },
    };
    const { client } = setup([status(500), networkError(), ok()], { perAttempt: [observer] });
    await client.GET('/things');
    expect(seen).toEqual(['response 500', 'error fetch failed', 'response 200']);
  });

  it('lets a perAttempt onError recover with a response', async () => {
    const recover: Middleware = { onError: () => json({ n: 42 }) };
    const { client, fetch } = setup([networkError()], { perAttempt: [recover] });
    const { data } = await client.GET('/things');
    expect(data).toEqual({ n: 42 });
    expect(fetch.requests).toHaveLength(1);
  });

  it('does not retry an abort error thrown by fetch', async () => {
    const abort = new DOMException('aborted', 'AbortError');
    const { client, fetch } = setup([abort, ok()]);
    await expect(client.GET('/things')).rejects.toBe(abort);
    expect(fetch.requests).toHaveLength(1);
  });

  it('rejects out-of-range options', () => {
    expect(() => retry({ retries: -1 })).toThrow(RangeError);
    expect(() => retry({ retries: 1.5 })).toThrow(RangeError);
    expect(() => retry({ baseDelayMs: Number.NaN })).toThrow(RangeError);
    expect(() => retry({ maxDelayMs: -5 })).toThrow(RangeError);
  });
});
