import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { Digest } from './digest.js';
import { toHex } from './hex.js';

const encoder = new TextEncoder();

/** The part of noble's HMAC used here. */
interface KeyedHmac {
  clone(): KeyedHmac;
  update(data: Uint8Array): KeyedHmac;
  digest(): Uint8Array;
}

/** Enough for every key of a server or client in practice; beyond it the cache starts over. */
const MAX_CACHED_KEYS = 256;
const keyed = new Map<string, KeyedHmac>();

/**
 * HMAC-SHA256 keyed with `secret`, its padded key blocks already absorbed: a signer reuses one
 * secret for every request, so this work is done once per secret instead of once per request.
 */
function hmacFor(secret: string): KeyedHmac {
  let template = keyed.get(secret);
  if (template === undefined) {
    if (keyed.size >= MAX_CACHED_KEYS) {
      keyed.clear();
    }
    template = hmac.create(sha256, encoder.encode(secret));
    keyed.set(secret, template);
  }
  return template.clone();
}

/**
 * SHA-256 and HMAC from `@noble/hashes`: audited, synchronous, pure JavaScript, so the default
 * entry runs unchanged in browsers, Deno, Bun and edge runtimes. Web Crypto would need an await
 * per digest and a key import per request, which cost far more than the hashing itself.
 */
export const webDigest: Digest = {
  sha256Hex(data) {
    return toHex(sha256(typeof data === 'string' ? encoder.encode(data) : data));
  },
  hmacSha256(secret, data) {
    return hmacFor(secret).update(encoder.encode(data)).digest();
  },
};
