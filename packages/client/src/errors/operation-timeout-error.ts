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
 *   if (error instanceof OperationTimeoutError) console.warn('still', error.details.operation_status);
 * }
 * ```
 */
export class OperationTimeoutError extends Error {
  override readonly name = 'OperationTimeoutError';
  /** The last details seen before giving up. */
  readonly details: OperationDetails;
  /** The timeout that elapsed, in milliseconds. */
  readonly timeoutMs: number;

  constructor(details: OperationDetails, timeoutMs: number) {
    super(
      `Operation ${details.operation_id} still ${details.operation_status} after ${timeoutMs} ms`,
    );
    this.details = details;
    this.timeoutMs = timeoutMs;
  }
}
