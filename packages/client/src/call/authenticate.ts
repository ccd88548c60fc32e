import { type Credentials, signRequest, signRequestSync } from '@modelarts-lite/signer';
import type { TokenSource } from '../middleware/token-auth.js';

/** Sends one request: `fetch`, or a stub's in-process equivalent. */
export type Send = (request: Request) => Promise<Response>;

/**
 * `send` with authentication added to each request it is given: `X-Auth-Token`, or an AK/SK
 * signature over every header already set. It edits the Request openapi-fetch just built for this
 * attempt instead of copying it: a copy is the costliest step of a call that answers at once.
 */
export function authenticate(auth: { token: TokenSource } | Credentials, send: Send): Send {
  if ('token' in auth) {
    const { token } = auth;
    if (typeof token === 'string') {
      return (request) => {
        request.headers.set('X-Auth-Token', token);
        return send(request);
      };
    }
    return async (request) => {
      request.headers.set('X-Auth-Token', await token());
      return send(request);
    };
  }
  return (request) =>
    request.body === null
      ? send(signRequestSync(request, auth))
      : // The body is a stream here; the async signer reads it from a clone and resends the bytes.
        signRequest(request, auth).then(send);
}
