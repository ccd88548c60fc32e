const encoder = new TextEncoder();

const UPPER_HEX = '0123456789ABCDEF';

// Most path segments and query parts (IDs, names, numbers) need no escaping at all; skipping the
// UTF-8 round trip for them is most of the canonicalisation's speed.
const UNRESERVED_ONLY = /^[A-Za-z0-9\-._~]*$/;

function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d || // -
    byte === 0x2e || // .
    byte === 0x5f || // _
    byte === 0x7e // ~
  );
}

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

/**
 * RFC 3986 percent-encoding as the signing algorithm defines it: unreserved characters kept, every
 * other byte of the UTF-8 form written as `%XY` with uppercase hex (so a space is `%20`, never `+`).
 */
export function encodeRfc3986(value: string | Uint8Array): string {
  if (typeof value === 'string' && UNRESERVED_ONLY.test(value)) {
    return value;
  }
  const bytes = typeof value === 'string' ? encoder.encode(value) : value;
  let out = '';
  for (const byte of bytes) {
    out += isUnreserved(byte)
      ? String.fromCharCode(byte)
      : `%${UPPER_HEX.charAt(byte >> 4)}${UPPER_HEX.charAt(byte & 0x0f)}`;
  }
  return out;
}

/**
 * Bytes of `value` with each valid `%XY` decoded. Works on bytes rather than via
 * `decodeURIComponent`, so a stray `%` or an escape that is not UTF-8 (`%FF`) survives as the
 * literal byte instead of throwing or turning into U+FFFD: the signer and verifier must agree on
 * whatever path a client sends.
 */
export function percentDecode(value: string): Uint8Array {
  const bytes = encoder.encode(value);
  const out = new Uint8Array(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (byte === 0x25 && i + 2 < bytes.length) {
      const high = hexValue(bytes[i + 1] as number);
      const low = hexValue(bytes[i + 2] as number);
      if (high >= 0 && low >= 0) {
        out[length++] = (high << 4) | low;
        i += 2;
        continue;
      }
    }
    out[length++] = byte;
  }
  return out.subarray(0, length);
}
