import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeDigest } from './node-digest.js';
import { webDigest } from './web-digest.js';

describe('digests', () => {
  it('node:crypto and @noble/hashes agree on SHA-256 and HMAC-SHA256 (seeded)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), fc.string(), (data, secret) => {
        expect(nodeDigest.sha256Hex(data)).toBe(webDigest.sha256Hex(data));
        const bytes = new TextEncoder().encode(data);
        expect(nodeDigest.sha256Hex(bytes)).toBe(webDigest.sha256Hex(bytes));
        expect(Buffer.from(nodeDigest.hmacSha256(secret, data))).toEqual(
          Buffer.from(webDigest.hmacSha256(secret, data)),
        );
      }),
      { seed: 9, numRuns: 300 },
    );
  });

  it.each([
    ['@noble/hashes', webDigest],
    ['node:crypto', nodeDigest],
  ])('%s reuses a cached key without mixing secrets up', (_, digest) => {
    const a1 = digest.hmacSha256('secret-a', 'x');
    const b = digest.hmacSha256('secret-b', 'x');
    const a2 = digest.hmacSha256('secret-a', 'x');
    expect(a2).toEqual(a1);
    expect(b).not.toEqual(a1);
    expect(Buffer.from(digest.hmacSha256('', 'x'))).toEqual(
      Buffer.from(webDigest.hmacSha256('', 'x')),
    );
  });
});
