import { parseAuthorization } from './authorization-header.js';
import { canonicalRequest } from './canonical-request.js';
import { UNSIGNED_PAYLOAD, X_SDK_CONTENT_SHA256, X_SDK_DATE } from './header-names.js';
import { type RequestUrlParts, requestUrlParts } from './request-url.js';
import { parseSdkDate } from './sdk-date.js';
import { EMPTY_SHA256, sha256Hex } from './sha256.js';
import { signatureMatches } from './signature.js';
import { stringToSign } from './string-to-sign.js';

/** Every `code` a failed {@link verifyRequest} can return, in the order the checks run. */
export const VERIFY_FAILURE_CODES = [
  'missing_authorization',
  'malformed_authorization',
  'host_or_date_not_signed',
  'missing_date',
  'malformed_date',
  'date_out_of_range',
  'missing_signed_header',
  'unknown_access_key',
  'unreadable_body',
  'payload_hash_mismatch',
  'bad_signature',
] as const;

/** Why a request failed verification, as a stable machine-readable code. */
export type VerifyFailureCode = (typeof VERIFY_FAILURE_CODES)[number];

/** A request that passed verification, signed with `accessKeyId`. */
export interface VerifySuccess {
  ok: true;
  accessKeyId: string;
}

/** A request that failed verification. */
export interface VerifyFailure {
  ok: false;
  code: VerifyFailureCode;
  /** Human-readable explanation, safe to log; it never contains the secret or the signature. */
  reason: string;
  /** The claimed access key, once the Authorization header parsed (e.g. to count failures per AK). */
  accessKeyId?: string;
}

/** Result of {@link verifyRequest}; narrow on `ok`. */
export type VerifyResult = VerifySuccess | VerifyFailure;

/** Looks up the secret key of an access key; `undefined` (or `''`) when the key is unknown. */
export type SecretLookup = (
  accessKeyId: string,
) => string | undefined | Promise<string | undefined>;

/** Options for {@link verifyRequest}. */
export interface VerifyOptions {
  /** The server's current time; defaults to now. */
  now?: Date;
  /** Largest allowed difference between `X-Sdk-Date` and `now`, either way. Default 15 minutes. */
  maxSkewMs?: number;
}

/** API Gateway accepts an `X-Sdk-Date` within 15 minutes of its own clock. */
export const DEFAULT_MAX_SKEW_MS: number = 15 * 60 * 1000;

function fail(code: VerifyFailureCode, reason: string, accessKeyId?: string): VerifyFailure {
  return accessKeyId === undefined
    ? { ok: false, code, reason }
    : { ok: false, code, reason, accessKeyId };
}

/** Lowercase hex SHA-256 of the body; `undefined` if it cannot be read. */
async function bodySha256(request: Request): Promise<string | undefined> {
  if (request.body === null) {
    return EMPTY_SHA256;
  }
  try {
    return sha256Hex(new Uint8Array(await request.clone().arrayBuffer()));
  } catch {
    // Body already used by the caller, or the client's stream broke off.
    return undefined;
  }
}

/** What the request claims, once its Authorization, date and signed headers passed the checks. */
interface Claim {
  accessKeyId: string;
  signature: string;
  sdkDate: string;
  url: RequestUrlParts;
  headers: Array<[string, string]>;
  /** The signed `X-Sdk-Content-Sha256`, or `null` when it is absent or not signed. */
  declaredHash: string | null;
}

/** Everything that needs neither the secret nor the body, in the order of the failure codes. */
function readClaim(request: Request, options: VerifyOptions): Claim | VerifyFailure {
  const now = options.now ?? new Date();
  const maxSkewMs = options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  if (Number.isNaN(now.getTime())) {
    throw new RangeError('options.now is an invalid Date');
  }
  if (!(maxSkewMs >= 0)) {
    throw new RangeError('options.maxSkewMs must be a non-negative number');
  }

  const authorization = request.headers.get('authorization');
  if (authorization === null) {
    return fail('missing_authorization', 'Authorization header is missing');
  }
  const parsed = parseAuthorization(authorization);
  if (!parsed.ok) {
    return fail('malformed_authorization', `malformed Authorization header: ${parsed.reason}`);
  }
  const { accessKeyId, signedHeaders, signature } = parsed.fields;

  const missingRequired = ['host', 'x-sdk-date'].filter((name) => !signedHeaders.includes(name));
  if (missingRequired.length > 0) {
    return fail(
      'host_or_date_not_signed',
      `SignedHeaders must include host and x-sdk-date; missing ${missingRequired.join(', ')}`,
      accessKeyId,
    );
  }

  const sdkDate = request.headers.get(X_SDK_DATE);
  if (sdkDate === null) {
    return fail('missing_date', 'X-Sdk-Date header is missing', accessKeyId);
  }
  const date = parseSdkDate(sdkDate);
  if (date === undefined) {
    return fail(
      'malformed_date',
      `X-Sdk-Date "${sdkDate}" is not a UTC time of the form YYYYMMDDTHHMMSSZ`,
      accessKeyId,
    );
  }
  const skewMs = date.getTime() - now.getTime();
  if (Math.abs(skewMs) > maxSkewMs) {
    return fail(
      'date_out_of_range',
      `X-Sdk-Date ${sdkDate} is ${Math.round(Math.abs(skewMs) / 1000)} s ${skewMs < 0 ? 'behind' : 'ahead of'} the server clock; at most ${maxSkewMs / 1000} s allowed`,
      accessKeyId,
    );
  }

  const url = requestUrlParts(request.url);
  const headers: Array<[string, string]> = [];
  for (const name of signedHeaders) {
    // The host a client signs is the one it connected to, which is what the URL holds here.
    const value = name === 'host' ? url.host : request.headers.get(name);
    if (value === null) {
      return fail(
        'missing_signed_header',
        `header "${name}" is listed in SignedHeaders but absent from the request`,
        accessKeyId,
      );
    }
    headers.push([name, value]);
  }
  // An unsigned X-Sdk-Content-Sha256 could have been added in transit, so only a signed one counts.
  const declaredHash = signedHeaders.includes('x-sdk-content-sha256')
    ? request.headers.get(X_SDK_CONTENT_SHA256)
    : null;
  return { accessKeyId, signature, sdkDate, url, headers, declaredHash };
}

/**
 * The checks that need the secret and, unless the payload is unsigned, the body's hash
 * (`undefined` when the body could not be read).
 */
function checkSignature(
  request: Request,
  claim: Claim,
  secret: string | undefined,
  bodyHash: () => string | undefined,
): VerifyResult {
  const { accessKeyId, declaredHash } = claim;
  if (secret === undefined || secret === '') {
    return fail('unknown_access_key', `unknown access key "${accessKeyId}"`, accessKeyId);
  }
  let payloadHash: string;
  if (declaredHash === UNSIGNED_PAYLOAD) {
    payloadHash = UNSIGNED_PAYLOAD;
  } else {
    const actualHash = bodyHash();
    if (actualHash === undefined) {
      return fail('unreadable_body', 'request body could not be read', accessKeyId);
    }
    if (declaredHash && declaredHash.toLowerCase() !== actualHash) {
      return fail(
        'payload_hash_mismatch',
        'X-Sdk-Content-Sha256 does not match the SHA-256 of the body',
        accessKeyId,
      );
    }
    payloadHash = declaredHash || actualHash;
  }
  const canonical = canonicalRequest({
    method: request.method,
    url: claim.url,
    headers: claim.headers,
    payloadHash,
  });
  if (!signatureMatches(secret, stringToSign(claim.sdkDate, canonical), claim.signature)) {
    return fail('bad_signature', 'signature does not match the request', accessKeyId);
  }
  return { ok: true, accessKeyId };
}

/**
 * Verifies an `SDK-HMAC-SHA256` signed request, the server side of {@link signRequest}. The host
 * that was signed is taken from `request.url`. The request's body is read from a clone, so it
 * stays readable; a bodiless request is neither cloned nor read.
 *
 * Never throws on a bad request: every problem comes back as `{ ok: false, code, reason }`.
 * It does throw if `secretFor` throws (a failing key store is not the client's fault) or if
 * `options` are invalid.
 *
 * A request whose signed `X-Sdk-Content-Sha256` header is `UNSIGNED-PAYLOAD` is accepted without
 * its body being checked, as API Gateway does.
 *
 * @throws {RangeError} if `options.now` is an invalid Date or `options.maxSkewMs` is negative or NaN.
 * @example
 * ```ts
 * const result = await verifyRequest(request, (ak) => secrets.get(ak));
 * if (!result.ok) {
 *   return Response.json({ error_code: 'APIGW.0301', error_msg: result.reason }, { status: 401 });
 * }
 * console.log('signed by', result.accessKeyId);
 * ```
 */
export async function verifyRequest(
  request: Request,
  secretFor: SecretLookup,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const claim = readClaim(request, options);
  if (!('signature' in claim)) {
    return claim;
  }
  const secret = await secretFor(claim.accessKeyId);
  const bodyHash =
    secret && claim.declaredHash !== UNSIGNED_PAYLOAD ? await bodySha256(request) : undefined;
  return checkSignature(request, claim, secret, () => bodyHash);
}

/** Options for {@link verifyRequestSync}. */
export interface VerifySyncOptions extends VerifyOptions {
  /**
   * The bytes (or UTF-8 text) of the request's body, which a synchronous verifier cannot read
   * from the Request. Required when the request has a body, unless its signed
   * `X-Sdk-Content-Sha256` is `UNSIGNED-PAYLOAD`; a bodiless request needs none.
   */
  body?: string | Uint8Array;
}

/**
 * The synchronous variant of {@link verifyRequest}, for servers that already hold the body
 * (pass it as `options.body`) and look secrets up synchronously. Same checks, codes and
 * constant-time comparison; the Request's own body is never read.
 *
 * @throws {TypeError} if the request has a body that is needed but `options.body` is missing.
 * @throws {RangeError} if `options.now` is an invalid Date or `options.maxSkewMs` is negative or NaN.
 * @example
 * ```ts
 * const body = new Uint8Array(await request.arrayBuffer());
 * const result = verifyRequestSync(request, (ak) => secrets.get(ak), { body });
 * ```
 */
export function verifyRequestSync(
  request: Request,
  secretFor: (accessKeyId: string) => string | undefined,
  options: VerifySyncOptions = {},
): VerifyResult {
  const claim = readClaim(request, options);
  if (!('signature' in claim)) {
    return claim;
  }
  return checkSignature(request, claim, secretFor(claim.accessKeyId), () => {
    if (options.body !== undefined) {
      return sha256Hex(options.body);
    }
    if (request.body === null) {
      return EMPTY_SHA256;
    }
    throw new TypeError(
      'verifyRequestSync: the request has a body; pass its bytes as options.body',
    );
  });
}
