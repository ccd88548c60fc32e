import { formatAuthorization } from './authorization-header.js';
import { canonicalRequest } from './canonical-request.js';
import { compareCodeUnits } from './compare-code-units.js';
import { X_SDK_CONTENT_SHA256, X_SDK_DATE, X_SECURITY_TOKEN } from './header-names.js';
import { requestUrlParts } from './request-url.js';
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

/** Options for {@link signRequestSync}. */
export interface SignSyncOptions extends SignOptions {
  /**
   * The bytes (or UTF-8 text) of the request's body, which a synchronous signer cannot read from
   * the Request. Required when the request has a body, unless `X-Sdk-Content-Sha256` is set.
   */
  body?: string | Uint8Array;
}

/**
 * Sets `X-Sdk-Date`, `X-Security-Token` (temporary credentials) and `Authorization` on `headers`,
 * signing them together with the method, the URL and the payload (`body`, or the value of
 * `X-Sdk-Content-Sha256` when that is set).
 *
 * Like the official SDK it signs every header (no allow-list) plus `host` from the URL; a `Host`
 * header is dropped because fetch sends the URL's host regardless (browsers forbid setting it),
 * and a previous `Authorization` must not be signed into the new one. The headers are read in one
 * pass and written only where they change: undici validates every name and value on each call.
 */
function signHeaders(
  method: string,
  url: string,
  headers: Headers,
  body: string | Uint8Array | undefined,
  credentials: Credentials,
  date: Date,
): void {
  const sdkDate = formatSdkDate(date);
  // Like the SDK: an empty token is no token; a real one is sent, and signed, as a header.
  const token = credentials.securityToken || undefined;
  const parts = requestUrlParts(url);
  const signed: Array<[string, string]> = [
    ['host', parts.host],
    ['x-sdk-date', sdkDate],
  ];
  if (token !== undefined) {
    signed.push(['x-security-token', token]);
  }
  let declaredHash = '';
  let stale = false;
  let previous = '';
  // Headers iterate lower-cased and sorted; only set-cookie could repeat a name.
  for (const [name, value] of headers) {
    if (name === previous) {
      continue;
    }
    previous = name;
    if (name === 'authorization' || name === 'host') {
      stale = true;
    } else if (name !== 'x-sdk-date' && (name !== 'x-security-token' || token === undefined)) {
      if (name === 'x-sdk-content-sha256') {
        declaredHash = value;
      }
      signed.push([name, value]);
    }
  }
  signed.sort(([a], [b]) => compareCodeUnits(a, b));
  if (stale) {
    headers.delete('authorization');
    headers.delete('host');
  }
  headers.set(X_SDK_DATE, sdkDate);
  if (token !== undefined) {
    headers.set(X_SECURITY_TOKEN, token);
  }
  // Like the SDK, any non-empty X-Sdk-Content-Sha256 value stands in for the body hash.
  const payloadHash = declaredHash || sha256Hex(body ?? '');
  const canonical = canonicalRequest({ method, url: parts, headers: signed, payloadHash });
  headers.set(
    'Authorization',
    formatAuthorization({
      accessKeyId: credentials.accessKeyId,
      signedHeaders: signed.map(([name]) => name),
      signature: computeSignature(credentials.secretAccessKey, stringToSign(sdkDate, canonical)),
    }),
  );
}

/**
 * Signs a fetch `Request` for Huawei Cloud API Gateway with AK/SK (`SDK-HMAC-SHA256`), the way
 * the official SDK does. Returns a new Request carrying `X-Sdk-Date`, `Authorization` and, for
 * temporary credentials, `X-Security-Token`; the given Request is left untouched and usable.
 *
 * The body is hashed unless `X-Sdk-Content-Sha256` is set, in which case its value is signed
 * instead (`UNSIGNED-PAYLOAD`, or a hash computed elsewhere) and the body is not read. A bodiless
 * request is signed without awaiting anything but the returned promise.
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
  const date = options.date ?? new Date();
  let signed: Request;
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (request.body === null) {
    signed = new Request(request);
  } else if (request.headers.get(X_SDK_CONTENT_SHA256)) {
    // A clone keeps the caller's body (possibly a stream) readable.
    signed = new Request(request.clone());
  } else {
    body = new Uint8Array(await request.clone().arrayBuffer());
    // With the bytes already read, sending them as a fixed body gives a Content-Length.
    signed = new Request(request, { body });
  }
  signHeaders(signed.method, signed.url, signed.headers, body, credentials, date);
  return signed;
}

/**
 * The synchronous variant of {@link signRequest}: signs `request` **in place** (its headers must
 * be mutable, as those of a Request you constructed are) and returns it. It cannot read a body,
 * so pass the body's bytes or text as `options.body` (or set `X-Sdk-Content-Sha256`). Made for
 * fetch wrappers that build the Request themselves and should not pay for a copy of it.
 *
 * @throws {TypeError} if the request has a body but neither `options.body` nor
 * `X-Sdk-Content-Sha256` is given.
 * @throws {RangeError} if `options.date` is an invalid Date.
 * @example
 * ```ts
 * const body = JSON.stringify({ name: 'vol-1' });
 * const request = new Request(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
 * const response = await fetch(signRequestSync(request, credentials, { body }));
 * ```
 */
export function signRequestSync(
  request: Request,
  credentials: Credentials,
  options: SignSyncOptions = {},
): Request {
  if (
    request.body !== null &&
    options.body === undefined &&
    !request.headers.get(X_SDK_CONTENT_SHA256)
  ) {
    throw new TypeError(
      'signRequestSync: the request has a body; pass its bytes as options.body or set X-Sdk-Content-Sha256',
    );
  }
  signHeaders(
    request.method,
    request.url,
    request.headers,
    options.body,
    credentials,
    options.date ?? new Date(),
  );
  return request;
}
