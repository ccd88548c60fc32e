import { fromHex, toHex } from './hex.js';

const encoder = new TextEncoder();

function hmacKey(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  // The secret key itself is the HMAC key (UTF-8), with no derivation step.
  return crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    [usage],
  );
}

/** Lowercase hex HMAC-SHA256 of `stringToSign` keyed with the secret access key. */
export async function computeSignature(secret: string, stringToSign: string): Promise<string> {
  const key = await hmacKey(secret, 'sign');
  return toHex(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(stringToSign))));
}

/**
 * Whether `signatureHex` is the signature of `stringToSign`. `crypto.subtle.verify` compares in
 * constant time, so a caller cannot learn the expected signature byte by byte from timings.
 */
export async function signatureMatches(
  secret: string,
  stringToSign: string,
  signatureHex: string,
): Promise<boolean> {
  const signature = fromHex(signatureHex);
  if (signature === undefined) {
    return false;
  }
  const key = await hmacKey(secret, 'verify');
  return crypto.subtle.verify('HMAC', key, signature, encoder.encode(stringToSign));
}
