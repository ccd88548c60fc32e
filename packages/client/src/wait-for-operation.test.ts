import { describe, expect, it, vi } from 'vitest';
import {
  details,
  fakeFetch,
  json,
  OPERATION_ID,
  PROJECT_ID,
  SERVER_ID,
} from '../test/fake-fetch.js';
import {
  createModelArtsClient,
  ModelArtsApiError,
  OperationFailedError,
  OperationTimeoutError,
  type Sleep,
  type WaitForOperationOptions,
  waitForOperation,
} from './index.js';

const REF = { projectId: PROJECT_ID, serverId: SERVER_ID, operationId: OPERATION_ID };

/** A client answered by `answers`, and a fake clock that moves only when the poller sleeps. */
function setup(...answers: Parameters<typeof fakeFetch>) {
  const fetch = fakeFetch(...answers);
  const client = createModelArtsClient({
    baseUrl: 'https://stub.test',
    auth: { token: 't' },
    fetch,
    retry: false,
  });
  let time = 0;
  const sleeps: number[] = [];
  const sleep: Sleep = async (ms, signal) => {
    signal?.throwIfAborted();
    sleeps.push(ms);
    time += ms;
  };
  const clock: WaitForOperationOptions = { now: () => time, sleep };
  return { client, fetch, sleeps, clock };
}

describe('waitForOperation', () => {
  it('polls until success and resolves with the details', async () => {
    const { client, fetch, sleeps, clock } = setup(
      json(details('pending')),
      json(details('running')),
      json(details('success')),
    );
    const result = await waitForOperation(client, REF, clock);
    expect(result).toEqual(details('success'));
    expect(fetch.requests).toHaveLength(3);
    expect(new URL(fetch.requests[0]?.url ?? '').pathname).toBe(
      `/v1/${PROJECT_ID}/dev-servers/${SERVER_ID}/operation/${OPERATION_ID}`,
    );
    expect(sleeps).toEqual([2_000, 3_000]);
  });

  it('rejects with OperationFailedError carrying operation_error', async () => {
    const operationError = {
      code: 'ModelArts.7000',
      message: 'Server type is BMS, does not support detach volume device.',
    };
    const { client, clock } = setup(
      json(details('running')),
      json(details('failed', { operation_error: operationError })),
    );
    const error = await waitForOperation(client, REF, clock).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationFailedError);
    expect(error).toMatchObject({
      operationError,
      details: { operation_status: 'failed', operation_error: operationError },
    });
    expect((error as Error).message).toContain('ModelArts.7000');
  });

  it('rejects with OperationFailedError also without operation_error', async () => {
    const { client, clock } = setup(json(details('failed')));
    const error = await waitForOperation(client, REF, clock).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationFailedError);
    expect((error as OperationFailedError).operationError).toBeUndefined();
  });

  it('times out with the last details attached, polling one last time at the deadline', async () => {
    const { client, fetch, sleeps, clock } = setup(
      ...Array.from({ length: 10 }, () => json(details('running'))),
    );
    const error = await waitForOperation(client, REF, {
      ...clock,
      timeoutMs: 10_000,
      intervalMs: 2_000,
      backoffFactor: 2,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 10_000, details: { operation_status: 'running' } });
    // 2 s, 4 s, then only the 4 s left rather than 8 s; a final poll at the deadline.
    expect(sleeps).toEqual([2_000, 4_000, 4_000]);
    expect(fetch.requests).toHaveLength(4);
  });

  it('caps the interval at maxIntervalMs', async () => {
    const { client, sleeps, clock } = setup(
      ...Array.from({ length: 5 }, () => json(details('running'))),
      json(details('success')),
    );
    await waitForOperation(client, REF, {
      ...clock,
      intervalMs: 1_000,
      backoffFactor: 3,
      maxIntervalMs: 5_000,
    });
    expect(sleeps).toEqual([1_000, 3_000, 5_000, 5_000, 5_000]);
  });

  it('keeps polling through an unknown status', async () => {
    const { client, fetch, clock } = setup(
      json(details('queued_for_maintenance')),
      json(details('success')),
    );
    await expect(waitForOperation(client, REF, clock)).resolves.toMatchObject({
      operation_status: 'success',
    });
    expect(fetch.requests).toHaveLength(2);
  });

  it('calls onUpdate on status changes only', async () => {
    const { client, clock } = setup(
      json(details('pending')),
      json(details('pending')),
      json(details('running')),
      json(details('running')),
      json(details('success')),
    );
    const onUpdate = vi.fn();
    await waitForOperation(client, REF, { ...clock, onUpdate });
    expect(onUpdate.mock.calls.map(([d]) => d.operation_status)).toEqual([
      'pending',
      'running',
      'success',
    ]);
  });

  it('rejects with ModelArtsApiError on an error answer', async () => {
    const { client, clock } = setup(
      json(details('running')),
      json({ error_code: 'ModelArts.6404', error_msg: 'DevServer does not exist.' }, 400),
    );
    const error = await waitForOperation(client, REF, clock).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelArtsApiError);
    expect(error).toMatchObject({ status: 400, errorCode: 'ModelArts.6404' });
  });

  it('rejects with the reason of a signal aborted before it starts, without a request', async () => {
    const { client, fetch, clock } = setup(json(details('running')));
    const reason = new Error('never mind');
    await expect(
      waitForOperation(client, REF, { ...clock, signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    expect(fetch.requests).toHaveLength(0);
  });

  it('rejects promptly when aborted mid-sleep (real timers)', async () => {
    const { client, fetch } = setup(json(details('running')), json(details('success')));
    const controller = new AbortController();
    const reason = new Error('shutting down');
    const started = performance.now();
    const waiting = waitForOperation(client, REF, {
      signal: controller.signal,
      intervalMs: 60_000,
    });
    setTimeout(() => controller.abort(reason), 20);
    await expect(waiting).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(fetch.requests).toHaveLength(1);
  });

  it('passes the signal to the request, so an abort also stops a poll in flight', async () => {
    const { client, fetch } = setup((request) => {
      expect(request.signal.aborted).toBe(false);
      return new Promise((_, reject) =>
        request.signal.addEventListener('abort', () => reject(request.signal.reason)),
      );
    });
    const controller = new AbortController();
    const waiting = waitForOperation(client, REF, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 10);
    await expect(waiting).rejects.toThrow('stop');
    expect(fetch.requests).toHaveLength(1);
  });

  it('rejects out-of-range options', async () => {
    const { client } = setup();
    for (const options of [
      { timeoutMs: 0 },
      { intervalMs: -1 },
      { backoffFactor: 0.5 },
      { maxIntervalMs: Number.NaN },
    ]) {
      await expect(waitForOperation(client, REF, options)).rejects.toThrow(RangeError);
    }
  });
});
