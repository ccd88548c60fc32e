/**
 * Fault tests on real sockets: local servers that reset, stall, cut bodies short, lie about
 * JSON, throttle and fail, against the client as users create it. Each case asserts the typed
 * error, its time bound, how many requests were sent, and that no timer or socket is left over.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { details, OPERATION_PATH, PATH_PARAMS } from '../test/fake-fetch.js';
import {
  answer,
  type FaultServer,
  httpResponse,
  type Misbehaviour,
  startFaultServer,
} from '../test/fault-server.js';
import {
  createModelArtsClient,
  ModelArtsApiError,
  type ModelArtsClientOptions,
  ResponseBodyError,
  type Sleep,
  unwrap,
} from './index.js';

const RUNNING = JSON.stringify(details('running'));
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let server: FaultServer | undefined;
let baselineTimers = 0;

const pendingTimers = () =>
  process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

async function eventually(check: () => boolean | Promise<boolean>, withinMs = 2_000) {
  const until = performance.now() + withinMs;
  while (!(await check())) {
    if (performance.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

async function serve(misbehave: Misbehaviour) {
  server = await startFaultServer(misbehave);
  return server;
}

function client(
  target: FaultServer,
  options: Partial<Pick<ModelArtsClientOptions, 'timeoutMs' | 'retry'>> = {},
) {
  return createModelArtsClient({
    baseUrl: target.baseUrl,
    auth: { token: 'fault-token' },
    retry: { baseDelayMs: 10, maxDelayMs: 2_000 },
    ...options,
  });
}

/**
 * A `retry.sleep` that returns at once, recording each delay the client asked for and how many
 * requests the server had seen by then: the server-dictated waits are checked exactly, without
 * spending them (the built-in sleep's real waiting has a test of its own).
 */
function recordedWaits(target: FaultServer) {
  const seen: { ms: number; afterRequests: number }[] = [];
  const sleep: Sleep = async (ms, signal) => {
    signal?.throwIfAborted();
    seen.push({ ms, afterRequests: target.requests });
  };
  return { seen, sleep };
}

/** Runs `call`, returning what it rejected with (or resolved to) and how long it took. */
async function timed<T>(
  call: () => Promise<T>,
): Promise<{ value?: T; error?: unknown; ms: number }> {
  const started = performance.now();
  const outcome = await call().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  return { ...outcome, ms: performance.now() - started };
}

const get = (c: ReturnType<typeof client>, init: { signal?: AbortSignal } = {}) =>
  c.GET(OPERATION_PATH, { params: PATH_PARAMS, ...init });

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  // One request first, so that the HTTP client's own long-lived timers count in the baseline.
  const warm = await serve((socket) => answer(socket, httpResponse(200, RUNNING)));
  await get(client(warm));
  await warm.close();
  baselineTimers = pendingTimers();
});

beforeEach(() => {
  unhandled.length = 0;
});

afterEach(async () => {
  // The client closed every socket it gave up on, and cleared every timer it started.
  if (server) {
    const target = server;
    expect(await eventually(() => target.openConnections() === 0)).toBe(true);
    await target.close();
    server = undefined;
  }
  expect(await eventually(() => pendingTimers() <= baselineTimers)).toBe(true);
  expect(unhandled).toEqual([]);
});

afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

describe('client on a misbehaving network', () => {
  it('a connection reset before the response: TypeError after every retry', async () => {
    const target = await serve((socket) => socket.resetAndDestroy());
    const { error, ms } = await timed(() => get(client(target)));
    expect(error).toBeInstanceOf(TypeError);
    expect(target.requests).toBe(3);
    expect(ms).toBeLessThan(2_000);
  });

  it('a connection reset during the body: ResponseBodyError, retried', async () => {
    const target = await serve((socket) => {
      const head = httpResponse(200, RUNNING, { 'Content-Length': '1000' });
      socket.write(head.slice(0, head.length - 10), () => socket.resetAndDestroy());
    });
    const { error, ms } = await timed(() => get(client(target)));
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect(error).toMatchObject({ status: 200 });
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(target.requests).toBe(3);
    expect(ms).toBeLessThan(2_000);
  });

  it('a server that accepts and never answers: TimeoutError at timeoutMs', async () => {
    const target = await serve(() => {});
    // 250 ms, not less: the request must reach the server within the deadline on a busy machine
    // (Turbo runs other packages' tasks beside this one) for the count below to hold.
    const { error, ms } = await timed(() => get(client(target, { timeoutMs: 250, retry: false })));
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect(target.requests).toBe(1);
    expect(ms).toBeGreaterThanOrEqual(245);
    expect(ms).toBeLessThan(2_000);
  });

  it('a response slower than timeoutMs: every attempt times out, then TimeoutError', async () => {
    const timers = new Set<NodeJS.Timeout>();
    // The answer comes far later than any busy machine delays two 250 ms attempts, so the bound
    // below cannot be reached by waiting for it.
    const target = await serve((socket) => {
      timers.add(setTimeout(() => answer(socket, httpResponse(200, RUNNING)), 5_000));
    });
    const { error, ms } = await timed(() =>
      get(client(target, { timeoutMs: 250, retry: { retries: 1, baseDelayMs: 10 } })),
    );
    for (const timer of timers) clearTimeout(timer);
    expect(error).toMatchObject({ name: 'TimeoutError' });
    // Each attempt reaches the server within its 250 ms deadline, even on a busy machine.
    expect(target.requests).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(500);
    expect(ms).toBeLessThan(4_000);
  });

  it('a truncated JSON body: ResponseBodyError with the SyntaxError as cause, never a bare one', async () => {
    const target = await serve((socket) => answer(socket, httpResponse(200, RUNNING.slice(0, 20))));
    const { error } = await timed(() => get(client(target)));
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    expect((error as Error).message).toContain('not valid JSON');
    expect(target.requests).toBe(3);
  });

  it('a non-JSON body with a JSON content type: ResponseBodyError on success, ModelArtsApiError on error', async () => {
    const html = '<html><title>502 Bad Gateway</title></html>';
    const target = await serve((socket, n) =>
      answer(socket, httpResponse(n === 1 ? 200 : 400, html, { 'X-Request-Id': 'rid' })),
    );
    const { error } = await timed(() => get(client(target, { retry: false })));
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect(error).toMatchObject({ status: 200, requestId: 'rid' });
    const failed = await get(client(target, { retry: false }));
    const apiError = (() => {
      try {
        unwrap(failed);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(apiError).toBeInstanceOf(ModelArtsApiError);
    expect(apiError).toMatchObject({
      status: 400,
      errorCode: 'HTTP.400',
      errorMsg: '502 Bad Gateway',
    });
  });
});

describe('client on a throttling or failing server', () => {
  it('429 with Retry-After in seconds waits that long before the retry', async () => {
    const target = await serve((socket, n) =>
      answer(
        socket,
        n === 1
          ? httpResponse(429, '{"error_code":"APIGW.0308","error_msg":"throttled"}', {
              'Retry-After': '1',
            })
          : httpResponse(200, RUNNING),
      ),
    );
    const waits = recordedWaits(target);
    const { value } = await timed(() => get(client(target, { retry: { sleep: waits.sleep } })));
    expect(value?.data?.operation_status).toBe('running');
    expect(waits.seen).toEqual([{ ms: 1_000, afterRequests: 1 }]);
    expect(target.requests).toBe(2);
  });

  it('429 with Retry-After as an HTTP date waits until then', async () => {
    // A whole second, as an HTTP date has: the wait is exactly the 2 s to the date.
    const now = Math.floor(Date.now() / 1_000) * 1_000;
    const target = await serve((socket, n) =>
      answer(
        socket,
        n === 1
          ? httpResponse(429, '{}', { 'Retry-After': new Date(now + 2_000).toUTCString() })
          : httpResponse(200, RUNNING),
      ),
    );
    const waits = recordedWaits(target);
    const { value } = await timed(() =>
      get(client(target, { retry: { sleep: waits.sleep, now: () => now } })),
    );
    expect(value?.data?.operation_status).toBe('running');
    expect(waits.seen).toEqual([{ ms: 2_000, afterRequests: 1 }]);
    expect(target.requests).toBe(2);
  });

  it('the built-in wait really sleeps the Retry-After delay, capped by maxDelayMs', async () => {
    const sentAt: number[] = [];
    const target = await serve((socket, n) => {
      sentAt.push(performance.now());
      answer(
        socket,
        n === 1 ? httpResponse(429, '{}', { 'Retry-After': '30' }) : httpResponse(200, RUNNING),
      );
    });
    const { value } = await timed(() => get(client(target, { retry: { maxDelayMs: 50 } })));
    expect(value?.data?.operation_status).toBe('running');
    const [throttled = 0, retried = 0] = sentAt;
    // Measured between the server's two answers: neither the capped 50 ms cut short, nor the 30 s.
    expect(retried - throttled).toBeGreaterThanOrEqual(45);
    expect(retried - throttled).toBeLessThan(2_000);
  });

  it('429 without Retry-After backs off with jitter and gives the 429 back after the retries', async () => {
    const target = await serve((socket) =>
      answer(socket, httpResponse(429, '{"error_code":"APIGW.0308","error_msg":"throttled"}')),
    );
    const { value, ms } = await timed(() => get(client(target)));
    expect(value?.response.status).toBe(429);
    expect(() => unwrap(value as NonNullable<typeof value>)).toThrow(ModelArtsApiError);
    expect(target.requests).toBe(3);
    expect(ms).toBeLessThan(1_000);
  });

  it('a storm of 503s: bounded retries, then a ModelArtsApiError via unwrap', async () => {
    const target = await serve((socket) =>
      answer(
        socket,
        httpResponse(503, '{"error_code":"ModelArts.0010","error_msg":"unavailable"}'),
      ),
    );
    const c = client(target, { retry: { retries: 4, baseDelayMs: 5 } });
    const { value, ms } = await timed(() => get(c));
    expect(target.requests).toBe(5);
    expect(ms).toBeLessThan(1_500);
    expect(() => unwrap(value as NonNullable<typeof value>)).toThrow(
      expect.objectContaining({ status: 503, errorCode: 'ModelArts.0010' }),
    );
  });

  it('the caller aborting during a retry wait rejects at once with its reason', async () => {
    const controller = new AbortController();
    const reason = new Error('user gave up');
    // The abort is timed from the server's answer, not from the call, so that a busy machine
    // cannot abort before the first request went out.
    let abortedAt: number | undefined;
    const target = await serve((socket) => {
      answer(socket, httpResponse(503, '{}', { 'Retry-After': '30' }));
      setTimeout(() => {
        abortedAt = performance.now();
        controller.abort(reason);
      }, 50);
    });
    const { error } = await timed(() =>
      get(client(target, { retry: { maxDelayMs: 60_000 } }), { signal: controller.signal }),
    );
    // How long the call outlived the abort: none of the 30 s wait is left to run.
    const late = performance.now() - (abortedAt ?? Number.NaN);
    expect(error).toBe(reason);
    expect(target.requests).toBe(1);
    expect(late).toBeLessThan(500);
  });
});

describe('calls that start operations', () => {
  const failing: Misbehaviour = (socket) =>
    answer(socket, httpResponse(503, '{"error_code":"ModelArts.0010","error_msg":"x"}'));

  it('never retries a POST or a DELETE by default, on an error answer or a reset', async () => {
    const target = await serve(failing);
    const c = client(target);
    const path = '/v1/{project_id}/dev-servers/{id}/operation/{operation_id}' as const;
    // The paths only matter to the server, which fails them all.
    const post = await c.request('post' as 'get', path, { params: PATH_PARAMS });
    const del = await c.request('delete' as 'get', path, { params: PATH_PARAMS });
    expect(post.response.status).toBe(503);
    expect(del.response.status).toBe(503);
    expect(target.requests).toBe(2);
  });

  it('never retries a POST whose connection was reset', async () => {
    const target = await serve((socket) => socket.resetAndDestroy());
    const c = client(target);
    const { error } = await timed(() =>
      c.request('post' as 'get', OPERATION_PATH, { params: PATH_PARAMS }),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(target.requests).toBe(1);
  });

  it('retries them when the caller opts in', async () => {
    const target = await serve(failing);
    const c = client(target, { retry: { baseDelayMs: 5, methods: ['GET', 'POST', 'DELETE'] } });
    await c.request('post' as 'get', OPERATION_PATH, { params: PATH_PARAMS });
    await c.request('delete' as 'get', OPERATION_PATH, { params: PATH_PARAMS });
    expect(target.requests).toBe(6);
  });
});
