import type { Middleware, MiddlewareCallbackParams } from 'openapi-fetch';
import { fullJitterDelay } from '../backoff.js';
import { parseRetryAfter } from '../retry-after.js';
import { DEFAULT_RETRY_METHODS } from '../retry-methods.js';
import { sleep as realSleep, type Sleep } from '../sleep.js';
import { type Outcome, runAttempt, runOnError, runOnRequest, runOnResponse } from './pipeline.js';

/**
 * Methods whose repetition has no further effect (RFC 9110 §9.2.2). Not the default of
 * {@link retry} any more: see {@link DEFAULT_RETRY_METHODS} for why DELETE is not retried.
 *
 * @deprecated Use {@link DEFAULT_RETRY_METHODS}, adding `'DELETE'` only where that is safe.
 */
export const IDEMPOTENT_METHODS: readonly string[] = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'];

/** Options of {@link retry}. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2 (so at most 3 attempts). */
  retries?: number;
  /** Delay scale of the first retry, in milliseconds. Default 300. */
  baseDelayMs?: number;
  /** Upper bound of any single delay, `Retry-After` included, in milliseconds. Default 20 000. */
  maxDelayMs?: number;
  /**
   * Methods that may be retried. Default {@link DEFAULT_RETRY_METHODS} (GET, HEAD, OPTIONS, PUT);
   * add `'POST'`, `'DELETE'` or `'PATCH'` only for calls that are safe to repeat: on ModelArts a
   * POST or DELETE starts an operation, and a retry after a lost answer could start a second one.
   */
  methods?: readonly string[];
  /**
   * Middlewares run again for every attempt, in order, after those registered before `retry`:
   * whatever must be fresh per attempt, such as {@link akskAuth} (new `X-Sdk-Date`) and
   * {@link timeout} (new deadline). Put the signer last.
   */
  perAttempt?: readonly Middleware[];
  /** Source of numbers in `[0, 1)` for the jitter. Default `Math.random`. */
  random?: () => number;
  /** How to wait between attempts. Default a `setTimeout` sleep that rejects on abort. */
  sleep?: Sleep;
  /** Current time in epoch milliseconds, for `Retry-After` dates. Default `Date.now`. */
  now?: () => number;
}

interface Pending {
  /**
   * The request as it entered `retry`. Its signal is the caller's: Node links a Request's signal
   * to the one it follows (and a clone's to its original) only weakly, so this request is held
   * for as long as the call may still be aborted, and each retry is built on its signal.
   */
  source: Request;
  /** A copy of `source` to rebuild each retry from, taken before `perAttempt` ran; none if not retried. */
  pristine: Request | undefined;
  /** The final response, already run through `perAttempt`, handed back from `onError`. */
  settled?: Response;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

function nonNegativeInteger(name: string, value: number): number {
  if (!(Number.isInteger(value) && value >= 0)) {
    throw new RangeError(`retry: ${name} must be a non-negative integer, got ${value}`);
  }
  return value;
}

function nonNegative(name: string, value: number): number {
  if (!(value >= 0)) {
    throw new RangeError(`retry: ${name} must be a non-negative number, got ${value}`);
  }
  return value;
}

/**
 * Middleware retrying transient failures: network errors (any fetch rejection other than an
 * abort), HTTP 429 and 5xx, for GET, HEAD, OPTIONS and PUT unless `methods` says otherwise. Waits with capped exponential backoff and
 * full jitter, or for `Retry-After` (seconds or an HTTP-date) when the response has one, capped
 * by `maxDelayMs` too. The request's `signal` cancels it, also while it waits.
 *
 * Register it last and give it the middlewares that must run again for every attempt in
 * `perAttempt` (signing, per-attempt timeout): openapi-fetch runs each middleware once per call,
 * so a retry rebuilds the request from the copy taken when `retry` ran and re-runs `perAttempt`
 * on it before sending.
 *
 * @throws {RangeError} if an option is out of range.
 * @example
 * ```ts
 * client.use(
 *   projectIdHeader(projectId),
 *   retry({ retries: 3, perAttempt: [timeout(10_000), akskAuth(credentials)] }),
 * );
 * ```
 */
export function retry(options: RetryOptions = {}): Middleware {
  const retries = nonNegativeInteger('retries', options.retries ?? 2);
  const bounds = {
    baseDelayMs: nonNegative('baseDelayMs', options.baseDelayMs ?? 300),
    maxDelayMs: nonNegative('maxDelayMs', options.maxDelayMs ?? 20_000),
  };
  const methods = new Set((options.methods ?? DEFAULT_RETRY_METHODS).map((m) => m.toUpperCase()));
  const perAttempt = [...(options.perAttempt ?? [])];
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  // Keyed by openapi-fetch's per-call id: onRequest and onResponse/onError receive distinct
  // Request objects when other middlewares replace it, but always the same id.
  const pending = new Map<string, Pending>();

  function shouldRetry(signal: AbortSignal, outcome: Outcome, attempt: number): boolean {
    if (attempt >= retries || signal.aborted) {
      return false;
    }
    if ('response' in outcome) {
      const { status } = outcome.response;
      return status === 429 || (status >= 500 && status <= 599);
    }
    return !isAbort(outcome.error);
  }

  function delayBefore(outcome: Outcome, attempt: number): number {
    const retryAfter =
      'response' in outcome
        ? parseRetryAfter(outcome.response.headers.get('Retry-After'), now())
        : undefined;
    return retryAfter === undefined
      ? fullJitterDelay(attempt, bounds, random)
      : Math.min(retryAfter, bounds.maxDelayMs);
  }

  /** Retries from the first attempt's outcome until one is final; rejects if the wait is aborted. */
  async function settle(
    params: MiddlewareCallbackParams,
    entry: Pending | undefined,
    first: Outcome,
  ): Promise<Outcome> {
    let outcome = first;
    const pristine = entry?.pristine;
    if (!entry || !pristine) {
      return outcome;
    }
    // Read through `entry` each time: it keeps `source`, and so the caller's abort, reachable.
    for (let attempt = 0; shouldRetry(entry.source.signal, outcome, attempt); attempt++) {
      const delay = delayBefore(outcome, attempt);
      if ('response' in outcome) {
        // Frees the connection of the answer being discarded instead of leaving it to GC.
        await outcome.response.body?.cancel().catch(() => {});
      }
      await sleep(delay, entry.source.signal);
      const request = new Request(pristine.clone(), { signal: entry.source.signal });
      outcome = await runAttempt(perAttempt, { ...params, request });
    }
    return outcome;
  }

  return {
    async onRequest(params) {
      const retryable = retries > 0 && methods.has(params.request.method.toUpperCase());
      // Cloned before perAttempt runs so that later attempts start from unsigned headers and a
      // body that has not been consumed.
      const entry: Pending = {
        source: params.request,
        pristine: retryable ? params.request.clone() : undefined,
      };
      pending.set(params.id, entry);
      try {
        const prepared = await runOnRequest(perAttempt, params);
        // openapi-fetch calls no onResponse after an onRequest answered itself.
        if (prepared instanceof Response) {
          pending.delete(params.id);
        }
        return prepared;
      } catch (error) {
        pending.delete(params.id);
        throw error;
      }
    },

    async onResponse(params) {
      const entry = pending.get(params.id);
      pending.delete(params.id);
      if (entry?.settled === params.response) {
        return params.response;
      }
      const response = await runOnResponse(perAttempt, params, params.response);
      const outcome = await settle(params, entry, { response });
      if ('error' in outcome) {
        throw outcome.error;
      }
      return outcome.response;
    },

    async onError(params) {
      const entry = pending.get(params.id);
      const recovered = await runOnError(perAttempt, params, params.error);
      if ('response' in recovered) {
        // openapi-fetch now calls onResponse with it, which runs perAttempt and may retry.
        return recovered.response;
      }
      let outcome: Outcome;
      try {
        outcome = await settle(params, entry, recovered);
      } catch (abortReason) {
        outcome = { error: abortReason };
      }
      if ('response' in outcome && entry) {
        // openapi-fetch passes a Response returned here through onResponse too; this marks it
        // as already processed so that it is neither post-processed nor retried twice.
        entry.settled = outcome.response;
        return outcome.response;
      }
      pending.delete(params.id);
      if ('response' in outcome) {
        return outcome.response;
      }
      if (outcome.error instanceof Error) {
        return outcome.error;
      }
      throw outcome.error;
    },
  };
}
