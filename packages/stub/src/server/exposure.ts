import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * Whether a listen address only accepts connections from this machine.
 *
 * @example
 * isLoopback('127.0.0.1'); // true
 * isLoopback('0.0.0.0'); // false: every interface
 */
export function isLoopback(host: string): boolean {
  const address = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (address === 'localhost' || address === '::1') return true;
  if (isIP(address) === 4) return address.startsWith('127.');
  return address.startsWith('::ffff:127.');
}

/** What serving on an address means for the admin API. */
export interface Exposure {
  loopback: boolean;
  /** The admin token to require: the one given, or a generated one off loopback. */
  adminToken: string | undefined;
  /** Whether the token was generated here (the caller must hand it to the user, once). */
  generated: boolean;
}

/**
 * Least exposure: off loopback, an open admin API would let anyone on the network rewrite the
 * stub's state, so it gets a random token unless one was given or the admin API is off.
 *
 * @example
 * const { adminToken, generated } = exposureFor('0.0.0.0', { admin: true });
 */
export function exposureFor(
  host: string,
  options: { admin?: boolean; adminToken?: string },
): Exposure {
  const loopback = isLoopback(host);
  if (options.adminToken !== undefined || options.admin === false || loopback) {
    return { loopback, adminToken: options.adminToken, generated: false };
  }
  return { loopback, adminToken: randomBytes(24).toString('base64url'), generated: true };
}
