import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { REJECTIONS, rejectionResponse } from './gateway-rejection.js';
import { GATEWAY_LIMITS } from './limits.js';

/**
 * Caps the bodies the stub reads at the gateway's body limit, chunked ones and in-process bodies
 * without a `Content-Length` included (a declared length is already checked before routing):
 * 413 APIGW.0201 beyond it.
 *
 * @example
 * app.use('/__stub/*', gatewayBodyLimit(nextRequestId));
 */
export function gatewayBodyLimit(nextRequestId: () => string): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: GATEWAY_LIMITS.bodyBytes,
    onError: () => rejectionResponse(REJECTIONS.bodyTooLarge, nextRequestId()),
  });
  return async (c, next) => {
    try {
      return await limit(c, next);
    } catch (error) {
      // The client went away while its body was read: not the stub's error, nobody to answer.
      if ((error as { code?: unknown }).code === 'ECONNRESET') {
        return rejectionResponse(REJECTIONS.badRequest, nextRequestId());
      }
      throw error;
    }
  };
}

type Handler = (c: Context) => Response | Promise<Response>;

/**
 * Puts the gateway's body limit in front of an API handler, so that the 413 is an answer of the
 * operation (journaled and counted like any other), not of a middleware before it.
 *
 * @example
 * app.post(path, observeOperation(runtime, id, withGatewayBodyLimit(nextRequestId, handler)));
 */
export function withGatewayBodyLimit(nextRequestId: () => string, handler: Handler): Handler {
  const limit = gatewayBodyLimit(nextRequestId);
  return async (c) => {
    let answer: Response | undefined;
    const refused = await limit(c, async () => {
      answer = await handler(c);
    });
    return (refused ?? answer) as Response;
  };
}
