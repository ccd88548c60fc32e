/** Thrown when state input breaks the spec (e.g. an `operation_error.code` of 3 characters). */
export class StubStateError extends TypeError {
  override readonly name = 'StubStateError';
}
