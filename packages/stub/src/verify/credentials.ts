import { signer } from '../auth/load-signer.js';
import type { AuthVariant } from './plan-cases.js';

/** Credentials verification sends: an IAM token, or an AK/SK pair that signs every request. */
export interface VerifyCredentials {
  token?: string;
  accessKey?: { accessKeyId: string; secretAccessKey: string; securityToken?: string };
}

/** An access key id no account has, for the "wrong credentials" check without an AK of the user's. */
const UNKNOWN_ACCESS_KEY = 'MODELARTSVERIFY00000';

/**
 * Adds the credentials a case asks for to a request: the configured ones (`valid`), none, an empty
 * token, a malformed `Authorization`, or a signature made with a wrong secret key.
 *
 * @example
 * const request = await withCredentials(new Request(url), 'valid', { token });
 */
export async function withCredentials(
  request: Request,
  variant: AuthVariant,
  credentials: VerifyCredentials,
): Promise<Request> {
  switch (variant) {
    case 'none':
      return request;
    case 'empty-token':
      request.headers.set('x-auth-token', '');
      return request;
    case 'malformed-signature':
      request.headers.set('authorization', 'SDK-HMAC-SHA256 malformed');
      return request;
    case 'wrong-signature':
      return (await signer()).signRequest(request, {
        accessKeyId: credentials.accessKey?.accessKeyId ?? UNKNOWN_ACCESS_KEY,
        secretAccessKey: 'modelarts-verify-wrong-secret-key',
      });
    case 'valid':
      if (credentials.token !== undefined) {
        request.headers.set('x-auth-token', credentials.token);
        return request;
      }
      if (credentials.accessKey !== undefined)
        return (await signer()).signRequest(request, credentials.accessKey);
      return request;
  }
}
