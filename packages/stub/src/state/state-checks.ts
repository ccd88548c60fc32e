import type { OperationRoute, RouteTable } from '../route-table.js';
import { describeParameterError } from '../validation/describe-error.js';
import type { StateChecks } from './operation-store.js';
import { operationBodyAt } from './operation-store.js';

function parameterCheck(route: OperationRoute, name: string, label: string, value: unknown) {
  const parameter = route.parameters.find((p) => p.name === name);
  if (parameter === undefined || parameter.validate(value)) return undefined;
  return describeParameterError(label, parameter.validate.errors).replace('Parameter error: ', '');
}

/**
 * Builds the checks of state input from the spec, per owner kind: the owner and project ids against
 * the path parameters of the GET that reads that kind's operations, and the body of every timeline
 * entry against its 200 schema. Kinds no GET reads are not checked.
 *
 * @example
 * const checks = stateChecksFor(routeTable);
 */
export function stateChecksFor(routes: RouteTable): StateChecks {
  const readers = new Map<string, OperationRoute>();
  for (const route of routes.operations) {
    if (route.reads !== undefined && !readers.has(route.reads.owner)) {
      readers.set(route.reads.owner, route);
    }
  }
  // A scripted error is checked against any reader: they share the operation schema.
  const anyReader = readers.values().next().value as OperationRoute | undefined;
  return {
    owner(kind, id, projectId) {
      const route = readers.get(kind);
      if (route?.reads === undefined) return undefined;
      return (
        parameterCheck(route, route.reads.ownerParameter, `${kind}Id`, id) ??
        (projectId === undefined
          ? undefined
          : parameterCheck(route, 'project_id', 'projectId', projectId))
      );
    },
    operation(operation) {
      const validateBody = (readers.get(operation.owner) ?? anyReader)?.responses['200']?.validate;
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
