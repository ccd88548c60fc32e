import type { Context } from 'hono';
import { authenticate } from './auth/authenticate.js';
import { StubDroppedConnection } from './errors/dropped-connection.js';
import { ERRORS, gatewayError } from './errors/error-bodies.js';
import { drawFault } from './faults/faults.js';
import { drawLatency, sleep } from './faults/latency.js';
import { type HeaderReader, headerReader } from './request-headers.js';
import { dynamicBody } from './responses/dynamic-body.js';
import { parsePrefer } from './responses/prefer.js';
import { createReflector } from './responses/reflect-request.js';
import type { Respond } from './responses/respond.js';
import { defaultAnswer, defaultExample, selectPreferred } from './responses/select-response.js';
import type { OperationRoute } from './route-table.js';
import type { StubRuntime } from './runtime.js';
import { hashSeed } from './seeded-random.js';
import { stateAnswererFor } from './state/lifecycle.js';
import { type RequestValidation, validateRequest } from './validation/validate-request.js';

/** The seed of data generated for a request: the stub's seed and the request's method, path and query. */
function requestSeed(runtime: StubRuntime, request: Request, path: string): number {
  const url = request.url;
  const query = url.indexOf('?');
  return hashSeed(runtime.seed, `${request.method} ${path}${query < 0 ? '' : url.slice(query)}`);
}

/**
 * Creates the handler of one operation. Checks run in API Gateway's order: (the route matched, so
 * the API exists) latency and faults, then credentials (401), then parameters (400); then the
 * answer comes from `Prefer`, else from the state, else from the spec's default example.
 *
 * @example
 * app.on(operation.method, operation.honoPath, createOperationHandler(runtime, operation, respond));
 */
export function createOperationHandler(
  runtime: StubRuntime,
  operation: OperationRoute,
  respond: Respond,
) {
  // Which calls start or read operations is declared in the spec and reaches here via the route table.
  const stateAnswer = stateAnswererFor(runtime.state, runtime.routes.operations, operation);
  const declares400 = operation.responses['400'] !== undefined;
  const fallback = defaultAnswer(operation, runtime.seed);
  const reflect = createReflector(operation, fallback.status, fallback.body);
  const faultBodies = new Map<string, unknown>();
  const faultBody = (status: string) => {
    if (!faultBodies.has(status)) {
      const response = operation.responses[status];
      const example = response === undefined ? undefined : defaultExample(response);
      faultBodies.set(status, example?.value ?? (response && dynamicBody(response, runtime.seed)));
    }
    return faultBodies.get(status);
  };

  // Only AK/SK verification, latency and request bodies need to wait; everything else answers
  // synchronously, which spares several promise turns per request under load.
  const answer = (
    c: Context,
    header: HeaderReader,
    requestId: string,
    validation: RequestValidation,
  ): Response => {
    if (!validation.ok) {
      return respond(
        operation,
        '400',
        { error_code: ERRORS.parameter, error_msg: validation.message },
        requestId,
      );
    }
    const request = c.req.raw;
    const preference = parsePrefer(header('prefer') ?? null);
    if (preference !== undefined) {
      const chosen =
        typeof preference === 'string'
          ? preference
          : selectPreferred(operation, preference, requestSeed(runtime, request, c.req.path));
      if (typeof chosen !== 'string') {
        const isExample = typeof preference !== 'string' && preference.dynamic !== true;
        return respond(operation, chosen.status, chosen.body, requestId, isExample);
      }
      // Impossible preferences are answered loudly, with a body the 400 schema allows; an operation
      // without a 400 response cannot say so and falls through to its normal answer.
      if (declares400) {
        return respond(
          operation,
          '400',
          { error_code: ERRORS.prefer, error_msg: chosen },
          requestId,
        );
      }
    }

    if (stateAnswer !== undefined) {
      const answered = stateAnswer(validation.input, runtime.clock.now());
      if (answered !== undefined) {
        const { status, body } = answered;
        return respond(operation, status, body, requestId, status !== operation.successStatus);
      }
    }
    const reflected = reflect?.(validation.input.params);
    if (reflected !== undefined) {
      // The answer is still the default example, with the request's own ids copied in.
      runtime.coverage.exampleServed(operation.operationId, fallback.status, fallback.body);
      return respond(operation, fallback.status, reflected.body, requestId, false, reflected.text);
    }
    return respond(operation, fallback.status, fallback.body, requestId, true);
  };

  const afterAuth = (
    c: Context,
    header: HeaderReader,
    requestId: string,
    authFailure: string | undefined,
  ): Response | Promise<Response> => {
    if (authFailure !== undefined) {
      return respond(
        operation,
        '401',
        gatewayError(ERRORS.unauthorized, authFailure, requestId),
        requestId,
      );
    }
    const validation = validateRequest(c, header, operation);
    return validation instanceof Promise
      ? validation.then((result) => answer(c, header, requestId, result))
      : answer(c, header, requestId, validation);
  };

  const afterLatency = (c: Context, requestId: string): Response | Promise<Response> => {
    if (runtime.faults !== undefined) {
      const fault = drawFault(runtime.faults, runtime.random);
      if (fault?.drop) throw new StubDroppedConnection();
      if (fault) return respond(operation, fault.status, faultBody(fault.status), requestId, true);
    }
    const header = headerReader(c);
    const authFailure = authenticate(c.req.raw, header, operation.security, runtime.auth);
    return authFailure instanceof Promise
      ? authFailure.then((failure) => afterAuth(c, header, requestId, failure))
      : afterAuth(c, header, requestId, authFailure);
  };

  return (c: Context): Response | Promise<Response> => {
    const requestId = runtime.nextRequestId();
    if (runtime.latency !== undefined) {
      const delay = drawLatency(runtime.latency, runtime.random);
      if (delay > 0) return sleep(delay).then(() => afterLatency(c, requestId));
    }
    return afterLatency(c, requestId);
  };
}
