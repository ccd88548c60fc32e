import { toHex } from './hex.js';

const encoder = new TextEncoder();

/** Lowercase hex SHA-256 of `data` (strings are hashed as UTF-8, as the official SDK does). */
export async function sha256Hex(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}
