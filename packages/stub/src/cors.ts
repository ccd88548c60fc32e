/** CORS of the stub: `true` (default) allows any origin, an object narrows it, `false` turns it off. */
export type CorsOption = boolean | { origin?: string; maxAgeSeconds?: number };

/** Answers preflights and adds CORS headers to every other answer. */
export interface Cors {
  /** The answer to a CORS preflight, or undefined when the request is not one. */
  preflight(request: Request, requestId: string): Response | undefined;
  /** The response with the CORS headers of a simple or actual request added. */
  decorate(response: Response): Response;
  /** The CORS headers of a simple or actual request, for responses built with them. */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * Records that a response was built with {@link Cors.headers}, so that `decorate` leaves it as
   * it is: setting a header afterwards turns @hono/node-server's lightweight Response into a full
   * one, whose body is then written as a stream (a `writev` per answer).
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
 * const early = cors?.preflight(request, requestId);
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
  const built = new WeakSet<Response>();
  return {
    preflight(request, requestId) {
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
          'x-request-id': requestId,
        },
      });
    },
    decorate: (response) => (built.has(response) ? response : withHeaders(response, common)),
    headers: common,
    built(response) {
      built.add(response);
      return response;
    },
  };
}
