import { Hono } from 'hono';
import { createManualClock, isManualClock, type ManualClock } from '../clock.js';
import { checkFaults, type FaultOptions } from '../faults/faults.js';
import { checkLatency, type LatencyOption } from '../faults/latency.js';
import type { StubRuntime } from '../runtime.js';
import { operationFromJson } from '../state/operation-json.js';
import { StubStateError } from '../state/operation-store.js';
import { adminError, jsonBody } from './admin-body.js';
import { journalRoutes } from './journal-routes.js';
import { stateRoutes } from './state-routes.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Makes the stub's clock manual (starting at the current time) so that it can be set. */
function manualClock(runtime: StubRuntime): ManualClock {
  if (isManualClock(runtime.clock)) return runtime.clock;
  const clock = createManualClock(runtime.clock.now());
  runtime.clock = clock;
  return clock;
}

/**
 * The admin HTTP API under `/__stub/`, for tests that drive a stub over HTTP: state, clock, faults
 * and latency. Input is validated like the JS API (against the spec for state).
 *
 * @example
 * app.route('/__stub', adminRoutes(runtime));
 */
export function adminRoutes(runtime: StubRuntime): Hono {
  const admin = new Hono();
  admin.route('/', journalRoutes(runtime));

  admin.get('/operations', (c) => c.json({ operations: runtime.state.listOperations() }));
  admin.post('/operations', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return body.response;
    try {
      return c.json(runtime.state.createOperation(operationFromJson(body.value)), 201);
    } catch (error) {
      if (error instanceof StubStateError) return adminError(c, error.message);
      throw error;
    }
  });
  admin.get('/servers', (c) => c.json({ servers: runtime.state.listServers() }));
  admin.post('/servers', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return body.response;
    if (!isObject(body.value)) {
      return adminError(c, 'body must be { serverId, projectId?, status? }');
    }
    const { serverId, projectId, status } = body.value;
    try {
      const options = {
        ...(typeof projectId === 'string' ? { projectId } : {}),
        ...(status === undefined ? {} : { status: status as string }),
      };
      return c.json(runtime.state.createServer(serverId as string, options), 201);
    } catch (error) {
      if (error instanceof StubStateError) return adminError(c, error.message);
      throw error;
    }
  });
  admin.route('/', stateRoutes(runtime));
  admin.delete('/state', (c) => {
    runtime.state.reset();
    return c.body(null, 204);
  });

  admin.get('/clock', (c) =>
    c.json({ now: runtime.clock.now(), manual: isManualClock(runtime.clock) }),
  );
  admin.post('/clock', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return body.response;
    const value = body.value;
    if (!isObject(value) || (typeof value.set !== 'number' && typeof value.advance !== 'number')) {
      return adminError(c, 'body must be { set: ms } or { advance: ms }');
    }
    try {
      const clock = manualClock(runtime);
      if (typeof value.set === 'number') clock.set(value.set);
      if (typeof value.advance === 'number') clock.advance(value.advance);
      return c.json({ now: clock.now(), manual: true });
    } catch (error) {
      return adminError(c, (error as Error).message);
    }
  });

  admin.put('/faults', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return body.response;
    try {
      checkFaults(body.value as FaultOptions, runtime.routes);
    } catch (error) {
      return adminError(c, (error as Error).message);
    }
    runtime.faults = body.value as FaultOptions;
    return c.json({ faults: runtime.faults });
  });
  admin.delete('/faults', (c) => {
    runtime.faults = undefined;
    return c.body(null, 204);
  });
  admin.put('/latency', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return body.response;
    try {
      checkLatency(body.value as LatencyOption);
    } catch (error) {
      return adminError(c, (error as Error).message);
    }
    runtime.latency = body.value as LatencyOption;
    return c.json({ latency: runtime.latency });
  });
  admin.delete('/latency', (c) => {
    runtime.latency = undefined;
    return c.body(null, 204);
  });
  return admin;
}
