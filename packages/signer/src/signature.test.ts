import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeSignature, signatureMatches } from './signature.js';

describe('signature', () => {
  it('is the hex HMAC-SHA256 keyed with the UTF-8 secret, with no key derivation', async () => {
    const secret = 'sk-é-中';
    const expected = createHmac('sha256', secret).update('text to sign').digest('hex');
    expect(await computeSignature(secret, 'text to sign')).toBe(expected);
  });

  it('verifies a matching signature, in either hex case', async () => {
    const signature = await computeSignature('sk', 'data');
    expect(await signatureMatches('sk', 'data', signature)).toBe(true);
    expect(await signatureMatches('sk', 'data', signature.toUpperCase())).toBe(true);
  });

  it('rejects a different secret, data, signature, or non-hex input', async () => {
    const signature = await computeSignature('sk', 'data');
    const flipped = (signature[0] === '0' ? '1' : '0') + signature.slice(1);
    expect(await signatureMatches('sk2', 'data', signature)).toBe(false);
    expect(await signatureMatches('sk', 'data2', signature)).toBe(false);
    expect(await signatureMatches('sk', 'data', flipped)).toBe(false);
    expect(await signatureMatches('sk', 'data', signature.slice(2))).toBe(false);
    expect(await signatureMatches('sk', 'data', 'not hex')).toBe(false);
  });
});
