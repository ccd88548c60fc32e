import type { ParameterLocation, RouteTable } from '../route-table.js';

/** A JSON Schema with `$ref`s inlined. */
export type Schema = Record<string, unknown>;

/** A parameter as the spec declares it, with its schema inlined. */
export interface ParameterShape {
  name: string;
  in: ParameterLocation;
  required: boolean;
  schema: Schema;
  /** The parameter's `example`, else its schema's first example. */
  example?: unknown;
}

/** The JSON request body an operation declares. */
export interface BodyShape {
  required: boolean;
  mediaType: string;
  schema: Schema;
  examples: unknown[];
}

/** What a request to one operation is made of, read from the OpenAPI document. */
export interface RequestShape {
  operationId: string;
  method: string;
  path: string;
  parameters: ParameterShape[];
  body?: BodyShape;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
type Node = Record<string, unknown>;

function resolve(doc: Node, pointer: string): unknown {
  let node: unknown = doc;
  for (const token of pointer.slice(2).split('/')) {
    const key = decodeURIComponent(token).replaceAll('~1', '/').replaceAll('~0', '~');
    node = (node as Node | undefined)?.[key];
  }
  return node;
}

/** Follows `$ref`s and inlines them; a recursive reference becomes `{}`. */
function inline(doc: Node, node: unknown, stack: string[] = []): unknown {
  if (Array.isArray(node)) return node.map((item) => inline(doc, item, stack));
  if (node === null || typeof node !== 'object') return node;
  const ref = (node as Node).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    if (stack.includes(ref)) return {};
    return inline(doc, resolve(doc, ref), [...stack, ref]);
  }
  const out: Node = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === 'example' || key === 'examples' || key === 'enum' || key === 'const'
        ? value
        : inline(doc, value, stack);
  }
  return out;
}

function firstExample(schema: Schema): unknown {
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  return schema.example;
}

function parameterShape(doc: Node, raw: unknown): ParameterShape | undefined {
  const parameter = inline(doc, raw) as Node;
  const location = parameter.in;
  if (location !== 'path' && location !== 'query' && location !== 'header') return undefined;
  const schema = (parameter.schema ?? {}) as Schema;
  const example = parameter.example ?? firstExample(schema);
  return {
    name: String(parameter.name),
    in: location,
    required: parameter.required === true || location === 'path',
    schema,
    ...(example === undefined ? {} : { example }),
  };
}

function bodyShape(doc: Node, raw: unknown): BodyShape | undefined {
  if (raw === undefined) return undefined;
  const body = inline(doc, raw) as Node;
  const content = (body.content ?? {}) as Record<string, Node>;
  const mediaType = Object.keys(content).find((type) =>
    /^application\/([\w.+-]+\+)?json\b/i.test(type),
  );
  if (mediaType === undefined) return undefined;
  const media = content[mediaType] as Node;
  const schema = (media.schema ?? {}) as Schema;
  const examples: unknown[] = [];
  if (media.examples && typeof media.examples === 'object') {
    for (const example of Object.values(media.examples as Record<string, Node>)) {
      if ('value' in example) examples.push(example.value);
    }
  } else if ('example' in media) examples.push(media.example);
  else if (firstExample(schema) !== undefined) examples.push(firstExample(schema));
  return { required: body.required === true, mediaType, schema, examples };
}

/**
 * Reads, from an OpenAPI 3.1 document, what a request to each operation is made of: parameters
 * (path-level and operation-level, the latter winning) with their inlined schemas and examples, and
 * the JSON request body. Verification builds its requests from this and nothing else.
 *
 * @example
 * const shapes = requestShapes(await openapiDocument(routeTable));
 * shapes.get('ShowServerOperation')?.parameters.map((p) => p.name); // ['project_id', 'id', …]
 */
export function requestShapes(openapiJson: string): Map<string, RequestShape> {
  const doc = JSON.parse(openapiJson) as Node;
  const shapes = new Map<string, RequestShape>();
  for (const [path, rawItem] of Object.entries((doc.paths ?? {}) as Record<string, Node>)) {
    const item = inline(doc, rawItem) as Node;
    for (const method of METHODS) {
      const operation = item[method] as Node | undefined;
      if (operation === undefined || typeof operation.operationId !== 'string') continue;
      const byKey = new Map<string, ParameterShape>();
      for (const raw of [
        ...((item.parameters as unknown[]) ?? []),
        ...((operation.parameters as unknown[]) ?? []),
      ]) {
        const shape = parameterShape(doc, raw);
        if (shape !== undefined) byKey.set(`${shape.in}:${shape.name.toLowerCase()}`, shape);
      }
      const body = bodyShape(doc, operation.requestBody);
      shapes.set(operation.operationId, {
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        parameters: [...byKey.values()],
        ...(body === undefined ? {} : { body }),
      });
    }
  }
  return shapes;
}

/**
 * The OpenAPI document of a route table, serialised: generated route tables load it on first use.
 *
 * @example
 * const shapes = requestShapes(await openapiDocument(routeTable));
 */
export async function openapiDocument(routes: RouteTable): Promise<string> {
  const { openapiJson } = routes;
  return typeof openapiJson === 'string' ? openapiJson : openapiJson();
}
