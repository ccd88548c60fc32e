import { describe, expect, it } from 'vitest';
import { aloneInWorker } from '../../test/alone-in-worker.js';
import { details, json, OPERATION_PATH, PATH_PARAMS } from '../../test/fake-fetch.js';
import { createModelArtsClient } from '../index.js';
import { deadlinePool, startDeadline } from './deadline.js';

const pendingTimers = () =>
  process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

describe('deadlines', () => {
  // A deadline is the only thing that ends a call whose fetch never settles: its timer must keep
  // the event loop alive, or the process (or worker) stops with the call still pending.
  it.each([
    ['pooled, for a call without a signal of its own', ''],
    ["of its own, for a call with the caller's signal", 'signal: new AbortController().signal,'],
  ])('fire when nothing else keeps the event loop alive: %s', async (_, signal) => {
    const outcome = await aloneInWorker(`
      const api = client.createModelArtsClient({
        baseUrl: 'https://stub.test', auth: { token: 't' }, retry: false, timeoutMs: 100, fetch: hang,
      });
      const path = { project_id: '0123456789abcdef0123456789abcdef',
        id: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f', operation_id: '3f9a1c2e-7b4d-4e8f-9a6b-1c2d3e4f5a6b' };
      await api.GET(${JSON.stringify(OPERATION_PATH)}, { params: { path }, ${signal} });
      return 'answered';
    `);
    expect(outcome).toBe('threw TimeoutError');
  });

  it('leave no timer pending after 500 calls, answered or failed', async () => {
    let n = 0;
    const client = createModelArtsClient({
      baseUrl: 'https://stub.test',
      auth: { token: 't' },
      retry: false,
      // Every fifth call fails, to cover the rejected path too.
      fetch: async () => {
        if (++n % 5 === 0) throw new TypeError('fetch failed');
        return json(details('running'));
      },
    });
    const before = pendingTimers();
    for (let i = 0; i < 500; i++) {
      await client.GET(OPERATION_PATH, { params: PATH_PARAMS }).catch(() => {});
      // The timer of a settled call is gone at once, not at its 30 s deadline.
      if (i % 100 === 0) expect(pendingTimers()).toBe(before);
    }
    expect(pendingTimers()).toBe(before);
  }, 20_000);

  it('a pooled deadline aborts an overrunning call with a TimeoutError, then starts afresh', async () => {
    const start = deadlinePool(30);
    const first = start();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(first.timedOut()).toBe(true);
    expect(first.signal.reason).toMatchObject({ name: 'TimeoutError' });
    first.clear();
    const second = start();
    expect(second.signal.aborted).toBe(false);
    second.clear();
  });

  it('shares a signal only among calls started together, and only while the timer runs', () => {
    let time = 0;
    const start = deadlinePool(1_000, () => time);
    const a = start();
    time = 5;
    const b = start();
    expect(b.signal).toBe(a.signal);
    // Started 15 ms after a, past the 10 ms slack, while a is in flight: a deadline of its own.
    time = 15;
    const c = start();
    expect(c.signal).not.toBe(a.signal);
    a.clear();
    b.clear();
    c.clear();
    // Nothing in flight: the pooled signal, never aborted, serves the next group.
    time = 500;
    const d = start();
    expect(d.signal).toBe(a.signal);
    d.clear();
  });

  it("a single deadline follows the caller's abort and unhooks itself when cleared", () => {
    const caller = new AbortController();
    const deadline = startDeadline(1_000, caller.signal);
    const reason = new Error('stop');
    caller.abort(reason);
    expect(deadline.signal.reason).toBe(reason);
    expect(deadline.timedOut()).toBe(false);
    deadline.clear();

    const other = new AbortController();
    const cleared = startDeadline(1_000, other.signal);
    cleared.clear();
    other.abort(new Error('late'));
    expect(cleared.signal.aborted).toBe(false);
  });
});
