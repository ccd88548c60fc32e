import type { OperationRoute } from '../route-table.js';

/** A reflected answer: the body, already checked against its response schema, and its JSON. */
export interface Reflected {
  body: Record<string, unknown>;
  /** The body serialised; undefined when it must be serialised per request. */
  text: string | undefined;
}

/** Reflects a request's path parameters into one answer; undefined when nothing changes. */
export type Reflector = (params: Record<string, unknown>) => Reflected | undefined;

/**
 * The body's JSON cut around the values of `names`: serialising with a sentinel in their place
 * and splitting there. The answer's text is then the parts joined with the requested values'
 * JSON, instead of the whole body serialised per request. Undefined when a sentinel cannot be
 * found exactly once (it cannot happen with plain JSON data, but then the slow path stays right).
 */
function textTemplate(body: Record<string, unknown>, names: string[]): string[] | undefined {
  const sentinels = names.map((_, i) => `\u0000reflect-${i}\u0000`);
  const copy = { ...body };
  names.forEach((name, i) => {
    copy[name] = sentinels[i];
  });
  let rest = JSON.stringify(copy);
  const parts: string[] = [];
  for (const sentinel of sentinels) {
    const quoted = JSON.stringify(sentinel);
    const at = rest.indexOf(quoted);
    if (at < 0 || rest.indexOf(quoted, at + 1) >= 0) return undefined;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + quoted.length);
  }
  parts.push(rest);
  return parts;
}

/**
 * Creates the reflector of an operation's stateless answer: a top-level body property named like
 * a path parameter (e.g. `operation_id`) carries the requested value. The reflected body is
 * checked against the response schema once, here (the example stands when it would break the
 * schema), and its JSON is built from a template made once per answer rather than serialised per
 * request. Returns undefined when the answer reflects nothing.
 *
 * @example
 * const reflect = createReflector(operation, '200', example);
 * reflect?.({ operation_id: 'op-1' }); // { body: { …, operation_id: 'op-1' }, text: '{…}' }
 */
export function createReflector(
  operation: OperationRoute,
  status: string,
  body: unknown,
): Reflector | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const example = body as Record<string, unknown>;
  const names = operation.parameters
    .filter((parameter) => parameter.in === 'path' && parameter.name in example)
    .map((parameter) => parameter.name);
  if (names.length === 0) return undefined;
  const validate = operation.responses[status]?.validate;
  // A body carrying a request id gets this request's id at answer time: no fixed template.
  const template = 'request_id' in example ? undefined : textTemplate(example, names);
  return (params) => {
    let reflected: Record<string, unknown> | undefined;
    for (const name of names) {
      const value = params[name];
      if (value === undefined || example[name] === value) continue;
      reflected ??= { ...example };
      reflected[name] = value;
    }
    if (reflected === undefined) return undefined;
    if (validate !== undefined && !validate(reflected)) return undefined;
    if (template === undefined) return { body: reflected, text: undefined };
    let text = template[0] as string;
    for (let i = 0; i < names.length; i++) {
      text += JSON.stringify(reflected[names[i] as string]) + (template[i + 1] as string);
    }
    return { body: reflected, text };
  };
}
