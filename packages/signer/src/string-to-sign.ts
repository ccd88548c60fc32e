import { sha256Hex } from './sha256.js';

/** The algorithm name, first in the string to sign and in the Authorization header. */
export const ALGORITHM = 'SDK-HMAC-SHA256';

/**
 * The string that is HMAC'd: algorithm, `X-Sdk-Date` value and hex SHA-256 of the canonical
 * request. Unlike AWS SigV4 there is no credential scope and no key derivation. Synchronous since
 * 0.2 (awaiting it still works).
 *
 * @example
 * ```ts
 * const text = stringToSign('20191115T033655Z', canonicalRequest(input));
 * // 'SDK-HMAC-SHA256\n20191115T033655Z\nb25362e6…'
 * ```
 */
export function stringToSign(sdkDate: string, canonicalRequest: string): string {
  return `${ALGORITHM}\n${sdkDate}\n${sha256Hex(canonicalRequest)}`;
}
