import type { OperationDetails } from '@modelarts-lite/types';

/**
 * Rejection of {@link waitForOperation} when the operation had not ended after `timeoutMs`. The
 * operation may still end later: waiting again with the same IDs picks it up.
 *
 * @example
 * ```ts
 * try {
 *   await waitForOperation(client, ref, { timeoutMs: 60_000 });
 * } catch (error) {
 *   if (error instanceof OperationTimeoutError) console.warn('still', error.details?.operation_status);
 * }
 * ```
 */
export class OperationTimeoutError extends Error {
  override readonly name = 'OperationTimeoutError';
  /** The last details seen before giving up; `undefined` if no poll succeeded. */
  readonly details: OperationDetails | undefined;
  /** The timeout that elapsed, in milliseconds. */
  readonly timeoutMs: number;

  constructor(details: OperationDetails | undefined, timeoutMs: number, operationId?: string) {
    super(
      details === undefined
        ? `Operation ${operationId ?? '(unknown)'} could not be read within ${timeoutMs} ms`
        : `Operation ${details.operation_id} still ${details.operation_status} after ${timeoutMs} ms`,
    );
    this.details = details;
    this.timeoutMs = timeoutMs;
  }
}
