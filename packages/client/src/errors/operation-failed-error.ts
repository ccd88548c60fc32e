import type { OperationDetails, ServerOperationError } from '@modelarts-lite/types';

/**
 * Rejection of {@link waitForOperation} when the operation ended in failure (`failed`, or any
 * other terminal status than `success`). The API call itself succeeded; the operation did not.
 *
 * @example
 * ```ts
 * try {
 *   await waitForOperation(client, ref);
 * } catch (error) {
 *   if (error instanceof OperationFailedError) console.error(error.operationError?.code);
 * }
 * ```
 */
export class OperationFailedError extends Error {
  override readonly name = 'OperationFailedError';
  /** The operation's final details. */
  readonly details: OperationDetails;
  /** Why it failed, when the service said (`operation_error`). */
  readonly operationError: ServerOperationError | undefined;

  constructor(details: OperationDetails) {
    const cause = details.operation_error;
    const reason = cause ? `: ${cause.code ?? 'no code'}: ${cause.message ?? 'no message'}` : '';
    super(
      `Operation ${details.operation_id} (${details.operation_type}) ended ${details.operation_status}${reason}`,
    );
    this.details = details;
    this.operationError = cause;
  }
}
