import { digest } from './digest.js';

/** SHA-256 of the empty body, the payload hash of every bodiless request. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Lowercase hex SHA-256 of `data` (strings are hashed as UTF-8, as the official SDK does). */
export function sha256Hex(data: string | Uint8Array): string {
  return data.length === 0 ? EMPTY_SHA256 : digest().sha256Hex(data);
}
