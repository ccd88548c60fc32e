/** The parts of a request URL that are signed: the host (default port omitted), path and query. */
export interface RequestUrlParts {
  host: string;
  /** Starts with `/`; percent-encoded as the URL serialises it. */
  pathname: string;
  /** `?` and the query, or `''`; percent-encoded as the URL serialises it. */
  search: string;
}

const HTTPS = 'https://';
const HTTP = 'http://';

/**
 * Splits the URL of a `Request` into host, path and query without parsing it again: `request.url`
 * is already a WHATWG-serialised URL (lower-case host, default port dropped, path and query
 * percent-encoded, no credentials), so for http(s) the parts are plain substrings, and `new URL`
 * was a sizeable share of signing a request. Anything else is parsed by `URL`.
 *
 * @example
 * ```ts
 * requestUrlParts('https://example.com/v1/p?limit=2#top');
 * // { host: 'example.com', pathname: '/v1/p', search: '?limit=2' }
 * ```
 */
export function requestUrlParts(href: string): RequestUrlParts {
  const start = href.startsWith(HTTPS) ? HTTPS.length : href.startsWith(HTTP) ? HTTP.length : -1;
  const hash = href.indexOf('#');
  const end = hash < 0 ? href.length : hash;
  const query = href.indexOf('?', start);
  const pathEnd = query < 0 || query > end ? end : query;
  const slash = href.indexOf('/', start);
  if (start < 0 || slash < 0 || slash > pathEnd || href.lastIndexOf('@', slash) >= start) {
    // Not a serialised http(s) URL with a path (or one with credentials): let URL decide.
    const url = new URL(href);
    return { host: url.host, pathname: url.pathname, search: url.search };
  }
  return {
    host: href.slice(start, slash),
    pathname: href.slice(slash, pathEnd),
    // URL reports an empty query ("?" alone) as no query.
    search: end - pathEnd > 1 ? href.slice(pathEnd, end) : '',
  };
}
