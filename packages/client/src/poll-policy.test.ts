import { describe, expect, it } from 'vitest';
import {
  type Answer,
  details,
  fakeFetch,
  hang,
  json,
  OPERATION_ID,
  PROJECT_ID,
  SERVER_ID,
} from '../test/fake-fetch.js';
import {
  createModelArtsClient,
  ModelArtsApiError,
  OperationTimeoutError,
  type Sleep,
  waitForOperation,
} from './index.js';
import { isTransientPollError, isTransientPollStatus } from './poll-policy.js';

const REF = { projectId: PROJECT_ID, serverId: SERVER_ID, operationId: OPERATION_ID };

/** A client that sends each poll once (no retries of its own) and a clock moved by the sleeps. */
function setup(...answers: Answer[]) {
  const fetch = fakeFetch(...answers);
  const client = createModelArtsClient({
    baseUrl: 'https://stub.test',
    auth: { token: 't' },
    fetch,
    retry: false,
    timeoutMs: 50,
  });
  let time = 0;
  const sleep: Sleep = async (ms, signal) => {
    signal?.throwIfAborted();
    time += ms;
  };
  return { client, fetch, clock: { now: () => time, sleep } };
}

const notJson = () =>
  new Response('{"operation_st', { headers: { 'Content-Type': 'application/json' } });

describe('poll policy', () => {
  it('classifies failures a later poll can get past', () => {
    expect(isTransientPollError(new TypeError('fetch failed'))).toBe(true);
    expect(isTransientPollError(new DOMException('slow', 'TimeoutError'))).toBe(true);
    expect(isTransientPollError(new DOMException('stop', 'AbortError'))).toBe(false);
    expect(isTransientPollError(new Error('bug'))).toBe(false);
    expect([429, 500, 503, 599].every(isTransientPollStatus)).toBe(true);
    expect([400, 401, 404, 409].some(isTransientPollStatus)).toBe(false);
  });
});

describe('waitForOperation between polls', () => {
  it('polls on through network errors, timeouts, broken bodies, 429 and 5xx', async () => {
    const { client, fetch, clock } = setup(
      json(details('running')),
      new TypeError('fetch failed'),
      hang,
      notJson(),
      json({ error_code: 'APIGW.0308', error_msg: 'throttled' }, 429),
      json({ error_code: 'ModelArts.0010', error_msg: 'unavailable' }, 503),
      json(details('success')),
    );
    await expect(waitForOperation(client, REF, clock)).resolves.toEqual(details('success'));
    expect(fetch.requests).toHaveLength(7);
  });

  it('still rejects a 4xx answer at once', async () => {
    const { client, fetch, clock } = setup(
      new TypeError('fetch failed'),
      json({ error_code: 'ModelArts.6404', error_msg: 'DevServer does not exist.' }, 404),
      json(details('success')),
    );
    await expect(waitForOperation(client, REF, clock)).rejects.toBeInstanceOf(ModelArtsApiError);
    expect(fetch.requests).toHaveLength(2);
  });

  it('gives up at its own deadline with the last details it saw', async () => {
    const failures = Array.from({ length: 20 }, () => new TypeError('fetch failed'));
    const { client, clock } = setup(json(details('running')), ...failures);
    const error = await waitForOperation(client, REF, {
      ...clock,
      timeoutMs: 10_000,
      intervalMs: 1_000,
      backoffFactor: 1,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationTimeoutError);
    expect((error as OperationTimeoutError).details).toEqual(details('running'));
  });
});

describe('waitForOperation with a poll in flight (real timers)', () => {
  /** A client whose polls never answer until aborted, with no per-attempt timeout of its own. */
  function stalled() {
    const fetch = fakeFetch(hang, hang);
    const client = createModelArtsClient({
      baseUrl: 'https://stub.test',
      auth: { token: 't' },
      fetch,
      timeoutMs: false,
      retry: false,
    });
    return { client, fetch };
  }

  it('stops at its own timeout without waiting for the poll', async () => {
    const { client, fetch } = stalled();
    const started = performance.now();
    const error = await waitForOperation(client, REF, { timeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationTimeoutError);
    expect(error).toMatchObject({ details: undefined, timeoutMs: 100 });
    expect((error as Error).message).toContain(OPERATION_ID);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(fetch.requests).toHaveLength(1);
    expect(fetch.requests[0]?.signal.aborted).toBe(true);
  });

  it('stops on abort without waiting for the poll', async () => {
    const { client, fetch } = stalled();
    const controller = new AbortController();
    const reason = new Error('shutting down');
    setTimeout(() => controller.abort(reason), 50);
    const started = performance.now();
    await expect(
      waitForOperation(client, REF, { signal: controller.signal, timeoutMs: 60_000 }),
    ).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(fetch.requests[0]?.signal.aborted).toBe(true);
  });
});
