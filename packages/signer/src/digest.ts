import { webDigest } from './web-digest.js';

/** The two primitives the algorithm needs; the entry point picks the fastest the runtime has. */
export interface Digest {
  /** Lowercase hex SHA-256 of the bytes, or of a string's UTF-8 bytes (never empty input). */
  sha256Hex(data: string | Uint8Array): string;
  /** HMAC-SHA256 of `data` (UTF-8) keyed with `secret` (UTF-8). */
  hmacSha256(secret: string, data: string): Uint8Array;
}

let current: Digest = webDigest;

/** The digest in use: `@noble/hashes` unless an entry point installed another. */
export function digest(): Digest {
  return current;
}

/** Installs `next` for every later signature; the Node.js entry installs node:crypto's. */
export function useDigest(next: Digest): void {
  current = next;
}
