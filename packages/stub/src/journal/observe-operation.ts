import type { Context } from 'hono';
import type { Respond } from '../responses/respond.js';
import type { StubRuntime } from '../runtime.js';
import { rejectionOf } from './request-notes.js';

type Handler = (c: Context) => Response | Promise<Response>;

function record(
  runtime: StubRuntime,
  request: Request,
  env: unknown,
  operationId: string | null,
  response: Response,
): void {
  runtime.journal.record(request, env, operationId, response);
  if (operationId === null) return;
  runtime.coverage.answered(operationId, response.status);
  if (response.status === 400) {
    const constraint = rejectionOf(request);
    if (constraint !== undefined) runtime.coverage.rejected(operationId, constraint);
  }
}

/**
 * Wraps an API handler so that every answer goes to the request journal and the coverage counts,
 * without turning a synchronous answer into a promise. `operationId` is null for API Gateway's 404.
 *
 * @example
 * app.on(method, path, observeOperation(runtime, operation.operationId, handler));
 */
export function observeOperation(
  runtime: StubRuntime,
  operationId: string | null,
  handler: Handler,
): Handler {
  return (c) => {
    const answer = handler(c);
    if (answer instanceof Promise) {
      return answer.then((response) => {
        record(runtime, c.req.raw, c.env, operationId, response);
        return response;
      });
    }
    record(runtime, c.req.raw, c.env, operationId, answer);
    return answer;
  };
}

/**
 * Records an answer given outside a route (HEAD, which the API does not declare).
 *
 * @example
 * return recordUnrouted(runtime, request, env, unknownApiResponse(id));
 */
export function recordUnrouted(
  runtime: StubRuntime,
  request: Request,
  env: unknown,
  response: Response,
): Response {
  record(runtime, request, env, null, response);
  return response;
}

/**
 * Wraps a responder so that the named examples it serves are counted for coverage (static bodies
 * only: examples are always served as static bodies).
 *
 * @example
 * const respond = countExamples(createResponder(true), runtime);
 */
export function countExamples(respond: Respond, runtime: StubRuntime): Respond {
  return (operation, status, body, requestId, cacheable, checkedText) => {
    if (cacheable) runtime.coverage.exampleServed(operation.operationId, status, body);
    return respond(operation, status, body, requestId, cacheable, checkedText);
  };
}
