/** What a `Prefer` header asks for, as Prism reads it: `code=400, example=failed, dynamic=true`. */
export interface Preference {
  /** A status code the operation declares. */
  code?: string;
  /** The name of one of the spec's examples. */
  example?: string;
  /** Data generated from the response schema instead of an example. */
  dynamic?: boolean;
}

/**
 * Parses a `Prefer` header. Directives other than code, example and dynamic (e.g. the standard
 * `return=minimal`) are ignored. Returns undefined without a header, a message for a malformed one.
 *
 * @example
 * parsePrefer('code=400, example=serverNotFound'); // { code: '400', example: 'serverNotFound' }
 */
export function parsePrefer(header: string | null): Preference | string | undefined {
  if (header === null) return undefined;
  const preference: Preference = {};
  let found = false;
  for (const part of header.split(/[,;]/)) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    const name = part.slice(0, index).trim().toLowerCase();
    const value = part
      .slice(index + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (name === 'code') {
      if (!/^[1-5]\d\d$/.test(value)) return `Prefer code=${value} is not an HTTP status code`;
      preference.code = value;
    } else if (name === 'example') {
      preference.example = value;
    } else if (name === 'dynamic') {
      if (value !== 'true' && value !== 'false')
        return `Prefer dynamic=${value} must be true or false`;
      preference.dynamic = value === 'true';
    } else {
      continue;
    }
    found = true;
  }
  return found ? preference : undefined;
}
