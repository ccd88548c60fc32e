// Baseline of the benchmark: the least a Hono app on @hono/node-server can do for this route, a
// fixed JSON body with no validation, auth or state; an id that is not a UUID gets a fixed 400, the
// baseline of the stub's invalid-request row. Started by ../run.mjs in a process of its own.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const port = Number(process.env.PORT);
const body = JSON.parse(process.env.BENCH_BODY ?? '{}');
const invalid = {
  error_code: 'ModelArts.0104',
  error_msg: "Parameter error: path parameter 'id'.",
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const app = new Hono();
app.get('/v1/:project_id/dev-servers/:id/operation/:operation_id', (c) =>
  UUID.test(c.req.param('id')) ? c.json(body) : c.json(invalid, 400),
);

serve({ fetch: app.fetch, hostname: '127.0.0.1', port });
// An orderly exit, so that `--cpu-prof` gets to write its profile.
process.once('SIGTERM', () => process.exit(0));
