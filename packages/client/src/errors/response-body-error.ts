/** What {@link ResponseBodyError}'s constructor takes. */
export interface ResponseBodyErrorInit {
  /** The response whose body failed. */
  response: Response;
  /** Why: the parser's `SyntaxError`, or the stream's error when the connection broke off. */
  cause: unknown;
}

/**
 * Rejection of a call whose response arrived but whose body could not be read as promised: it
 * is not the JSON its `Content-Type` claims (truncated, HTML, empty), or the connection broke off
 * while it was being read. Never a bare `SyntaxError`. For retried methods it is retried like a
 * network error, since a body cut short is usually a transient fault.
 *
 * @example
 * ```ts
 * try {
 *   unwrap(await client.GET(path, { params }));
 * } catch (error) {
 *   if (error instanceof ResponseBodyError) console.warn(error.status, error.requestId, error.cause);
 * }
 * ```
 */
export class ResponseBodyError extends Error {
  override readonly name = 'ResponseBodyError';
  /** HTTP status of the response. */
  readonly status: number;
  /** The `X-Request-Id` header, if any: quote it to Huawei support. */
  readonly requestId: string | undefined;
  /** The response; its body is used up. */
  readonly response: Response;

  constructor({ response, cause }: ResponseBodyErrorInit) {
    const requestId = response.headers.get('X-Request-Id') ?? undefined;
    const what = cause instanceof SyntaxError ? 'is not valid JSON' : 'could not be read';
    super(
      `The body of the HTTP ${response.status} response ${what}${requestId ? ` (request ${requestId})` : ''}`,
      { cause },
    );
    this.status = response.status;
    this.requestId = requestId;
    this.response = response;
  }
}
