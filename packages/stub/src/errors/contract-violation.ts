import type { ValidationError } from '../route-table.js';

/**
 * Thrown when the stub is about to send a response the spec does not allow (undeclared status,
 * body or header failing its schema). In-process, `stub.fetch` rejects with it; over HTTP it is
 * logged to stderr and answered 500 with `X-Stub-Contract-Violation: true`.
 *
 * @example
 * await expect(stub.fetch(url, init)).rejects.toBeInstanceOf(StubContractViolation);
 */
export class StubContractViolation extends Error {
  override readonly name = 'StubContractViolation';
  readonly operationId: string;
  readonly status: string;
  readonly errors: readonly ValidationError[];

  constructor(
    operationId: string,
    status: string,
    problem: string,
    errors: readonly ValidationError[] = [],
  ) {
    const details = errors
      .map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} (${e.schemaPath})`)
      .join('; ');
    super(
      `Stub contract violation in ${operationId}, status ${status}: ${problem}${details ? `: ${details}` : ''}`,
    );
    this.operationId = operationId;
    this.status = status;
    this.errors = errors;
  }
}
