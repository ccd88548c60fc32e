import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './hex.js';

describe('hex', () => {
  it('writes lowercase, two digits per byte', () => {
    expect(toHex(new Uint8Array([0, 1, 0x0f, 0x10, 0xab, 0xff]))).toBe('00010f10abff');
  });

  it('reads both cases back', () => {
    expect(fromHex('00010F10abFF')).toEqual(new Uint8Array([0, 1, 0x0f, 0x10, 0xab, 0xff]));
    expect(fromHex('')).toEqual(new Uint8Array());
  });

  it('returns undefined for odd length or non-hex input', () => {
    expect(fromHex('abc')).toBeUndefined();
    expect(fromHex('zz')).toBeUndefined();
    expect(fromHex('0x12')).toBeUndefined();
  });
});
