/** CORS of the stub: `true` (default) allows any origin, an object narrows it, `false` turns it off. */
export type CorsOption = boolean | { origin?: string; maxAgeSeconds?: number };

/** Answers preflights and adds CORS headers to every other answer. */
export interface Cors {
  /**
   * The answer to a CORS preflight, or undefined when the request is not one. The request id is
   * drawn only for a preflight: every request goes through here.
   */
  preflight(request: Request, nextRequestId: () => string): Response | undefined;
  /** The response with the CORS headers of a simple or actual request added. */
  decorate(response: Response): Response;
  /**
   * A fresh headers object for an answer: the CORS headers, `x-request-id` and (when given)
   * `content-type`, as one object literal, the shape Node writes fastest.
   */
  headersWith(requestId: string, contentType: string | undefined): Record<string, string>;
  /**
   * Records that a response was built with {@link Cors.headersWith}, so that `decorate` leaves it
   * as it is: setting a header afterwards turns @hono/node-server's lightweight Response into a
   * full one, whose body is then written as a stream (a `writev` per answer).
   */
  built(response: Response): Response;
}

const METHODS = 'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS';
// What ModelArts clients send: both auth schemes, the project header, Prefer for the stub.
const HEADERS =
  'Content-Type, X-Auth-Token, Authorization, X-Sdk-Date, X-Project-Id, X-Security-Token, X-Sdk-Content-Sha256, Prefer';

function withHeaders(response: Response, headers: Record<string, string>): Response {
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  } catch {
    // Some Responses have immutable headers; a copy does not.
    const copy = new Response(response.body, response);
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
    return copy;
  }
}

/**
 * Creates the stub's CORS handling, or undefined when turned off. A preflight is an `OPTIONS`
 * request with `Access-Control-Request-Method`; any other `OPTIONS` stays an unknown method (404),
 * as API Gateway answers it. Written as two plain functions rather than Hono's `cors()` middleware,
 * which is asynchronous and would take every request off the stub's synchronous path.
 *
 * @example
 * const cors = createCors(true);
 * const early = cors?.preflight(request, nextRequestId);
 */
export function createCors(option: CorsOption): Cors | undefined {
  if (option === false) return undefined;
  const origin = (option === true ? undefined : option.origin) ?? '*';
  const maxAge = String((option === true ? undefined : option.maxAgeSeconds) ?? 600);
  const common: Record<string, string> = {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': 'X-Request-Id',
  };
  if (origin !== '*') common.vary = 'Origin';
  const expose = common['access-control-expose-headers'] as string;
  const vary = common.vary;
  // The answer last built with the CORS headers, which `decorate` is about to see: the answer is
  // built and decorated in one synchronous run unless the handler waited (a body, latency, an
  // AK/SK signer still loading), and then `decorate` only sets the same headers again. A WeakSet
  // or a mark on each Response cost a microsecond or more per answer and garbage-collector work
  // (profiled under wrk).
  let lastBuilt: Response | undefined;
  return {
    preflight(request, nextRequestId) {
      if (request.method !== 'OPTIONS') return undefined;
      const method = request.headers.get('access-control-request-method');
      if (method === null) return undefined;
      return new Response(null, {
        status: 204,
        headers: {
          ...common,
          'access-control-allow-methods': METHODS,
          'access-control-allow-headers':
            request.headers.get('access-control-request-headers') ?? HEADERS,
          'access-control-max-age': maxAge,
          'x-request-id': nextRequestId(),
        },
      });
    },
    decorate(response) {
      if (response === lastBuilt) {
        lastBuilt = undefined;
        return response;
      }
      return withHeaders(response, common);
    },
    headersWith(requestId, contentType) {
      const headers: Record<string, string> =
        vary === undefined
          ? {
              'access-control-allow-origin': origin,
              'access-control-expose-headers': expose,
              'x-request-id': requestId,
            }
          : {
              'access-control-allow-origin': origin,
              'access-control-expose-headers': expose,
              vary,
              'x-request-id': requestId,
            };
      if (contentType !== undefined) headers['content-type'] = contentType;
      return headers;
    },
    built(response) {
      lastBuilt = response;
      return response;
    },
  };
}
