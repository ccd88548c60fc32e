/**
 * A `Request` that keeps the string or bytes it was built with. openapi-fetch builds each
 * attempt's Request from the body it has just serialised; with this class it leaves that body
 * where AK/SK signing can hash it synchronously, instead of reading the Request's stream back
 * from a clone and copying the Request to resend the bytes (the costliest part of signing a call
 * with a body).
 *
 * @example
 * ```ts
 * const request = new BodyKeepingRequest(url, { method: 'POST', body: '{"a":1}' });
 * BodyKeepingRequest.keptBody(request); // '{"a":1}'
 * ```
 */
export class BodyKeepingRequest extends Request {
  // openapi-fetch checks what a middleware's `onRequest` returns with `instanceof` the Request
  // class it was given: any Request must still pass, as it does without this class. Defined here
  // rather than as a static method, which isolated declaration emit would declare twice.
  static {
    Object.defineProperty(BodyKeepingRequest, Symbol.hasInstance, {
      value: (value: unknown): boolean => value instanceof Request,
    });
  }

  /**
   * The body `request` was built with, if it is a Request of this class built from a string or
   * bytes; `undefined` for any other (one a middleware made, a stream, FormData).
   */
  static keptBody(request: Request): string | Uint8Array | undefined {
    return #body in request ? request.#body : undefined;
  }

  readonly #body: string | Uint8Array | undefined;

  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init);
    const body = init?.body;
    this.#body = typeof body === 'string' || body instanceof Uint8Array ? body : undefined;
  }
}
