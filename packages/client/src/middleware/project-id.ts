import type { Middleware } from 'openapi-fetch';

/**
 * Middleware sending `X-Project-Id` (the project a token or AK/SK call acts in, e.g. a
 * sub-project) on every request that does not already carry one, so a per-call header wins.
 *
 * @example
 * ```ts
 * client.use(projectIdHeader('0123456789abcdef0123456789abcdef'));
 * ```
 */
export function projectIdHeader(projectId: string): Middleware {
  return {
    onRequest({ request }) {
      if (!request.headers.has('X-Project-Id')) {
        request.headers.set('X-Project-Id', projectId);
      }
      return request;
    },
  };
}
