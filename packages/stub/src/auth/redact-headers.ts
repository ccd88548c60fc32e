/** Request and response headers that carry credentials: never logged, reported or echoed. */
const CREDENTIAL_HEADERS = new Set([
  'x-auth-token',
  'authorization',
  'proxy-authorization',
  'x-security-token',
  'x-subject-token',
  'cookie',
  'set-cookie',
  // The stub's own admin token: a client may send it on every request, API ones included.
  'x-stub-admin-token',
]);

/** What a credential is replaced with. */
export const REDACTED = '[REDACTED]';

/**
 * Whether a header carries credentials.
 *
 * @example
 * isCredentialHeader('X-Auth-Token'); // true
 */
export function isCredentialHeader(name: string): boolean {
  return CREDENTIAL_HEADERS.has(name.toLowerCase());
}

/**
 * Copies headers into a plain object with lowercase names, credentials replaced by `[REDACTED]`.
 *
 * @example
 * redactHeaders(new Headers({ 'X-Auth-Token': 't', accept: '*' })); // { 'x-auth-token': '[REDACTED]', accept: '*' }
 */
export function redactHeaders(
  headers: Headers | Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const entries =
    headers instanceof Headers ? headers.entries() : Object.entries(headers as object);
  for (const [rawName, value] of entries as Iterable<[string, unknown]>) {
    if (value === undefined) continue;
    const name = rawName.toLowerCase();
    out[name] = isCredentialHeader(name)
      ? REDACTED
      : Array.isArray(value)
        ? value.join(', ')
        : String(value);
  }
  return out;
}
