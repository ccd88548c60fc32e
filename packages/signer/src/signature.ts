import { constantTimeEqual } from './constant-time-equal.js';
import { digest } from './digest.js';
import { fromHex, toHex } from './hex.js';

/** Lowercase hex HMAC-SHA256 of `stringToSign` keyed with the secret access key. */
export function computeSignature(secret: string, stringToSign: string): string {
  // The secret key itself is the HMAC key (UTF-8), with no derivation step.
  return toHex(digest().hmacSha256(secret, stringToSign));
}

/**
 * Whether `signatureHex` is the signature of `stringToSign`, compared in constant time so that a
 * caller cannot learn the expected signature byte by byte from timings.
 */
export function signatureMatches(
  secret: string,
  stringToSign: string,
  signatureHex: string,
): boolean {
  const signature = fromHex(signatureHex);
  return (
    signature !== undefined &&
    constantTimeEqual(digest().hmacSha256(secret, stringToSign), signature)
  );
}
