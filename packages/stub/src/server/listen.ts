import type { AddressInfo, Server } from 'node:net';

/** Where a server listens once {@link listen} resolved. */
export interface Listening {
  /** E.g. `http://127.0.0.1:4010`; an IPv6 host is bracketed. */
  url: string;
  port: number;
}

/**
 * Starts listening and resolves once the server is bound; rejects on a bind error such as
 * `EADDRINUSE`. Port 0 picks a free port, which the result tells.
 *
 * @example
 * const { url } = await listen(server, 0, '127.0.0.1');
 */
export async function listen(server: Server, port: number, host: string): Promise<Listening> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${urlHost}:${bound}`, port: bound };
}

/**
 * Stops listening and cuts open connections at once (keep-alive ones included), resolving when the
 * server is closed.
 *
 * @example
 * await closeNow(server);
 */
export function closeNow(server: Server & { closeAllConnections?: () => void }): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections?.();
  });
}
