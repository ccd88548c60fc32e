// Baseline of the benchmark: the least a Hono app on @hono/node-server can do for this route, a
// fixed JSON body with no validation, auth or state. Started by ../run.mjs in a process of its own.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const port = Number(process.env.PORT);
const body = JSON.parse(process.env.BENCH_BODY ?? '{}');

const app = new Hono();
app.get('/v1/:project_id/dev-servers/:id/operation/:operation_id', (c) => c.json(body));

serve({ fetch: app.fetch, hostname: '127.0.0.1', port });
// An orderly exit, so that `--cpu-prof` gets to write its profile.
process.once('SIGTERM', () => process.exit(0));
