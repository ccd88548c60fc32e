// The stub as a user runs it, from the build: request validation, token auth against a known token,
// and response validation (the default) all on, no request log. Started by ../run.mjs in a process
// of its own.
//
// BENCH_WITHOUT (comma-separated) switches per-request features off for the ablation table, each
// the least intrusive way that removes its work and nothing else (see ../ablation/features.mjs).
import { createStubAdjusted } from '../../dist/create-stub.js';
import { routeTable } from '../../dist/generated/routes.gen.js';
import { serve } from '../../dist/node.js';
import { adjustRuntime, optionsWithout, routesWithout } from '../ablation/features.mjs';

const without = new Set((process.env.BENCH_WITHOUT ?? '').split(',').filter(Boolean));
const reflected = JSON.parse(process.env.BENCH_REFLECTED ?? '{}');

const stub = createStubAdjusted(
  {
    // A token set turns auth from "any non-empty token" into a lookup, as a contract test would use it.
    tokens: [process.env.BENCH_TOKEN ?? 'bench-token'],
    validateResponses: true,
    ...optionsWithout(without),
    ...(without.size === 0 ? {} : { routes: routesWithout(routeTable, without, reflected) }),
  },
  (runtime) => adjustRuntime(runtime, without),
);
const served = await serve({ port: Number(process.env.PORT), host: '127.0.0.1', stub });
process.once('SIGTERM', () => served.close().then(() => process.exit(0)));
