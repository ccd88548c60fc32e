import type { Context } from 'hono';

/** Reads one request header by name; `undefined` when it is absent. */
export type HeaderReader = (name: string) => string | undefined;

type NodeBindings = { incoming?: { headers?: Record<string, string | string[] | undefined> } };

/**
 * A header reader for one request. Under `@hono/node-server` it reads the headers Node has already
 * parsed: touching `request.headers` there builds a whole web `Headers` object per request, the
 * stub's largest fixed cost under load. Elsewhere (in-process, edge runtimes) it reads
 * `request.headers`. The full `Headers` is still built when a check needs the whole request, as
 * AK/SK verification does.
 *
 * @example
 * const header = headerReader(c);
 * header('x-auth-token');
 */
export function headerReader(c: Context): HeaderReader {
  const incoming = (c.env as NodeBindings | undefined)?.incoming?.headers;
  if (incoming !== undefined) {
    return (name) => {
      const value = incoming[name.toLowerCase()];
      return Array.isArray(value) ? value.join(', ') : value;
    };
  }
  const headers = c.req.raw.headers;
  return (name) => headers.get(name) ?? undefined;
}
