import { ERRORS } from '../errors/error-bodies.js';
import type { OperationRoute, RouteTable } from '../route-table.js';
import { describeParameterError } from '../validation/describe-error.js';
import type { StateChecks, StubState } from './operation-store.js';
import { operationBodyAt } from './operation-store.js';

/** The operation whose answers come from the state. */
export const SHOW_SERVER_OPERATION = 'ShowServerOperation';

/** A stateful answer: a declared status and its body. */
export interface StateAnswer {
  status: string;
  body: unknown;
}

/**
 * Answers ShowServerOperation from the state, or undefined when the state is empty (then the
 * spec's example answers, as Prism would). With at least one server known: an unknown server is
 * 400 ModelArts.6404, an unknown operation of a known server 400 ModelArts.0102 (decision
 * `not-found-status` of the spec).
 *
 * @example
 * const answer = answerShowServerOperation(state, params, clock.now());
 */
export function answerShowServerOperation(
  state: StubState,
  params: Record<string, unknown>,
  now: number,
): StateAnswer | undefined {
  if (!state.hasServers()) return undefined;
  const projectId = String(params.project_id);
  const serverId = String(params.id);
  if (state.findServer(serverId, projectId) === undefined) {
    return { status: '400', body: ERRORS.serverNotFound };
  }
  const operation = state.findOperation(serverId, String(params.operation_id), projectId);
  if (operation === undefined) return { status: '400', body: ERRORS.operationNotFound };
  return { status: '200', body: operationBodyAt(operation, now) };
}

function parameterCheck(route: OperationRoute, name: string, label: string, value: unknown) {
  const parameter = route.parameters.find((p) => p.name === name);
  if (parameter === undefined || parameter.validate(value)) return undefined;
  return describeParameterError(label, parameter.validate.errors).replace('Parameter error: ', '');
}

/**
 * Builds the checks of state input from the spec: the server and project ids against
 * ShowServerOperation's path parameters, and the body of every timeline entry against its 200
 * schema. Undefined when the route table has no such operation.
 *
 * @example
 * const checks = stateChecksFor(routeTable);
 */
export function stateChecksFor(routes: RouteTable): StateChecks | undefined {
  const route = routes.operations.find((op) => op.operationId === SHOW_SERVER_OPERATION);
  if (route === undefined) return undefined;
  const validateBody = route.responses['200']?.validate;
  return {
    server: (serverId, projectId) =>
      parameterCheck(route, 'id', 'serverId', serverId) ??
      (projectId === undefined
        ? undefined
        : parameterCheck(route, 'project_id', 'projectId', projectId)),
    operation(operation) {
      if (validateBody === undefined) return undefined;
      for (const [index, entry] of operation.timeline.entries()) {
        const body = operationBodyAt({ ...operation, timeline: [entry], createdAt: 0 }, entry.at);
        if (!validateBody(body)) {
          const error = validateBody.errors?.[0];
          return `timeline[${index}] gives a body whose ${error?.instancePath || 'root'} ${error?.message ?? 'is invalid'}`;
        }
      }
      return undefined;
    },
  };
}
