/**
 * API Gateway's documented request limits (Huawei Cloud APIG error table and ModelArts' "Calling
 * APIs" page), which the stub enforces before routing: a URI over 32 KB is 414, a header over
 * 32 KB or all headers over 128 KB is 494, a body over 12 MB is 413.
 */
export interface GatewayLimits {
  /** Longest request target (path and query), in bytes. */
  readonly uriBytes: number;
  /** Longest single header line (name and value), in bytes. */
  readonly headerBytes: number;
  /** Largest sum of all header lines, in bytes. */
  readonly headersBytes: number;
  /** Largest request body, in bytes (the AK/SK-signed body limit). */
  readonly bodyBytes: number;
}

const KB = 1024;

/**
 * The limits as documented. Sizes count the bytes of the header name and value, as a header is
 * a byte string on the wire.
 *
 * @example
 * if (url.length > GATEWAY_LIMITS.uriBytes) reject(414);
 */
export const GATEWAY_LIMITS: GatewayLimits = {
  uriBytes: 32 * KB,
  headerBytes: 32 * KB,
  headersBytes: 128 * KB,
  bodyBytes: 12 * KB * KB,
};
