/** How long the HTTP server waits for slow or idle clients before cutting them off, in ms. */
export interface ServerTimeouts {
  /** Time to receive a request's whole head (request line and headers). Default 10 000. */
  headersMs?: number;
  /** Time to receive a whole request, head and body. Default 30 000. */
  requestMs?: number;
  /** Time an idle keep-alive connection stays open between requests. Default 5 000. */
  keepAliveMs?: number;
}

/** The defaults of {@link ServerTimeouts}. */
export const DEFAULT_TIMEOUTS: Required<ServerTimeouts> = {
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
};

/**
 * The `node:http` server options enforcing the timeouts. Node checks pending requests on an
 * interval (30 s by default), so the interval is tightened to a fraction of the shortest timeout;
 * a request head is not kept beyond `headersMs` however slowly it trickles in.
 *
 * @throws {RangeError} when a timeout is not a positive integer or headersMs exceeds requestMs.
 * @example
 * createServer(serverTimeoutOptions({ headersMs: 2000 }));
 */
export function serverTimeoutOptions(timeouts: ServerTimeouts = {}): {
  headersTimeout: number;
  requestTimeout: number;
  keepAliveTimeout: number;
  connectionsCheckingInterval: number;
} {
  const { headersMs, requestMs, keepAliveMs } = { ...DEFAULT_TIMEOUTS, ...timeouts };
  for (const [name, value] of Object.entries({ headersMs, requestMs, keepAliveMs })) {
    if (!Number.isInteger(value) || value <= 0) {
      throw new RangeError(`timeouts.${name} must be a positive integer, got ${value}`);
    }
  }
  if (headersMs > requestMs) {
    throw new RangeError('timeouts.headersMs must not exceed timeouts.requestMs');
  }
  return {
    headersTimeout: headersMs,
    requestTimeout: requestMs,
    keepAliveTimeout: keepAliveMs,
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersMs / 4))),
  };
}
