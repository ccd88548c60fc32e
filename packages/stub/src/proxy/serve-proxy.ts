import type { Server } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { closeNow, listen } from '../server/listen.js';
import { type ContractProxy, createProxy, type ProxyOptions } from './create-proxy.js';

/** Options of {@link serveProxy}. */
export interface ServeProxyOptions extends ProxyOptions {
  /** Port; 0 picks a free one. Default 4010. */
  port?: number;
  /** Interface. Default 127.0.0.1. */
  host?: string;
}

/** A proxy listening over HTTP. */
export interface ServedProxy {
  proxy: ContractProxy;
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves a validating proxy over HTTP with @hono/node-server (Node only).
 *
 * @throws when the port cannot be listened on (e.g. `EADDRINUSE`).
 * @example
 * const { url, close } = await serveProxy({ upstream: 'http://127.0.0.1:4010', port: 0 });
 */
export async function serveProxy(options: ServeProxyOptions): Promise<ServedProxy> {
  const proxy = createProxy(options);
  const host = options.host ?? '127.0.0.1';
  const server = createAdaptorServer({ hostname: host, fetch: proxy.app.fetch });
  const { url, port } = await listen(server as Server, options.port ?? 4010, host);
  return {
    proxy,
    url,
    port,
    close: () => closeNow(server as Server),
  };
}
