import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { REJECTIONS, rejectionResponse } from '../gateway/gateway-rejection.js';
import { GATEWAY_LIMITS } from '../gateway/limits.js';

/**
 * Caps the bodies the admin API reads at the gateway's body limit, chunked ones included (a
 * declared `Content-Length` is already checked before routing): 413 APIGW.0201 beyond it.
 *
 * @example
 * app.use('/__stub/*', adminBodyLimit(nextRequestId));
 */
export function adminBodyLimit(nextRequestId: () => string): MiddlewareHandler {
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
