// Hop-by-hop headers (RFC 9110 §7.6.1) and those fetch recomputes: never forwarded as they are.
const NOT_FORWARDED = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'content-length',
  'content-encoding',
]);

/**
 * Copies headers for the other side of the proxy, without hop-by-hop headers and without the
 * names in `drop` (e.g. the signature headers the proxy replaces).
 *
 * @example
 * forwardHeaders(request.headers, ['authorization', 'x-sdk-date']);
 */
export function forwardHeaders(headers: Headers, drop: readonly string[] = []): Headers {
  const out = new Headers();
  for (const [name, value] of headers) {
    if (NOT_FORWARDED.has(name) || drop.includes(name)) continue;
    out.append(name, value);
  }
  return out;
}
