import { Hono } from 'hono';
import type { StubRuntime } from '../runtime.js';

/**
 * The journal and coverage under `/__stub/`: `GET /requests` (`?operationId=`, `null` for unknown
 * routes), `DELETE /requests`, `GET /coverage`, `DELETE /coverage`.
 *
 * @example
 * admin.route('/', journalRoutes(runtime));
 */
export function journalRoutes(runtime: StubRuntime): Hono {
  const routes = new Hono();
  routes.get('/requests', (c) => {
    const operationId = c.req.query('operationId');
    const filter =
      operationId === undefined ? {} : { operationId: operationId === 'null' ? null : operationId };
    return c.json({ requests: runtime.journal.list(filter) });
  });
  routes.delete('/requests', (c) => {
    runtime.journal.clear();
    return c.body(null, 204);
  });
  routes.get('/coverage', (c) => c.json(runtime.coverage.snapshot()));
  routes.delete('/coverage', (c) => {
    runtime.coverage.reset();
    return c.body(null, 204);
  });
  return routes;
}
