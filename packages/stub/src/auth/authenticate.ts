import type { Clock } from '../clock.js';
import { IAM_MESSAGE } from '../errors/error-bodies.js';
import type { HeaderReader } from '../request-headers.js';
import type { SecurityRoute } from '../route-table.js';
import { loadedSigner, signer } from './load-signer.js';

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
 * Whether the request surely has no body, known without touching `request.body` (which would turn
 * @hono/node-server's lightweight request into a full one): a GET or HEAD (a web Request of these
 * methods cannot carry one) that declares no Content-Length above 0 and no Transfer-Encoding.
 */
function isBodiless(request: Request, header: HeaderReader): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const length = header('content-length');
  return (
    (length === undefined || length.trim() === '0') && header('transfer-encoding') === undefined
  );
}

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
    const now = new Date(config.clock().now());
    const secretFor = (ak: string) => config.accessKeys.get(ak);
    const outcome = (result: { ok: boolean; reason?: string }) =>
      result.ok ? undefined : `${IAM_MESSAGE}: verify aksk signature fail: ${result.reason}`;
    // A bodiless request is verified synchronously once the signer is loaded: the token path and
    // this one then answer without a promise turn. A body must be read, which only the async
    // verifier does.
    const ready = loadedSigner();
    if (ready !== undefined && isBodiless(request, header)) {
      return outcome(ready.verifyRequestSync(request, secretFor, { now, body: '' }));
    }
    return signer()
      .then(({ verifyRequest }) => verifyRequest(request, secretFor, { now }))
      .then(outcome);
  }
  if (security.optional) return undefined;
  return `${IAM_MESSAGE}: x-auth-token not found`;
}
