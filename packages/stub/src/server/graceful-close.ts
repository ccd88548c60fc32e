import type { Server } from 'node:http';

/**
 * Stops a server the polite way: it stops accepting at once, idle keep-alive connections close,
 * requests in flight get up to `graceMs` to finish, then whatever is left is cut. Resolves when
 * every connection is gone.
 *
 * @example
 * await gracefulClose(server, 10_000);
 */
export function gracefulClose(server: Server, graceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    // A connection that finishes its response while draining goes idle: close those as they come.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}
