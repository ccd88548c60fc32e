import { type Credentials, signRequest, signRequestSync } from '@modelarts-lite/signer';
import type { TokenSource } from '../middleware/token-auth.js';
import { BodyKeepingRequest } from './body-keeping-request.js';

/**
 * Sends one request: `fetch`, or a stub's in-process equivalent. `signal`, when given, bounds
 * the request instead of `request.signal` (only the built-in fetch is handed one; see
 * `CallPolicy.signalToSend`).
 */
export type Send = (request: Request, signal?: AbortSignal) => Promise<Response>;

/**
 * `send` with `X-Project-Id` (unless the call set its own) and authentication added to each
 * request it is given: `X-Auth-Token`, or an AK/SK signature over every header already set,
 * `X-Project-Id` included. It edits the Request openapi-fetch just built for this attempt instead
 * of copying it: a copy is the costliest step of a call that answers at once.
 */
export function authenticate(
  auth: { token: TokenSource } | Credentials,
  projectId: string | undefined,
  send: Send,
): Send {
  const addProject = (request: Request) => {
    if (projectId !== undefined && !request.headers.has('X-Project-Id')) {
      request.headers.set('X-Project-Id', projectId);
    }
  };
  if ('token' in auth) {
    const { token } = auth;
    if (typeof token === 'string') {
      return (request, signal) => {
        addProject(request);
        request.headers.set('X-Auth-Token', token);
        return send(request, signal);
      };
    }
    return async (request, signal) => {
      addProject(request);
      request.headers.set('X-Auth-Token', await token());
      return send(request, signal);
    };
  }
  return (request, signal) => {
    addProject(request);
    if (request.body === null) {
      return send(signRequestSync(request, auth), signal);
    }
    // A Request that a middleware replaced is not one openapi-fetch built from the kept body.
    const body = BodyKeepingRequest.keptBody(request);
    return body === undefined
      ? // Only the stream is known: the async signer reads it from a clone and resends the bytes.
        signRequest(request, auth).then((signed) => send(signed, signal))
      : send(signRequestSync(request, auth, { body }), signal);
  };
}
