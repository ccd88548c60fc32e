import { describe, expect, it } from 'vitest';
import { DOC_VECTOR } from '../test/vectors.js';
import { canonicalQueryString, canonicalRequest, canonicalUri } from './canonical-request.js';
import { sha256Hex } from './sha256.js';

describe('canonicalUri', () => {
  it('appends the trailing slash the algorithm requires', () => {
    expect(canonicalUri('/v1/p/vpcs')).toBe('/v1/p/vpcs/');
    expect(canonicalUri('/v1/p/vpcs/')).toBe('/v1/p/vpcs/');
    expect(canonicalUri('/')).toBe('/');
    expect(canonicalUri('')).toBe('/');
  });

  it('re-encodes each segment after decoding it', () => {
    expect(canonicalUri('/a%20b/%C3%A9/x:y@z/%7e')).toBe('/a%20b/%C3%A9/x%3Ay%40z/~/');
  });

  it('keeps an encoded slash inside its segment and keeps empty segments', () => {
    expect(canonicalUri('/a%2Fb//c')).toBe('/a%2Fb//c/');
  });

  it('encodes a literal percent that is not an escape', () => {
    expect(canonicalUri('/100%/%zz')).toBe('/100%25/%25zz/');
  });
});

describe('canonicalQueryString', () => {
  it('is empty without a query', () => {
    expect(canonicalQueryString('')).toBe('');
    expect(canonicalQueryString('?')).toBe('');
  });

  it('sorts by name, then value, keeping repeats and empty values', () => {
    expect(canonicalQueryString('?b=2&a=z&a=&a=y&c')).toBe('a=&a=y&a=z&b=2&c=');
  });

  it('sorts uppercase before lowercase (code unit order)', () => {
    expect(canonicalQueryString('?b=1&B=1&a=1&A=1')).toBe('A=1&B=1&a=1&b=1');
  });

  it('sorts on decoded text, not on the encoded form', () => {
    // Encoded, "%C3%A9" would sort before "~"; decoded, "é" (U+00E9) sorts after it.
    expect(canonicalQueryString('?k=%C3%A9&k=~')).toBe('k=~&k=%C3%A9');
  });

  it('decodes "+" as a space and re-encodes with %20', () => {
    expect(canonicalQueryString('?q=a+b&r=a%2Bb&s=a%20b')).toBe('q=a%20b&r=a%2Bb&s=a%20b');
  });

  it('encodes reserved and non-ASCII characters in names and values', () => {
    expect(canonicalQueryString(new URLSearchParams([["n/m'", '*x=y&z 中']]))).toBe(
      'n%2Fm%27=%2Ax%3Dy%26z%20%E4%B8%AD',
    );
  });
});

describe('canonicalRequest', () => {
  it('reproduces the documented canonical request hash', async () => {
    const text = canonicalRequest({
      method: 'GET',
      url: DOC_VECTOR.url,
      headers: [
        ['content-type', 'application/json'],
        ['host', 'service.region.example.com'],
        ['x-sdk-date', DOC_VECTOR.sdkDate],
      ],
      payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
    expect(text).toBe(
      [
        'GET',
        '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/',
        'limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
        'content-type:application/json',
        'host:service.region.example.com',
        'x-sdk-date:20191115T033655Z',
        '',
        'content-type;host;x-sdk-date',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      ].join('\n'),
    );
    expect(await sha256Hex(text)).toBe(DOC_VECTOR.canonicalRequestSha256);
  });

  it('lower-cases header names but keeps values verbatim, in the given order', () => {
    const text = canonicalRequest({
      method: 'POST',
      url: new URL('http://h/x'),
      headers: [
        ['X-B', ' v1 '],
        ['Host', 'h'],
      ],
      payloadHash: 'UNSIGNED-PAYLOAD',
    });
    expect(text).toBe('POST\n/x/\n\nx-b: v1 \nhost:h\n\nx-b;host\nUNSIGNED-PAYLOAD');
  });
});
