import { sha256Hex } from './sha256.js';

/** The algorithm name, first in the string to sign and in the Authorization header. */
export const ALGORITHM = 'SDK-HMAC-SHA256';

/**
 * The string that is HMAC'd: algorithm, `X-Sdk-Date` value and hex SHA-256 of the canonical
 * request. Unlike AWS SigV4 there is no credential scope and no key derivation.
 *
 * @example
 * ```ts
 * const text = await stringToSign('20191115T033655Z', canonicalRequest(input));
 * // 'SDK-HMAC-SHA256\n20191115T033655Z\nb25362e6…'
 * ```
 */
export async function stringToSign(sdkDate: string, canonicalRequest: string): Promise<string> {
  return `${ALGORITHM}\n${sdkDate}\n${await sha256Hex(canonicalRequest)}`;
}
