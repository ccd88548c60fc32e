import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { adminGuard } from './admin/admin-guard.js';
import { adminRoutes } from './admin/admin-routes.js';
import { docsRoutes } from './docs/docs-routes.js';
import { StubContractViolation } from './errors/contract-violation.js';
import { StubDroppedConnection } from './errors/dropped-connection.js';
import { ERRORS, unknownApiResponse } from './errors/error-bodies.js';
import { gatewayBodyLimit, withGatewayBodyLimit } from './gateway/body-limit.js';
import { countExamples, observeOperation, recordUnrouted } from './journal/observe-operation.js';
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
    // A fresh Response with the header from the start: @hono/node-server's Response (global once
    // serve() ran) forgets headers set after creation when its body is read before its headers.
    const { status } = c.res;
    // Read whole (these are small admin and docs answers) so that it keeps a Content-Length.
    const body = c.res.body === null ? null : await c.res.arrayBuffer();
    const headers = new Headers(c.res.headers);
    headers.set('x-request-id', requestId);
    c.res = undefined; // so that Hono does not merge the old answer into the new one
    c.res = new Response(body, { status, headers });
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
  const app = new Hono({
    router: chooseRouter(runtime.routes.operations.map((operation) => operation.honoPath)),
  });
  const respond = countExamples(createResponder(runtime.validateResponses, runtime.cors), runtime);
  if (runtime.log !== undefined) app.use('*', requestLog(runtime.log));

  const withRequestId = requestIdHeader(runtime);
  for (const path of ['/openapi.json', '/docs', '/docs/*', '/__stub/*'])
    app.use(path, withRequestId);
  const openapiJson = loadOnce(runtime.routes.openapiJson);
  app.get('/openapi.json', async (c) =>
    c.body(await openapiJson(), 200, { 'content-type': 'application/json; charset=utf-8' }),
  );
  app.route('/', docsRoutes({ specUrl: '/openapi.json' }));
  if (runtime.admin.enabled) {
    if (runtime.admin.token !== undefined) app.use('/__stub/*', adminGuard(runtime.admin.token));
    app.use('/__stub/*', gatewayBodyLimit(runtime.nextRequestId));
    app.route('/__stub', adminRoutes(runtime));
  }

  for (const operation of runtime.routes.operations) {
    const handler = withDataGenerator(runtime, operation, () =>
      createOperationHandler(runtime, operation, respond),
    );
    app.on(
      operation.method,
      operation.honoPath,
      observeOperation(
        runtime,
        operation.operationId,
        operation.requestBody === undefined
          ? handler
          : withGatewayBodyLimit(runtime.nextRequestId, handler),
      ),
    );
  }
  app.notFound(observeOperation(runtime, null, () => unknownApiResponse(runtime.nextRequestId())));
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
  const answer: typeof app.fetch = (request, ...rest) => {
    if (request.method === 'HEAD') {
      if (!isStubPath(new URL(request.url).pathname)) {
        return recordUnrouted(
          runtime,
          request,
          rest[0],
          unknownApiResponse(runtime.nextRequestId()),
        );
      }
      // Hono's own HEAD answer reuses the GET answer's init, which under @hono/node-server loses
      // the headers set after it was created (X-Request-Id): copy them explicitly.
      return Promise.resolve(dispatch(new Request(request, { method: 'GET' }), ...rest)).then(
        (response) => new Response(null, { status: response.status, headers: response.headers }),
      );
    }
    return dispatch(request, ...rest);
  };
  const { cors } = runtime;
  app.fetch =
    cors === undefined
      ? answer
      : (request, ...rest) => {
          const preflight = cors.preflight(request, runtime.nextRequestId);
          if (preflight !== undefined) return preflight;
          const response = answer(request, ...rest);
          return response instanceof Promise
            ? response.then(cors.decorate)
            : cors.decorate(response);
        };
  return app;
}
