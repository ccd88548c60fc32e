import type { Middleware, MiddlewareCallbackParams } from 'openapi-fetch';

// These mirror openapi-fetch's own loop (onRequest in order, onError then onResponse in reverse,
// the same return-value rules) so that a middleware behaves the same whether openapi-fetch runs
// it or the retry middleware re-runs it for a later attempt.

/** The outcome of sending a request: a response, or what fetch (and onError) rejected with. */
export type Outcome = { response: Response } | { error: unknown };

/** Runs the `onRequest` hooks in order; a Response short-circuits as in openapi-fetch. */
export async function runOnRequest(
  middlewares: readonly Middleware[],
  params: MiddlewareCallbackParams,
): Promise<Request | Response> {
  let request = params.request;
  for (const middleware of middlewares) {
    const result = await middleware.onRequest?.({ ...params, request });
    if (result instanceof Response) {
      return result;
    }
    if (result instanceof Request) {
      request = result;
    } else if (result) {
      throw new Error(
        'onRequest: must return new Request() or Response() when modifying the request',
      );
    }
  }
  return request;
}

/** Runs the `onError` hooks in reverse; the first Response recovers from the error. */
export async function runOnError(
  middlewares: readonly Middleware[],
  params: MiddlewareCallbackParams,
  error: unknown,
): Promise<Outcome> {
  let current = error;
  for (let i = middlewares.length - 1; i >= 0; i--) {
    const result = await middlewares[i]?.onError?.({ ...params, error: current });
    if (result instanceof Response) {
      return { response: result };
    }
    if (result instanceof Error) {
      current = result;
    } else if (result) {
      throw new Error('onError: must return new Response() or instance of Error');
    }
  }
  return { error: current };
}

/** Runs the `onResponse` hooks in reverse. */
export async function runOnResponse(
  middlewares: readonly Middleware[],
  params: MiddlewareCallbackParams,
  response: Response,
): Promise<Response> {
  let current = response;
  for (let i = middlewares.length - 1; i >= 0; i--) {
    const result = await middlewares[i]?.onResponse?.({ ...params, response: current });
    if (result instanceof Response) {
      current = result;
    } else if (result) {
      throw new Error('onResponse: must return new Response() when modifying the response');
    }
  }
  return current;
}

/**
 * Sends one attempt through `middlewares` and `params.options.fetch`, exactly as openapi-fetch
 * would have: onRequest, fetch, onError on failure, then onResponse on any response.
 */
export async function runAttempt(
  middlewares: readonly Middleware[],
  params: MiddlewareCallbackParams,
): Promise<Outcome> {
  const prepared = await runOnRequest(middlewares, params);
  if (prepared instanceof Response) {
    return { response: prepared };
  }
  const attemptParams = { ...params, request: prepared };
  let outcome: Outcome;
  try {
    outcome = { response: await params.options.fetch(prepared) };
  } catch (error) {
    outcome = await runOnError(middlewares, attemptParams, error);
  }
  if ('error' in outcome) {
    return outcome;
  }
  return { response: await runOnResponse(middlewares, attemptParams, outcome.response) };
}
