import { type Credentials, signRequest } from '@modelarts-lite/signer';
import type { Middleware } from 'openapi-fetch';

/** AK/SK credentials, or a function returning the current ones (temporary credentials expire). */
export type CredentialsSource = Credentials | (() => Credentials | Promise<Credentials>);

/** Options of {@link akskAuth}. */
export interface AkskAuthOptions {
  /** The signing clock; injectable for tests. Defaults to the current time. */
  now?: () => Date;
}

/**
 * Middleware signing each request with AK/SK (`SDK-HMAC-SHA256`, via `@modelarts-lite/signer`):
 * adds `X-Sdk-Date`, `Authorization` and, for temporary credentials, `X-Security-Token`.
 *
 * The signature covers every header present when it runs, so register it after every middleware
 * that sets headers. Under {@link retry}, pass it in `perAttempt` so each retry is re-signed with a
 * fresh `X-Sdk-Date` (API Gateway rejects dates more than 15 minutes off).
 *
 * @example
 * ```ts
 * client.use(
 *   projectIdHeader(projectId),
 *   retry({ perAttempt: [akskAuth({ accessKeyId: ak, secretAccessKey: sk })] }),
 * );
 * ```
 */
export function akskAuth(
  credentials: CredentialsSource,
  options: AkskAuthOptions = {},
): Middleware {
  const now = options.now ?? (() => new Date());
  return {
    async onRequest({ request }) {
      const resolved = typeof credentials === 'function' ? await credentials() : credentials;
      return signRequest(request, resolved, { date: now() });
    },
  };
}
