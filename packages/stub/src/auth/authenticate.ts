import type { Clock } from '../clock.js';
import { IAM_MESSAGE } from '../errors/error-bodies.js';
import type { HeaderReader } from '../request-headers.js';
import type { SecurityRoute } from '../route-table.js';
import { signer } from './load-signer.js';

/** What the stub accepts as credentials. */
export interface AuthConfig {
  /** When set, only these tokens are accepted; otherwise any non-empty token is. */
  tokens?: ReadonlySet<string>;
  /** Secret keys by access key id. */
  accessKeys: ReadonlyMap<string, string>;
  /** The clock the `X-Sdk-Date` skew rule is evaluated with. */
  clock: () => Clock;
}

const AKSK_PREFIX = 'SDK-HMAC-SHA256';

/**
 * Checks a request's credentials against an operation's security requirement the way API Gateway
 * does. A token (`X-Auth-Token`) wins over a signature when both are sent. Returns undefined when
 * the request may go on, else the APIGW.0301 message.
 *
 * @example
 * const failure = await authenticate(request, headerReader(c), operation.security, config);
 * if (failure) return unauthorized(failure);
 */
export function authenticate(
  request: Request,
  header: HeaderReader,
  security: SecurityRoute,
  config: AuthConfig,
): string | undefined | Promise<string | undefined> {
  let tokenHeader: string | undefined;
  let signatureHeader: string | undefined;
  for (const scheme of security.schemes) {
    if (scheme.kind === 'token') tokenHeader ??= scheme.header;
    else signatureHeader ??= scheme.header;
  }
  const token = tokenHeader === undefined ? undefined : header(tokenHeader);
  if (token !== undefined && token.trim() !== '') {
    if (config.tokens !== undefined && !config.tokens.has(token)) {
      return `${IAM_MESSAGE}: decrypt token fail`;
    }
    return undefined;
  }
  const authorization = signatureHeader === undefined ? undefined : header(signatureHeader);
  if (authorization !== undefined && authorization.trim() !== '') {
    if (!authorization.startsWith(AKSK_PREFIX)) {
      return `${IAM_MESSAGE}: verify aksk signature fail: Authorization is not ${AKSK_PREFIX}`;
    }
    // Only a signature needs to wait (Web Crypto); the token path stays synchronous.
    const now = new Date(config.clock().now());
    return signer()
      .then(({ verifyRequest }) =>
        verifyRequest(request, (ak) => config.accessKeys.get(ak), { now }),
      )
      .then((result) =>
        result.ok ? undefined : `${IAM_MESSAGE}: verify aksk signature fail: ${result.reason}`,
      );
  }
  if (security.optional) return undefined;
  return `${IAM_MESSAGE}: x-auth-token not found`;
}
