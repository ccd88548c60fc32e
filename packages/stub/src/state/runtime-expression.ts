/** What an OpenAPI runtime expression of a link can read. */
export interface ExpressionContext {
  params: Record<string, unknown>;
  body?: unknown;
  responseBody?: unknown;
}

function pointer(value: unknown, path: string): unknown {
  let node = value;
  for (const raw of path.split('/').slice(1)) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/**
 * Evaluates the OpenAPI runtime expressions links use: `$request.path.x`, `$request.query.x`,
 * `$request.header.x`, `$request.body#/ptr` and `$response.body#/ptr`. Anything else (a constant)
 * is returned as is.
 *
 * @example
 * evaluateExpression('$response.body#/operation_id', { params, responseBody }); // '3f9a…'
 */
export function evaluateExpression(expression: string, context: ExpressionContext): unknown {
  const source = /^\$request\.(?:path|query|header)\.(.+)$/.exec(expression);
  if (source) return context.params[source[1] as string];
  if (expression.startsWith('$request.body')) {
    return pointer(context.body, expression.slice('$request.body#'.length));
  }
  if (expression.startsWith('$response.body')) {
    return pointer(context.responseBody, expression.slice('$response.body#'.length));
  }
  return expression;
}
