import type { OperationRoute } from '../route-table.js';

/**
 * Makes a stateless answer reflect the request: a top-level body property named like a path
 * parameter (e.g. `operation_id`) carries the requested value. Returns undefined when no property
 * applies or the reflected body would break the response schema (then the example stands).
 *
 * @example
 * reflectRequest(operation, '200', example, { operation_id: 'op-1' }); // { …, operation_id: 'op-1' }
 */
export function reflectRequest(
  operation: OperationRoute,
  status: string,
  body: unknown,
  params: Record<string, unknown>,
): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  let reflected: Record<string, unknown> | undefined;
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'path' || !(parameter.name in body)) continue;
    const value = params[parameter.name];
    if (value === undefined || (body as Record<string, unknown>)[parameter.name] === value)
      continue;
    reflected ??= { ...(body as Record<string, unknown>) };
    reflected[parameter.name] = value;
  }
  if (reflected === undefined) return undefined;
  const validate = operation.responses[status]?.validate;
  return validate === undefined || validate(reflected) ? reflected : undefined;
}
