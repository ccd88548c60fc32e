import * as crypto from 'node:crypto';
import { createHash, createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import type { Digest } from './digest.js';

/** Enough for every key of a server or client in practice; beyond it the cache starts over. */
const MAX_CACHED_KEYS = 256;
const keys = new Map<string, KeyObject>();

/**
 * node:crypto's one-shot `hash` (Node ≥ 20.12) skips the stream object `createHash` builds and
 * halves the cost of a short digest. Looked up on the namespace so that an older Node, where it is
 * missing, falls back instead of failing to link.
 */
const oneShotHash = (
  crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string }
).hash;

/**
 * The secret as a KeyObject, made once per secret: `createHmac` with a string key converts and
 * copies it into OpenSSL on every call, a fifth of the HMAC's cost on a signature's short input.
 * An empty secret (which OpenSSL cannot hold as a KeyObject) stays a string.
 */
function keyFor(secret: string): KeyObject | string {
  if (secret === '') {
    return secret;
  }
  let key = keys.get(secret);
  if (key === undefined) {
    if (keys.size >= MAX_CACHED_KEYS) {
      keys.clear();
    }
    key = createSecretKey(secret, 'utf8');
    keys.set(secret, key);
  }
  return key;
}

/**
 * SHA-256 and HMAC from node:crypto (OpenSSL), about twice as fast as pure JavaScript on the
 * short inputs of a signature; installed by the package's `node` entry only.
 */
export const nodeDigest: Digest = {
  sha256Hex(data) {
    return oneShotHash === undefined
      ? createHash('sha256').update(data).digest('hex')
      : oneShotHash('sha256', data, 'hex');
  },
  hmacSha256(secret, data) {
    return createHmac('sha256', keyFor(secret)).update(data).digest();
  },
};
