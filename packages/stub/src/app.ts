import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { adminRoutes } from './admin/admin-routes.js';
import { docsRoutes } from './docs/docs-routes.js';
import { StubContractViolation } from './errors/contract-violation.js';
import { StubDroppedConnection } from './errors/dropped-connection.js';
import { ERRORS, unknownApiResponse } from './errors/error-bodies.js';
import { loadOnce } from './load-once.js';
import { createOperationHandler } from './operation-handler.js';
import { createResponder } from './responses/respond.js';
import { withDataGenerator } from './responses/with-data-generator.js';
import { chooseRouter } from './routing/choose-router.js';
import type { StubRuntime } from './runtime.js';

/** Paths served by the stub itself rather than by the API; everything else is API Gateway's. */
function isStubPath(path: string): boolean {
  return (
    path === '/openapi.json' ||
    path === '/docs' ||
    path.startsWith('/docs/') ||
    path.startsWith('/__stub/')
  );
}

function requestIdHeader(runtime: StubRuntime): MiddlewareHandler {
  return async (c, next) => {
    const requestId = runtime.nextRequestId();
    await next();
    if (c.res.headers.has('x-request-id')) return;
    try {
      c.res.headers.set('x-request-id', requestId);
    } catch {
      // Some Responses have immutable headers; a copy does not.
      c.res = new Response(c.res.body, c.res);
      c.res.headers.set('x-request-id', requestId);
    }
  };
}

function requestLog(sink: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    let outcome = 'error';
    try {
      await next();
      outcome = String(c.res.status);
    } catch (error) {
      if (error instanceof StubDroppedConnection) outcome = 'dropped';
      else if (error instanceof StubContractViolation) outcome = 'contract-violation';
      throw error;
    } finally {
      const ms = (performance.now() - started).toFixed(1);
      const requestId = c.res?.headers.get('x-request-id') ?? '-';
      sink(`${c.req.method} ${c.req.path} ${outcome} ${ms}ms ${requestId}`);
    }
  };
}

/**
 * Builds the stub's Hono app from a runtime (route table, state, settings): one route per
 * operation of the route table, `GET /openapi.json`, `/docs`, the admin API under `/__stub/`, and
 * API Gateway's 404 for everything else.
 *
 * @example
 * const app = createApp(runtime);
 * const response = await app.fetch(new Request('http://stub/openapi.json'));
 */
export function createApp(runtime: StubRuntime): Hono {
  const app = new Hono({ router: chooseRouter(runtime.routes.operations.length) });
  const respond = createResponder(runtime.validateResponses);
  if (runtime.log !== undefined) app.use('*', requestLog(runtime.log));

  const withRequestId = requestIdHeader(runtime);
  for (const path of ['/openapi.json', '/docs', '/docs/*', '/__stub/*'])
    app.use(path, withRequestId);
  const openapiJson = loadOnce(runtime.routes.openapiJson);
  app.get('/openapi.json', async (c) =>
    c.body(await openapiJson(), 200, { 'content-type': 'application/json; charset=utf-8' }),
  );
  app.route('/', docsRoutes({ specUrl: '/openapi.json' }));
  app.route('/__stub', adminRoutes(runtime));

  for (const operation of runtime.routes.operations) {
    app.on(
      operation.method,
      operation.honoPath,
      withDataGenerator(runtime, operation, () =>
        createOperationHandler(runtime, operation, respond),
      ),
    );
  }
  app.notFound(() => unknownApiResponse(runtime.nextRequestId()));
  app.onError((error) => {
    // Contract violations and dropped connections must leave the app: the caller turns them into a
    // rejected fetch, a 500 with X-Stub-Contract-Violation, or a destroyed socket.
    if (error instanceof StubContractViolation || error instanceof StubDroppedConnection)
      throw error;
    const requestId = runtime.nextRequestId();
    console.error(`modelarts-stub: internal error ${requestId}:`, error);
    return new Response(JSON.stringify(ERRORS.internal), {
      status: 500,
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    });
  });

  // Hono answers HEAD with the GET route minus the body; the API declares no HEAD, so API Gateway's
  // 404 is the honest answer.
  const dispatch = app.fetch;
  app.fetch = (request, ...rest) => {
    if (request.method === 'HEAD' && !isStubPath(new URL(request.url).pathname)) {
      return unknownApiResponse(runtime.nextRequestId());
    }
    return dispatch(request, ...rest);
  };
  return app;
}
