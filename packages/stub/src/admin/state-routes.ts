import type { Context } from 'hono';
import { Hono } from 'hono';
import type { StubRuntime } from '../runtime.js';
import { loadInitialState } from '../state/initial-state.js';
import type { LifecycleSettings, OperationScript } from '../state/lifecycle-settings.js';
import { StubStateError } from '../state/stub-state-error.js';
import { adminError, jsonBody } from './admin-body.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Runs a state change, answering a StubStateError as an admin 400. */
async function change(
  c: Context,
  apply: (body: unknown) => unknown,
  status: 200 | 201 = 201,
): Promise<Response> {
  const body = await jsonBody(c);
  if (!body.ok) return body.response;
  try {
    return c.json(apply(body.value) as object, status);
  } catch (error) {
    if (error instanceof StubStateError) return adminError(c, error.message);
    throw error;
  }
}

/**
 * The admin routes of the state beyond operations and servers: supernodes, volumes, a whole state
 * at once, the lifecycle of started operations and scripted outcomes.
 *
 * @example
 * admin.route('/', stateRoutes(runtime));
 */
export function stateRoutes(runtime: StubRuntime): Hono {
  const routes = new Hono();
  const { state } = runtime;

  routes.get('/hyperinstances', (c) => c.json({ hyperinstances: state.listHyperinstances() }));
  routes.post('/hyperinstances', (c) =>
    change(c, (body) => {
      if (!isObject(body)) throw new StubStateError('body must be { hyperinstanceId, projectId? }');
      const { hyperinstanceId, projectId } = body;
      return state.createHyperinstance(hyperinstanceId as string, {
        ...(typeof projectId === 'string' ? { projectId } : {}),
      });
    }),
  );
  routes.get('/volumes', (c) => c.json({ volumes: state.listVolumes() }));
  routes.post('/volumes', (c) =>
    change(c, (body) => {
      if (!isObject(body))
        throw new StubStateError('body must be { volumeId, projectId?, attachedTo? }');
      const { volumeId, projectId, attachedTo } = body;
      return state.createVolume(volumeId as string, {
        ...(typeof projectId === 'string' ? { projectId } : {}),
        ...(typeof attachedTo === 'string' ? { attachedTo } : {}),
      });
    }),
  );
  routes.post('/state', (c) =>
    change(c, (body) => {
      loadInitialState(state, body);
      return {
        servers: state.listServers(),
        hyperinstances: state.listHyperinstances(),
        volumes: state.listVolumes(),
        operations: state.listOperations(),
      };
    }),
  );

  routes.get('/lifecycle', (c) => c.json({ lifecycle: state.getLifecycle() }));
  routes.put('/lifecycle', (c) =>
    change(c, (body) => ({ lifecycle: state.setLifecycle(body as LifecycleSettings) }), 200),
  );
  routes.delete('/lifecycle', (c) => {
    state.setLifecycle(undefined);
    return c.body(null, 204);
  });
  routes.get('/scripts', (c) => c.json({ scripts: state.listScripts() }));
  routes.post('/scripts', (c) =>
    change(c, (body) => state.scriptOperations(body as OperationScript)),
  );
  routes.delete('/scripts', (c) => {
    state.clearScripts();
    return c.body(null, 204);
  });
  return routes;
}
