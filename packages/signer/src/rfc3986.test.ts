import { describe, expect, it } from 'vitest';
import { encodeRfc3986, percentDecode } from './rfc3986.js';

const decoder = new TextDecoder();

describe('encodeRfc3986', () => {
  it('keeps only unreserved characters', () => {
    expect(encodeRfc3986('AZaz09-._~')).toBe('AZaz09-._~');
    expect(encodeRfc3986(' !"#$%&\'()*+,/:;=?@[]')).toBe(
      '%20%21%22%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3D%3F%40%5B%5D',
    );
  });

  it('encodes UTF-8 with uppercase hex', () => {
    expect(encodeRfc3986('é中😀')).toBe('%C3%A9%E4%B8%AD%F0%9F%98%80');
  });

  it('encodes raw bytes, including ones that are not UTF-8', () => {
    expect(encodeRfc3986(new Uint8Array([0x41, 0xff, 0x00]))).toBe('A%FF%00');
  });
});

describe('percentDecode', () => {
  it('decodes valid escapes in either case', () => {
    expect(decoder.decode(percentDecode('a%20b%2fc%2F%C3%A9'))).toBe('a b/c/é');
  });

  it('leaves stray or truncated percent signs as they are', () => {
    expect(decoder.decode(percentDecode('100%'))).toBe('100%');
    expect(decoder.decode(percentDecode('%zz%4'))).toBe('%zz%4');
    expect(decoder.decode(percentDecode('%%41'))).toBe('%A');
  });

  it('keeps escapes that are not UTF-8 as raw bytes', () => {
    expect(percentDecode('%FF')).toEqual(new Uint8Array([0xff]));
  });

  it('round-trips with encodeRfc3986 for already-canonical text', () => {
    const canonical = '%E4%B8%AD%20a-b%25';
    expect(encodeRfc3986(percentDecode(canonical))).toBe(canonical);
  });
});
