import type { Context } from 'hono';
import { noteBody, noteRejection } from '../journal/request-notes.js';
import type { HeaderReader } from '../request-headers.js';
import type { OperationRoute } from '../route-table.js';
import { coerceParameter } from './coerce-parameter.js';
import { describeParameterError } from './describe-error.js';

/** The validated inputs of a request: parameters by name, and the parsed body. */
export interface RequestInput {
  params: Record<string, unknown>;
  body?: unknown;
}

/** Either the validated input, or the ModelArts.0104 message of the first violation. */
export type RequestValidation = { ok: true; input: RequestInput } | { ok: false; message: string };

function rawParameter(
  c: Context,
  header: HeaderReader,
  name: string,
  location: string,
  isArray: boolean,
) {
  if (location === 'path') return c.req.param(name);
  if (location === 'query') return isArray ? c.req.queries(name) : c.req.query(name);
  return header(name);
}

function subject(parameter: { in: string; name: string }): string {
  return `${parameter.in} parameter '${parameter.name}'`;
}

type BodyValidation =
  | { ok: true; body: unknown }
  | { ok: false; message: string; constraint: string }
  | undefined;

/** The dotted place of a schema error inside the body, e.g. `body.volume.size.minimum`. */
function bodyConstraint(
  error: { instancePath: string; keyword: string; params: Record<string, unknown> } | undefined,
): string {
  if (error === undefined) return 'body.schema';
  const at = error.instancePath
    .split('/')
    .slice(1)
    .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (error.keyword === 'required') at.push(String(error.params.missingProperty));
  return ['body', ...at, error.keyword].join('.');
}

async function validateBody(c: Context, operation: OperationRoute): Promise<BodyValidation> {
  const spec = operation.requestBody;
  if (spec === undefined) return undefined;
  const text = await c.req.raw.text().catch(() => '');
  noteBody(c.req.raw, text);
  if (text === '') {
    return spec.required
      ? {
          ok: false,
          message: 'Parameter error: request body is required.',
          constraint: 'body.required',
        }
      : undefined;
  }
  const contentType = c.req.raw.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    return {
      ok: false,
      message: `Parameter error: request body must be sent as ${spec.mediaTypes.join(' or ')}.`,
      constraint: 'body.mediaType',
    };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: 'Parameter error: request body is not valid JSON.',
      constraint: 'body.json',
    };
  }
  if (spec.validate && !spec.validate(body)) {
    return {
      ok: false,
      message: describeParameterError('request body', spec.validate.errors),
      constraint: bodyConstraint(spec.validate.errors?.[0]),
    };
  }
  return { ok: true, body };
}

/**
 * Validates a request's path, query and header parameters, then its body, against the operation's
 * precompiled validators, stopping at the first violation. Query parameters the spec does not
 * declare are ignored, as API Gateway does; so is a body sent to an operation that declares none.
 *
 * @example
 * const result = await validateRequest(c, headerReader(c), operation);
 * if (!result.ok) return badRequest(result.message);
 */
export function validateRequest(
  c: Context,
  header: HeaderReader,
  operation: OperationRoute,
): RequestValidation | Promise<RequestValidation> {
  const params: Record<string, unknown> = {};
  for (const parameter of operation.parameters) {
    const raw = rawParameter(c, header, parameter.name, parameter.in, parameter.type === 'array');
    if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) {
      if (parameter.required) {
        noteRejection(c.req.raw, `${parameter.in}.${parameter.name}.required`);
        return { ok: false, message: `Parameter error: ${subject(parameter)} is required.` };
      }
      continue;
    }
    const value = coerceParameter(raw, parameter.type, parameter.itemType);
    if (!parameter.validate(value)) {
      const keyword = parameter.validate.errors?.[0]?.keyword ?? 'schema';
      noteRejection(c.req.raw, `${parameter.in}.${parameter.name}.${keyword}`);
      return {
        ok: false,
        message: describeParameterError(subject(parameter), parameter.validate.errors),
      };
    }
    params[parameter.name] = value;
  }
  // Reading a body is the only step that waits; operations without one answer synchronously.
  if (operation.requestBody === undefined) return { ok: true, input: { params } };
  return validateBody(c, operation).then((body) => {
    if (body === undefined) return { ok: true, input: { params } };
    if (!body.ok) {
      noteRejection(c.req.raw, body.constraint);
      return { ok: false, message: body.message };
    }
    return { ok: true, input: { params, body: body.body } };
  });
}
