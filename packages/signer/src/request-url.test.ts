import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestUrlParts } from './request-url.js';

const viaUrl = (href: string) => {
  const url = new URL(href);
  return { host: url.host, pathname: url.pathname, search: url.search };
};

describe('requestUrlParts', () => {
  it('splits a serialised URL into host, path and query, dropping the fragment', () => {
    expect(requestUrlParts('https://example.com:8443/v1/p%20q/?a=1&b#frag')).toEqual({
      host: 'example.com:8443',
      pathname: '/v1/p%20q/',
      search: '?a=1&b',
    });
    expect(requestUrlParts('http://[::1]:3000/')).toEqual({
      host: '[::1]:3000',
      pathname: '/',
      search: '',
    });
  });

  it('leaves what is not a plain http(s) URL to URL', () => {
    expect(requestUrlParts('https://user:pw@example.com/a')).toEqual(
      viaUrl('https://user:pw@example.com/a'),
    );
    expect(requestUrlParts('ftp://example.com/a?b')).toEqual(viaUrl('ftp://example.com/a?b'));
  });

  it('agrees with URL on the URL of any Request (seeded)', () => {
    const part = fc.string({ unit: 'grapheme', maxLength: 12 });
    fc.assert(
      fc.property(
        fc.constantFrom('http', 'https'),
        fc.constantFrom(
          'Example.COM',
          'example.com:443',
          'example.com:80',
          '127.0.0.1:8080',
          '[::1]',
        ),
        fc.array(part, { maxLength: 4 }),
        fc.option(part),
        fc.option(part),
        (scheme, host, segments, query, fragment) => {
          const raw = `${scheme}://${host}/${segments.join('/')}${query === null ? '' : `?${query}`}${fragment === null ? '' : `#${fragment}`}`;
          let href: string;
          try {
            href = new Request(raw).url;
          } catch {
            return; // not a URL a Request accepts
          }
          expect(requestUrlParts(href)).toEqual(viaUrl(href));
        },
      ),
      { seed: 11, numRuns: 500 },
    );
  });
});
