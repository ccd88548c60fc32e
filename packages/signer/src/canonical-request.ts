import { compareCodeUnits } from './compare-code-units.js';
import { encodeRfc3986, percentDecode } from './rfc3986.js';

/** What {@link canonicalRequest} needs: the parts of an HTTP request that are signed. */
export interface CanonicalRequestInput {
  /** HTTP method, used as given (`Request` upper-cases only the standard ones). */
  method: string;
  /** Full URL, or just its serialised path and query (`pathname`, `search`): nothing else is used. */
  url: URL | string | { readonly pathname: string; readonly search: string };
  /**
   * The signed headers as `[name, value]` pairs, in SignedHeaders order, `host` included. Names
   * are lower-cased here; values are used verbatim (the SDK does not trim them).
   */
  headers: ReadonlyArray<readonly [name: string, value: string]>;
  /** Lowercase hex SHA-256 of the body, or the `X-Sdk-Content-Sha256` value (`UNSIGNED-PAYLOAD`). */
  payloadHash: string;
}

const PLAIN_PATH = /^[A-Za-z0-9\-._~/]*$/;

/**
 * Canonical URI: every path segment decoded, then RFC 3986-encoded, with a trailing `/` added.
 * Decoding first means the URL's own escaping does not matter: `/a%20b` and `/a b` sign the same,
 * just as the SDK signs the raw path it substitutes parameters into.
 */
export function canonicalUri(pathname: string): string {
  if (PLAIN_PATH.test(pathname)) {
    // Nothing to decode or encode: most API paths (IDs, names) take this way.
    return pathname.endsWith('/') ? pathname : `${pathname}/`;
  }
  const path = pathname
    .split('/')
    .map((segment) =>
      segment.includes('%') ? encodeRfc3986(percentDecode(segment)) : encodeRfc3986(segment),
    )
    .join('/');
  return path.endsWith('/') ? path : `${path}/`;
}

/**
 * Canonical query string: parameters decoded (`+` is a space, as in HTML forms and axios),
 * sorted by name then value on the decoded text, RFC 3986-encoded, joined with `&`. Repeated names
 * stay repeated and empty values keep their `=`.
 */
export function canonicalQueryString(search: URLSearchParams | string): string {
  if (search === '' || search === '?') {
    return '';
  }
  const params = [...new URLSearchParams(search)];
  params.sort(([aName, aValue], [bName, bValue]) => {
    return compareCodeUnits(aName, bName) || compareCodeUnits(aValue, bValue);
  });
  return params.map(([name, value]) => `${encodeRfc3986(name)}=${encodeRfc3986(value)}`).join('&');
}

/**
 * Builds the canonical request of Huawei Cloud's `SDK-HMAC-SHA256` algorithm: method, canonical
 * URI, canonical query string, canonical headers, signed header names and payload hash, one per
 * line. Exposed for debugging signature mismatches; {@link signRequest} and
 * {@link verifyRequest} build it for you.
 *
 * @example
 * ```ts
 * const text = canonicalRequest({
 *   method: 'GET',
 *   url: 'https://modelarts.cn-north-4.myhuaweicloud.com/v1/p/dev-servers?limit=2',
 *   headers: [
 *     ['host', 'modelarts.cn-north-4.myhuaweicloud.com'],
 *     ['x-sdk-date', '20250101T000000Z'],
 *   ],
 *   payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
 * });
 * // 'GET\n/v1/p/dev-servers/\nlimit=2\nhost:modelarts…\nx-sdk-date:20250101T000000Z\n\nhost;x-sdk-date\ne3b0…'
 * ```
 */
export function canonicalRequest(input: CanonicalRequestInput): string {
  const url = typeof input.url === 'string' ? new URL(input.url) : input.url;
  // Each header line ends in "\n" and the parts are joined by "\n" too, so an empty line
  // separates the headers from the signed header list: the published vector depends on it.
  let headerLines = '';
  let names = '';
  for (const [rawName, value] of input.headers) {
    const name = rawName.toLowerCase();
    headerLines += `${name}:${value}\n`;
    names += names === '' ? name : `;${name}`;
  }
  return `${input.method}\n${canonicalUri(url.pathname)}\n${canonicalQueryString(url.search)}\n${headerLines}\n${names}\n${input.payloadHash}`;
}
