import { type OperationDetails, type paths, terminalValues } from '@modelarts-lite/types';
import type { Client } from 'openapi-fetch';
import { startDeadline } from './call/deadline.js';
import { ModelArtsApiError } from './errors/model-arts-api-error.js';
import { OperationFailedError } from './errors/operation-failed-error.js';
import { OperationTimeoutError } from './errors/operation-timeout-error.js';
import { checkOperationRef, type OperationRef, readOperation } from './operation-ref.js';
import { isTransientPollError, isTransientPollStatus } from './poll-policy.js';
import { sleep as realSleep, type Sleep } from './sleep.js';

export type { OperationRef } from './operation-ref.js';

/** Options of {@link waitForOperation}. */
export interface WaitForOperationOptions {
  /** Give up after this many milliseconds. Default 600 000 (10 minutes). */
  timeoutMs?: number;
  /** First pause between two polls, in milliseconds. Default 2 000. */
  intervalMs?: number;
  /** Each pause is the previous one times this factor (≥ 1). Default 1.5. */
  backoffFactor?: number;
  /** Longest pause between two polls, in milliseconds. Default 30 000. */
  maxIntervalMs?: number;
  /** Stops waiting: the promise rejects with the signal's reason, also mid-pause. */
  signal?: AbortSignal;
  /** Called with the details whenever the status differs from the previous poll's (and first). */
  onUpdate?: (details: OperationDetails) => void;
  /** Current time in milliseconds; injectable for tests. Default `Date.now`. */
  now?: () => number;
  /** How to pause; injectable for tests. Default a `setTimeout` sleep that rejects on abort. */
  sleep?: Sleep;
}

const TERMINAL: ReadonlySet<string> = new Set(terminalValues.OperationStatus);

function atLeast(name: string, value: number, minimum: number, inclusive: boolean): number {
  if (!(inclusive ? value >= minimum : value > minimum)) {
    const bound = inclusive ? `at least ${minimum}` : `greater than ${minimum}`;
    throw new RangeError(`waitForOperation: ${name} must be ${bound}, got ${value}`);
  }
  return value;
}

/**
 * Polls an operation (ShowServerOperation, or GetHyperinstanceOperation for a supernode) until its
 * status is terminal, as the spec's
 * `x-terminal-values` define: resolves with the details on `success`, rejects with
 * {@link OperationFailedError} on `failed` (or another terminal status). Unknown statuses keep it
 * polling. Pauses grow from `intervalMs` by `backoffFactor` up to `maxIntervalMs`.
 *
 * Works with any openapi-fetch client of these `paths`. A poll that fails transiently even after
 * the client's own retries (a network error, a timed-out attempt, a broken body, 429 or 5xx) is
 * polled again after the next pause, until `timeoutMs`; any other error response rejects with
 * {@link ModelArtsApiError}. `timeoutMs` and `signal` also stop a poll in flight.
 *
 * @throws {OperationFailedError} the operation failed.
 * @throws {OperationTimeoutError} it had not ended after `timeoutMs` (also mid-poll).
 * @throws {ModelArtsApiError} a poll was answered with an error (e.g. 400 ModelArts.6404).
 * @throws {TypeError} the ref names no server or supernode, or no operation id.
 * @example
 * ```ts
 * // "attach, then wait": a starting call's result is a ref once the owner is added
 * const started = unwrap(await client.POST(attachPath, { params, body: { volume_id } }));
 * await waitForOperation(client, { projectId, serverId, ...started });
 *
 * const details = await waitForOperation(
 *   client,
 *   { projectId, serverId, operationId },
 *   { timeoutMs: 5 * 60_000, onUpdate: (d) => console.log(d.operation_status) },
 * );
 * ```
 */
export async function waitForOperation(
  client: Pick<Client<paths>, 'GET'>,
  ref: OperationRef,
  options: WaitForOperationOptions = {},
): Promise<OperationDetails> {
  const timeoutMs = atLeast('timeoutMs', options.timeoutMs ?? 600_000, 0, false);
  const maxIntervalMs = atLeast('maxIntervalMs', options.maxIntervalMs ?? 30_000, 0, false);
  const backoffFactor = atLeast('backoffFactor', options.backoffFactor ?? 1.5, 1, true);
  let interval = Math.min(
    atLeast('intervalMs', options.intervalMs ?? 2_000, 0, false),
    maxIntervalMs,
  );
  const { signal, onUpdate } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;

  // A ref that names no operation is a caller's mistake, not a transient failure worth polling on.
  const operationId = checkOperationRef(ref);
  const deadline = now() + timeoutMs;
  let lastStatus: string | undefined;
  let last: OperationDetails | undefined;
  // Aborts a poll in flight and the pause between polls, at timeoutMs or on the caller's abort.
  const limit = startDeadline(timeoutMs, signal);
  const stopped = (error: unknown): unknown => {
    if (signal?.aborted) return signal.reason;
    if (limit.timedOut()) return new OperationTimeoutError(last, timeoutMs, operationId);
    return error;
  };

  const poll = () => readOperation(client, ref, limit.signal);

  try {
    for (;;) {
      signal?.throwIfAborted();
      let result: Awaited<ReturnType<typeof poll>> | undefined;
      try {
        result = await poll();
      } catch (error) {
        const reason = stopped(error);
        if (reason !== error || !isTransientPollError(error)) throw reason;
      }
      if (result !== undefined) {
        const { data, error, response } = result;
        if (!response.ok || data === undefined) {
          if (!isTransientPollStatus(response.status)) {
            throw ModelArtsApiError.from(response, error);
          }
        } else {
          last = data;
          if (data.operation_status !== lastStatus) {
            lastStatus = data.operation_status;
            onUpdate?.(data);
          }
          if (TERMINAL.has(data.operation_status)) {
            if (data.operation_status === 'success') {
              return data;
            }
            throw new OperationFailedError(data);
          }
        }
      }
      const remaining = deadline - now();
      if (remaining <= 0) {
        throw new OperationTimeoutError(last, timeoutMs, operationId);
      }
      // The last pause is shortened so that the final poll happens right at the deadline.
      await sleep(Math.min(interval, remaining), limit.signal).catch((error: unknown) => {
        throw stopped(error);
      });
      interval = Math.min(interval * backoffFactor, maxIntervalMs);
    }
  } finally {
    limit.clear();
  }
}
