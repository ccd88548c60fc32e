import { formatAuthorization } from './authorization-header.js';
import { canonicalRequest } from './canonical-request.js';
import { compareCodeUnits } from './compare-code-units.js';
import { X_SDK_CONTENT_SHA256, X_SDK_DATE, X_SECURITY_TOKEN } from './header-names.js';
import { formatSdkDate } from './sdk-date.js';
import { sha256Hex } from './sha256.js';
import { computeSignature } from './signature.js';
import { stringToSign } from './string-to-sign.js';

/** An access key pair; `securityToken` only for temporary credentials. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  securityToken?: string;
}

/** Options for {@link signRequest}. */
export interface SignOptions {
  /** Signing time; defaults to now. Milliseconds are dropped. */
  date?: Date;
}

/**
 * Every header of `headers` plus `host` from the URL, lower-cased and sorted: the official SDK
 * signs all headers, with no allow-list. A `host` header on the Request is ignored because fetch
 * sends the URL's host regardless (and browsers forbid setting it).
 */
function headersToSign(headers: Headers, host: string): Array<[string, string]> {
  const entries: Array<[string, string]> = [['host', host]];
  for (const name of new Set(headers.keys())) {
    if (name !== 'host') {
      entries.push([name, headers.get(name) ?? '']);
    }
  }
  return entries.sort(([a], [b]) => compareCodeUnits(a, b));
}

/**
 * Signs a fetch `Request` for Huawei Cloud API Gateway with AK/SK (`SDK-HMAC-SHA256`), the way
 * the official SDK does. Returns a new Request carrying `X-Sdk-Date`, `Authorization` and, for
 * temporary credentials, `X-Security-Token`; the given Request is left untouched and usable.
 *
 * The body is hashed unless `X-Sdk-Content-Sha256` is set, in which case its value is signed
 * instead (`UNSIGNED-PAYLOAD`, or a hash computed elsewhere) and the body is not read.
 *
 * @throws {RangeError} if `options.date` is an invalid Date.
 * @example
 * ```ts
 * const signed = await signRequest(
 *   new Request('https://modelarts.cn-north-4.myhuaweicloud.com/v1/{project}/dev-servers', {
 *     headers: { 'content-type': 'application/json' },
 *   }),
 *   { accessKeyId: process.env.HUAWEICLOUD_SDK_AK!, secretAccessKey: process.env.HUAWEICLOUD_SDK_SK! },
 * );
 * const response = await fetch(signed);
 * ```
 */
export async function signRequest(
  request: Request,
  credentials: Credentials,
  options: SignOptions = {},
): Promise<Request> {
  const url = new URL(request.url);
  const sdkDate = formatSdkDate(options.date ?? new Date());
  const headers = new Headers(request.headers);
  // A previous signature must not be signed into the new one.
  headers.delete('authorization');
  headers.delete('host');
  headers.set(X_SDK_DATE, sdkDate);
  // Like the SDK: an empty token is no token; a real one is added first so that it is signed.
  if (credentials.securityToken) {
    headers.set(X_SECURITY_TOKEN, credentials.securityToken);
  }

  // Like the SDK, any non-empty X-Sdk-Content-Sha256 value stands in for the body hash.
  const declaredHash = headers.get(X_SDK_CONTENT_SHA256);
  const body =
    declaredHash || request.body === null
      ? undefined
      : new Uint8Array(await request.clone().arrayBuffer());
  const payloadHash = declaredHash || (await sha256Hex(body ?? new Uint8Array()));

  const signedHeaders = headersToSign(headers, url.host);
  const canonical = canonicalRequest({
    method: request.method,
    url,
    headers: signedHeaders,
    payloadHash,
  });
  const signature = await computeSignature(
    credentials.secretAccessKey,
    await stringToSign(sdkDate, canonical),
  );
  headers.set(
    'Authorization',
    formatAuthorization({
      accessKeyId: credentials.accessKeyId,
      signedHeaders: signedHeaders.map(([name]) => name),
      signature,
    }),
  );
  // With the bytes already read, sending them as a fixed body gives a Content-Length; otherwise a
  // clone keeps the caller's body (possibly a stream) readable.
  return body === undefined
    ? new Request(request.clone(), { headers })
    : new Request(request, { headers, body });
}
