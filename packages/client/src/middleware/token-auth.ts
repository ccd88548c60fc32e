import type { Middleware } from 'openapi-fetch';

/** An IAM token, or a function returning the current one (tokens expire after 24 hours). */
export type TokenSource = string | (() => string | Promise<string>);

/**
 * Middleware authenticating with an IAM token, sent as `X-Auth-Token`. A function is called for
 * every attempt, so a refreshed token is picked up by the next request or retry.
 *
 * @example
 * ```ts
 * import createClient from 'openapi-fetch';
 * import type { paths } from '@modelarts-lite/types';
 *
 * const client = createClient<paths>({ baseUrl: endpointOf('cn-north-4') });
 * client.use(tokenAuth(process.env.HUAWEICLOUD_TOKEN!));
 * ```
 */
export function tokenAuth(token: TokenSource): Middleware {
  return {
    async onRequest({ request }) {
      request.headers.set('X-Auth-Token', typeof token === 'function' ? await token() : token);
      return request;
    },
  };
}
