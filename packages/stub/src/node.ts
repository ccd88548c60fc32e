import { createServer } from 'node:http';
import {
  getRequestListener,
  type Http2Bindings,
  type HttpBindings,
  RequestError,
} from '@hono/node-server';
import { createStub, type Stub, type StubOptions } from './create-stub.js';
import { StubContractViolation } from './errors/contract-violation.js';
import { StubDroppedConnection } from './errors/dropped-connection.js';
import { internalErrorResponse } from './errors/error-bodies.js';
import { checkRequestSize } from './gateway/check-request-size.js';
import { clientErrorListener } from './gateway/client-error.js';
import { connectListener } from './gateway/connect-method.js';
import { REJECTIONS, rejectionResponse } from './gateway/gateway-rejection.js';
import { type ServerTimeouts, serverTimeoutOptions } from './gateway/timeouts.js';
import type { ServedProxy, ServeProxyOptions } from './proxy/serve-proxy.js';
import { createRequestIdGenerator } from './request-id.js';
import { exposureFor } from './server/exposure.js';
import { gracefulClose } from './server/graceful-close.js';
import { closeNow, listen } from './server/listen.js';

/** Options of {@link serve}: the stub's options, or an existing stub, and where to listen. */
export interface ServeOptions extends StubOptions {
  /** Port; 0 picks a free one. Default 4010. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /**
   * Serve this stub instead of creating one from the options (its admin settings are its own: off
   * loopback, give it an `adminToken`).
   */
  stub?: Stub;
  /** When slow or idle clients are cut off (see README, "Gateway limits and timeouts"). */
  timeouts?: ServerTimeouts;
}

/** A stub listening over HTTP. */
export interface ServedStub {
  stub: Stub;
  /** E.g. `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  /**
   * The admin API's token: the one given, or one generated because the host is not a loopback
   * address (hand it to the user once; never log it).
   */
  adminToken: string | undefined;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
  /** Stops listening, lets requests in flight finish for up to `graceMs` (default 10 000), then closes. */
  shutdown(graceMs?: number): Promise<void>;
}

/** The gateway's head size limits are the stub's to enforce: Node's parser only stops abuse. */
const MAX_HEAD_BYTES = 256 * 1024;

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
  const host = options.host ?? '127.0.0.1';
  const exposure = exposureFor(host, options);
  const stub =
    options.stub ??
    createStub(
      exposure.adminToken === undefined ? options : { ...options, adminToken: exposure.adminToken },
    );
  const nextRequestId = createRequestIdGenerator();
  const listener = getRequestListener(
    (request: Request, env: HttpBindings | Http2Bindings) => {
      const rejection = checkRequestSize(env.incoming.url ?? '', env.incoming.rawHeaders);
      if (rejection !== undefined) return rejectionResponse(rejection, nextRequestId());
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
    {
      // No default hostname: an HTTP/1.1 request without Host is a bad request, as at the gateway.
      errorHandler: (error) => {
        const requestId = nextRequestId();
        // Requests @hono/node-server cannot turn into a web Request (no or bad Host, a backslash).
        if (error instanceof RequestError)
          return rejectionResponse(REJECTIONS.badRequest, requestId);
        // The client went away mid-request: nobody is left to answer, and nothing is wrong here.
        if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET')
          console.error(`modelarts-stub: internal error ${requestId}:`, error);
        return internalErrorResponse(requestId);
      },
    },
  );
  const server = createServer(
    {
      maxHeaderSize: MAX_HEAD_BYTES,
      // A missing Host is answered by the errorHandler above, in the gateway's format, not by Node.
      requireHostHeader: false,
      ...serverTimeoutOptions(options.timeouts),
    },
    listener,
  );
  server.on('clientError', clientErrorListener(nextRequestId));
  server.on('connect', connectListener(nextRequestId));
  // An Expect header other than 100-continue is ignored rather than answered with Node's bare 417.
  server.on('checkExpectation', listener);
  // Every header counts towards the gateway's 128 KB, so none may be silently dropped (Node keeps
  // 2000 by default); MAX_HEAD_BYTES still bounds them.
  server.maxHeadersCount = 0;
  const { url, port } = await listen(server, options.port ?? 4010, host);
  return {
    stub,
    url,
    port,
    adminToken: options.stub === undefined ? exposure.adminToken : undefined,
    close: () => closeNow(server),
    shutdown: (graceMs = 10_000) => gracefulClose(server, graceMs),
  };
}

export type { ServedProxy, ServeProxyOptions } from './proxy/serve-proxy.js';

/**
 * Serves a validating proxy over HTTP with @hono/node-server (Node only). Its modules load on
 * the first call, so that a stub that never proxies does not pay for them at start.
 *
 * @throws when the port cannot be listened on (e.g. `EADDRINUSE`).
 * @example
 * const { url, close } = await serveProxy({ upstream: 'http://127.0.0.1:4010', port: 0 });
 */
export async function serveProxy(options: ServeProxyOptions): Promise<ServedProxy> {
  const proxy = await import('./proxy/serve-proxy.js');
  return proxy.serveProxy(options);
}
