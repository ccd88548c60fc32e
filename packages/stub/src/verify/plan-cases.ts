import type { OperationRoute, ParameterRoute, RouteTable } from '../route-table.js';
import { coerceParameter } from '../validation/coerce-parameter.js';
import { boundaryValues } from './boundary-values.js';
import { generateValue, wireValue } from './generate-value.js';
import {
  type BodyShape,
  type ParameterShape,
  type RequestShape,
  requestShapes,
} from './request-shapes.js';

/** Which credentials a request carries. */
export type AuthVariant =
  | 'valid'
  | 'none'
  | 'empty-token'
  | 'malformed-signature'
  | 'wrong-signature';

/** A request to send, before credentials are added. */
export interface PlannedRequest {
  method: string;
  /** Path with parameters filled in and percent-encoded, plus the query string. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  auth: AuthVariant;
}

/** What a case expects: a conforming answer, or a rejection of the given kind. */
export type CaseKind =
  | 'positive'
  | 'negative_data_rejection'
  | 'ignored_auth'
  | 'unsupported_method'
  | 'unknown_route';

/** One request verification sends, and what the spec says about it. */
export interface VerifyCase {
  kind: CaseKind;
  /** The operation the request targets; undefined for an unknown route or undeclared method. */
  operation?: OperationRoute;
  title: string;
  request: PlannedRequest;
  /** The constraint broken, e.g. `path.id.pattern` (negative cases). */
  constraint?: string;
}

/** What cases are built from. */
export interface PlanOptions {
  routes: RouteTable;
  /** The OpenAPI document the route table was generated from, serialised (see {@link openapiDocument}). */
  document: string;
  /** Real values by parameter name (`--param`, `--project-id`). */
  params: Record<string, string>;
  seed: number;
  unsafe: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);
const PROBED_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

type Values = Map<string, string>;

function accepts(route: ParameterRoute | undefined, raw: string): boolean {
  if (route === undefined) return true;
  return route.validate(coerceParameter(raw, route.type, route.itemType));
}

function routeOf(operation: OperationRoute, shape: ParameterShape): ParameterRoute | undefined {
  return operation.parameters.find(
    (p) => p.in === shape.in && p.name.toLowerCase() === shape.name.toLowerCase(),
  );
}

/** Parameter values: given ones first, else the spec's example (`fromExamples`), else generated. */
function parameterValues(
  shape: RequestShape,
  operation: OperationRoute,
  options: PlanOptions,
  fromExamples: boolean,
): { values: Values; optional: Values } {
  const values: Values = new Map();
  const optional: Values = new Map();
  shape.parameters.forEach((parameter, index) => {
    const route = routeOf(operation, parameter);
    const given = options.params[parameter.name];
    let value = given;
    if (value === undefined && fromExamples && parameter.example !== undefined) {
      const example = wireValue(parameter.example);
      if (accepts(route, example)) value = example;
    }
    if (value === undefined) {
      const generated = generateValue(parameter.schema, options.seed + index, (v) =>
        accepts(route, wireValue(v)),
      );
      if (generated !== undefined) value = wireValue(generated);
    }
    if (value === undefined && parameter.example !== undefined)
      value = wireValue(parameter.example);
    if (value === undefined) return;
    // Optional parameters are sent only when given: on a real account they change what is asked.
    if (parameter.required || given !== undefined) values.set(parameter.name, value);
    else optional.set(parameter.name, value);
  });
  return { values, optional };
}

function validBody(
  shape: BodyShape,
  operation: OperationRoute,
  seed: number,
  fromExamples: boolean,
) {
  const validate = operation.requestBody?.validate;
  const accept = (value: unknown) => validate === undefined || validate(value);
  if (fromExamples) {
    const example = shape.examples.find(accept);
    if (example !== undefined) return example;
  }
  return generateValue(shape.schema, seed, accept) ?? shape.examples[0];
}

function buildRequest(
  shape: RequestShape,
  values: Values,
  body: unknown,
  auth: AuthVariant = 'valid',
  method = shape.method,
): PlannedRequest {
  let path = shape.path;
  const query: string[] = [];
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const parameter of shape.parameters) {
    const value = values.get(parameter.name);
    if (value === undefined) continue;
    if (parameter.in === 'path')
      path = path.replace(`{${parameter.name}}`, encodeURIComponent(value));
    else if (parameter.in === 'query')
      query.push(`${encodeURIComponent(parameter.name)}=${encodeURIComponent(value)}`);
    else headers[parameter.name.toLowerCase()] = value;
  }
  if (query.length > 0) path += `?${query.join('&')}`;
  const request: PlannedRequest = { method, path, headers, auth };
  if (body !== undefined && shape.body !== undefined) {
    request.body = JSON.stringify(body);
    headers['content-type'] = shape.body.mediaType;
  }
  return request;
}

function parameterNegatives(
  shape: RequestShape,
  operation: OperationRoute,
  values: Values,
  optional: Values,
  body: unknown,
): VerifyCase[] {
  const cases: VerifyCase[] = [];
  for (const parameter of shape.parameters) {
    const where = `${parameter.in} parameter '${parameter.name}'`;
    const valid = values.get(parameter.name) ?? optional.get(parameter.name);
    if (parameter.required && parameter.in !== 'path') {
      const without = new Map(values);
      without.delete(parameter.name);
      cases.push({
        kind: 'negative_data_rejection',
        operation,
        title: `${operation.operationId}: required ${where} missing`,
        request: buildRequest(shape, without, body),
        constraint: `${parameter.in}.${parameter.name}.required`,
      });
    }
    if (valid === undefined) continue;
    const typed = coerceParameter(valid, parameter.schema.type as string | undefined);
    for (const boundary of boundaryValues(parameter.schema, typed, parameter.in !== 'path')) {
      const changed = new Map(values);
      changed.set(parameter.name, wireValue(boundary.value));
      cases.push({
        kind: 'negative_data_rejection',
        operation,
        title: `${operation.operationId}: ${where} breaks ${boundary.constraint} (${JSON.stringify(boundary.value)})`,
        request: buildRequest(shape, changed, body),
        constraint: `${parameter.in}.${parameter.name}.${boundary.constraint}`,
      });
    }
  }
  return cases;
}

function bodyNegatives(
  shape: RequestShape,
  operation: OperationRoute,
  values: Values,
  body: unknown,
): VerifyCase[] {
  const spec = shape.body;
  if (spec === undefined) return [];
  const cases: VerifyCase[] = [];
  const negative = (title: string, constraint: string, request: PlannedRequest): VerifyCase => ({
    kind: 'negative_data_rejection',
    operation,
    title: `${operation.operationId}: ${title}`,
    request,
    constraint,
  });
  if (spec.required) {
    cases.push(
      negative(
        'required request body missing',
        'body.required',
        buildRequest(shape, values, undefined),
      ),
    );
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return cases;
  const record = body as Record<string, unknown>;
  const properties = (spec.schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const name of (spec.schema.required as string[] | undefined) ?? []) {
    const { [name]: _, ...rest } = record;
    cases.push(
      negative(
        `required body property '${name}' missing`,
        `body.${name}.required`,
        buildRequest(shape, values, rest),
      ),
    );
  }
  for (const [name, schema] of Object.entries(properties)) {
    if (!(name in record)) continue;
    for (const boundary of boundaryValues(schema, record[name], true)) {
      cases.push(
        negative(
          `body property '${name}' breaks ${boundary.constraint} (${JSON.stringify(boundary.value)})`,
          `body.${name}.${boundary.constraint}`,
          buildRequest(shape, values, { ...record, [name]: boundary.value }),
        ),
      );
    }
  }
  return cases;
}

function authNegatives(
  shape: RequestShape,
  operation: OperationRoute,
  values: Values,
  body: unknown,
): VerifyCase[] {
  if (operation.security.optional) return [];
  const variants: [AuthVariant, string][] = [['none', 'no credentials']];
  if (operation.security.schemes.some((s) => s.kind === 'token'))
    variants.push(['empty-token', 'an empty token']);
  if (operation.security.schemes.some((s) => s.kind === 'aksk')) {
    variants.push(
      ['malformed-signature', 'a malformed signature'],
      ['wrong-signature', 'a signature made with a wrong secret key'],
    );
  }
  return variants.map(([auth, what]) => ({
    kind: 'ignored_auth',
    operation,
    title: `${operation.operationId}: ${what}`,
    request: buildRequest(shape, values, body, auth),
  }));
}

/**
 * Plans every request of a verification run from the route table and the spec: per operation, a
 * positive request from the spec's examples and one from schema-generated values, one negative
 * request per constraint of each parameter and body property (at its boundary), one per kind of bad
 * credentials; per path, each undeclared method (HEAD, and with `unsafe` POST/PUT/PATCH/DELETE); and
 * one unknown route. Operations other than GET/HEAD are skipped unless `unsafe`.
 *
 * @example
 * const document = await openapiDocument(routes);
 * const { cases, skipped } = planCases({ routes, document, params: { id: serverId }, seed: 1, unsafe: false });
 */
export function planCases(options: PlanOptions): {
  cases: VerifyCase[];
  skipped: { operationId: string; reason: string }[];
} {
  const shapes = requestShapes(options.document);
  const cases: VerifyCase[] = [];
  const skipped: { operationId: string; reason: string }[] = [];
  const pathSamples = new Map<
    string,
    { shape: RequestShape; values: Values; methods: Set<string> }
  >();

  for (const operation of options.routes.operations) {
    const shape = shapes.get(operation.operationId);
    if (shape === undefined) continue;
    const sample = pathSamples.get(operation.path);
    const { values, optional } = parameterValues(shape, operation, options, true);
    if (sample === undefined)
      pathSamples.set(operation.path, { shape, values, methods: new Set([operation.method]) });
    else sample.methods.add(operation.method);
    if (!options.unsafe && !SAFE_METHODS.has(operation.method)) {
      skipped.push({
        operationId: operation.operationId,
        reason: `${operation.method} is not safe: pass --unsafe to send it`,
      });
      continue;
    }
    const body =
      shape.body === undefined ? undefined : validBody(shape.body, operation, options.seed, true);
    cases.push({
      kind: 'positive',
      operation,
      title: `${operation.operationId}: values from the spec's examples`,
      request: buildRequest(shape, values, body),
    });
    const generated = parameterValues(shape, operation, options, false).values;
    const generatedBody =
      shape.body === undefined ? undefined : validBody(shape.body, operation, options.seed, false);
    const positive = buildRequest(shape, generated, generatedBody);
    if (JSON.stringify(positive) !== JSON.stringify(cases.at(-1)?.request)) {
      cases.push({
        kind: 'positive',
        operation,
        title: `${operation.operationId}: schema-generated values (seed ${options.seed})`,
        request: positive,
      });
    }
    cases.push(...parameterNegatives(shape, operation, values, optional, body));
    cases.push(...bodyNegatives(shape, operation, values, body));
    cases.push(...authNegatives(shape, operation, values, body));
  }

  for (const [path, { shape, values, methods }] of pathSamples) {
    const probes = ['HEAD', ...(options.unsafe ? PROBED_METHODS : [])].filter(
      (m) => !methods.has(m),
    );
    for (const method of probes) {
      cases.push({
        kind: 'unsupported_method',
        title: `${method} ${path}: undeclared method`,
        request: { ...buildRequest({ ...shape, body: undefined }, values, undefined), method },
      });
    }
  }
  cases.push({
    kind: 'unknown_route',
    title: 'GET of a path the spec does not declare',
    request: {
      method: 'GET',
      path: `/v1/modelarts-verify-unknown-route-${options.seed}`,
      headers: { accept: 'application/json' },
      auth: 'valid',
    },
  });
  return { cases, skipped };
}
