import { ALGORITHM } from './string-to-sign.js';

/** The three fields of an `SDK-HMAC-SHA256` Authorization header. */
export interface AuthorizationFields {
  accessKeyId: string;
  /** Lowercase header names, in the order they were signed. */
  signedHeaders: readonly string[];
  /** Lowercase hex HMAC-SHA256, 64 digits. */
  signature: string;
}

/** Result of {@link parseAuthorization}: the fields, or why the header is malformed. */
export type ParsedAuthorization =
  | { ok: true; fields: AuthorizationFields }
  | { ok: false; reason: string };

// RFC 9110 token characters, lower case only: the algorithm signs lower-cased names.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9a-z]+$/;
const SIGNATURE = /^[0-9a-fA-F]{64}$/;

/**
 * Formats the Authorization header exactly as the official SDK does.
 *
 * @example
 * ```ts
 * formatAuthorization({ accessKeyId: 'AK', signedHeaders: ['host', 'x-sdk-date'], signature: sig });
 * // 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=<sig>'
 * ```
 */
export function formatAuthorization(fields: AuthorizationFields): string {
  return `${ALGORITHM} Access=${fields.accessKeyId}, SignedHeaders=${fields.signedHeaders.join(';')}, Signature=${fields.signature}`;
}

/**
 * Parses an `SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…` header. Tolerates extra
 * spaces around the commas and any order of the three fields; rejects another algorithm, missing,
 * empty, repeated or unknown fields, header names that are not lowercase tokens, and a signature
 * that is not 64 hex digits. Never throws.
 *
 * @example
 * ```ts
 * const parsed = parseAuthorization(request.headers.get('authorization') ?? '');
 * if (parsed.ok) console.log(parsed.fields.accessKeyId);
 * else console.log(parsed.reason);
 * ```
 */
export function parseAuthorization(header: string): ParsedAuthorization {
  const trimmed = header.trim();
  const space = trimmed.search(/\s/);
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
  const rest = space < 0 ? '' : trimmed.slice(space + 1).trim();
  if (algorithm !== ALGORITHM) {
    return { ok: false, reason: `unsupported algorithm "${algorithm}", expected ${ALGORITHM}` };
  }
  if (rest === '') {
    return { ok: false, reason: 'Authorization is missing Access, SignedHeaders and Signature' };
  }
  const fields = new Map<string, string>();
  for (const part of rest.split(',')) {
    const equals = part.indexOf('=');
    const name = (equals < 0 ? part : part.slice(0, equals)).trim();
    const value = equals < 0 ? '' : part.slice(equals + 1).trim();
    if (name !== 'Access' && name !== 'SignedHeaders' && name !== 'Signature') {
      return { ok: false, reason: `unknown Authorization field "${name}"` };
    }
    if (fields.has(name)) {
      return { ok: false, reason: `Authorization field ${name} appears twice` };
    }
    if (value === '') {
      return { ok: false, reason: `Authorization field ${name} is empty` };
    }
    fields.set(name, value);
  }
  const accessKeyId = fields.get('Access');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (accessKeyId === undefined) return { ok: false, reason: 'Authorization is missing Access' };
  if (signedHeaders === undefined) {
    return { ok: false, reason: 'Authorization is missing SignedHeaders' };
  }
  if (signature === undefined) return { ok: false, reason: 'Authorization is missing Signature' };
  if (/\s/.test(accessKeyId)) {
    return { ok: false, reason: 'Access contains whitespace' };
  }
  const names = signedHeaders.split(';');
  const badName = names.find((name) => !HEADER_NAME.test(name));
  if (badName !== undefined) {
    return { ok: false, reason: `SignedHeaders has an invalid header name "${badName}"` };
  }
  if (new Set(names).size !== names.length) {
    return { ok: false, reason: 'SignedHeaders lists a header twice' };
  }
  if (!SIGNATURE.test(signature)) {
    return { ok: false, reason: 'Signature is not 64 hex digits' };
  }
  return {
    ok: true,
    fields: { accessKeyId, signedHeaders: names, signature: signature.toLowerCase() },
  };
}
