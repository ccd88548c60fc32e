import type { AddressInfo } from 'node:net';
import { createAdaptorServer, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import { createStub, type Stub, type StubOptions } from './create-stub.js';
import { StubContractViolation } from './errors/contract-violation.js';
import { StubDroppedConnection } from './errors/dropped-connection.js';

/** Options of {@link serve}: the stub's options, or an existing stub, and where to listen. */
export interface ServeOptions extends StubOptions {
  /** Port; 0 picks a free one. Default 4010. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** Serve this stub instead of creating one from the options. */
  stub?: Stub;
}

/** A stub listening over HTTP. */
export interface ServedStub {
  stub: Stub;
  /** E.g. `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

function violationResponse(error: StubContractViolation): Response {
  return new Response(
    JSON.stringify({ error_code: 'STUB.ContractViolation', error_msg: error.message }),
    {
      status: 500,
      headers: { 'content-type': 'application/json', 'x-stub-contract-violation': 'true' },
    },
  );
}

/**
 * Serves a stub over HTTP with @hono/node-server (Node only). A contract violation is logged to
 * stderr and answered 500 with `X-Stub-Contract-Violation: true`; a dropped connection destroys
 * the socket.
 *
 * @throws when the port cannot be listened on (e.g. `EADDRINUSE`).
 * @example
 * const { url, close } = await serve({ port: 0 });
 * await fetch(`${url}/openapi.json`);
 * await close();
 */
export async function serve(options: ServeOptions = {}): Promise<ServedStub> {
  const stub = options.stub ?? createStub(options);
  const host = options.host ?? '127.0.0.1';
  const server = createAdaptorServer({
    hostname: host,
    fetch: (request: Request, env: HttpBindings | Http2Bindings) => {
      const fail = (error: unknown): Response => {
        if (error instanceof StubDroppedConnection) {
          env.incoming.socket.destroy();
          return new Response(null, { status: 500 });
        }
        if (error instanceof StubContractViolation) {
          console.error(`modelarts-stub: ${error.message}`);
          return violationResponse(error);
        }
        throw error;
      };
      // The app answers synchronously where it can: errors arrive either thrown or rejected.
      try {
        const response = stub.app.fetch(request, env);
        return response instanceof Promise ? response.catch(fail) : response;
      } catch (error) {
        return fail(error);
      }
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    stub,
    url: `http://${urlHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

export { type ServedProxy, type ServeProxyOptions, serveProxy } from './proxy/serve-proxy.js';
