import { ResponseBodyError } from './errors/response-body-error.js';

/**
 * Whether a failed poll is worth polling again, within the poller's own deadline: it failed in a
 * way that a later poll can get past (the connection failed, an attempt timed out, the body broke
 * off) even after the client's own retries. Anything else (a programming error, the caller's
 * abort) ends the wait.
 *
 * @example
 * ```ts
 * try { await poll(); } catch (error) { if (!isTransientPollError(error)) throw error; }
 * ```
 */
export function isTransientPollError(error: unknown): boolean {
  return (
    error instanceof ResponseBodyError ||
    error instanceof TypeError ||
    (error instanceof DOMException && error.name === 'TimeoutError')
  );
}

/**
 * Whether a poll answered with `status` is worth polling again: throttling (429) and server
 * errors (5xx) pass; a 4xx (the server or operation does not exist, bad credentials) will not.
 *
 * @example
 * ```ts
 * if (!response.ok && !isTransientPollStatus(response.status)) throw ModelArtsApiError.from(response, error);
 * ```
 */
export function isTransientPollStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}
