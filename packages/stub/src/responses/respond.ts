import type { Cors } from '../cors.js';
import { StubContractViolation } from '../errors/contract-violation.js';
import type { OperationRoute, ResponseRoute } from '../route-table.js';

/** Sends an answer of an operation, after checking it against the spec. */
export type Respond = (
  operation: OperationRoute,
  status: string,
  body: unknown,
  requestId: string,
  /** The body is static (an example, a fixed error): validate and serialise it once. */
  cacheable?: boolean,
  /**
   * The body's JSON, given when the caller already checked the body against this status's schema
   * (a reflected answer): then it is neither validated again nor serialised.
   */
  checkedText?: string,
) => Response;

function withRequestId(body: unknown, requestId: string): unknown {
  // Gateway bodies carry the request id; an example's id is replaced by this request's, so that it
  // matches the X-Request-Id header as the spec says.
  if (body !== null && typeof body === 'object' && 'request_id' in body) {
    return { ...body, request_id: requestId };
  }
  return body;
}

/**
 * Creates the function that turns an answer into a Response. With `validateResponses`, the status
 * must be declared, the body must match its schema and the declared headers theirs, or a
 * {@link StubContractViolation} is thrown instead of sending. Static bodies (examples, fixed error
 * bodies) are validated and serialised once.
 *
 * @example
 * const respond = createResponder(true, createCors(true));
 * return respond(operation, '200', example, requestId);
 */
export function createResponder(validateResponses: boolean, cors?: Cors): Respond {
  const validStatic = new WeakSet<object>();
  const serialised = new WeakMap<object, string>();

  const check = (
    operation: OperationRoute,
    status: string,
    response: ResponseRoute | undefined,
    body: unknown,
    requestId: string,
    bodyChecked: boolean,
  ) => {
    if (response === undefined) {
      throw new StubContractViolation(
        operation.operationId,
        status,
        'the spec declares no such status',
      );
    }
    if (body === undefined) {
      if (response.validate !== undefined) {
        throw new StubContractViolation(operation.operationId, status, 'the spec requires a body');
      }
    } else if (response.mediaType === undefined) {
      throw new StubContractViolation(operation.operationId, status, 'the spec declares no body');
    } else if (
      response.validate !== undefined &&
      !bodyChecked &&
      !(typeof body === 'object' && body !== null && validStatic.has(body))
    ) {
      if (!response.validate(body)) {
        throw new StubContractViolation(
          operation.operationId,
          status,
          'body does not match the schema',
          [...(response.validate.errors ?? [])],
        );
      }
    }
    for (const header of response.headers) {
      if (header.name === 'x-request-id') {
        if (header.validate !== undefined && !header.validate(requestId)) {
          throw new StubContractViolation(
            operation.operationId,
            status,
            'X-Request-Id does not match the schema',
            [...(header.validate.errors ?? [])],
          );
        }
      } else if (header.required) {
        throw new StubContractViolation(
          operation.operationId,
          status,
          `required header ${header.name} is not produced by the stub`,
        );
      }
    }
  };

  return (operation, status, rawBody, requestId, cacheable = false, checkedText) => {
    const body = withRequestId(rawBody, requestId);
    // A request id written into the body makes the caller's text stale.
    const prepared = body === rawBody ? checkedText : undefined;
    const response = operation.responses[status] ?? operation.responses.default;
    const isStatic = cacheable && body === rawBody && typeof body === 'object' && body !== null;
    if (validateResponses) {
      check(operation, status, response, body, requestId, prepared !== undefined);
      if (isStatic) validStatic.add(body as object);
    }
    // CORS headers go in at creation: adding them afterwards is much slower (see Cors.built).
    const contentType =
      body === undefined ? undefined : (response?.mediaType ?? 'application/json');
    const headers =
      cors === undefined
        ? contentType === undefined
          ? { 'x-request-id': requestId }
          : { 'x-request-id': requestId, 'content-type': contentType }
        : cors.headersWith(requestId, contentType);
    const built = (answer: Response) => (cors === undefined ? answer : cors.built(answer));
    if (body === undefined) return built(new Response(null, { status: Number(status), headers }));
    let text = prepared ?? (isStatic ? serialised.get(body as object) : undefined);
    if (text === undefined) {
      text = JSON.stringify(body);
      if (isStatic) serialised.set(body as object, text);
    }
    return built(new Response(text, { status: Number(status), headers }));
  };
}
