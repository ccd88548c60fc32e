// Turns an OpenAPI 3.1 document into the stub's route table: one TypeScript module of precompiled
// Ajv validators (standalone code, so nothing is compiled at run time and the app runs on edge
// runtimes), one module describing every operation, and one embedding the document itself.
// Exposed as a function so a test can run it on a modified copy of the spec.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { constraintNames } from './constraint-names.mjs';
import { writeWithSharedLiterals } from './literal-pool.mjs';
import { operationLifecycle } from './operation-lifecycle.mjs';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const CONTAINER_ID = 'modelarts-stub-spec.json';
// OpenAPI 3.1 allows these annotation keywords inside Schema Objects on top of JSON Schema 2020-12.
const OPENAPI_SCHEMA_KEYWORDS = new Set(['example', 'discriminator', 'xml', 'externalDocs']);

function banner(generator) {
  return `/**
 * This file was generated from an OpenAPI document by ${generator}.
 * Do not edit it: change spec/openapi.yaml and run \`pnpm build\`.
 */
`;
}

function unescapePointerToken(token) {
  return decodeURIComponent(token).replaceAll('~1', '/').replaceAll('~0', '~');
}

function escapePointerToken(token) {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

function resolvePointer(doc, pointer) {
  if (!pointer.startsWith('#')) throw new Error(`only local $refs are supported, got ${pointer}`);
  let node = doc;
  for (const token of pointer.slice(1).split('/').slice(1)) {
    const key = unescapePointerToken(token);
    if (node === null || typeof node !== 'object' || !(key in node)) {
      throw new Error(`unresolvable $ref ${pointer}`);
    }
    node = node[key];
  }
  return node;
}

/** Follows OpenAPI-level `$ref`s (parameters, responses, headers, examples…), returning target and pointer. */
function deref(doc, node, pointer) {
  let current = node;
  let at = pointer;
  const seen = new Set();
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    if (seen.has(current.$ref)) throw new Error(`$ref cycle at ${current.$ref}`);
    seen.add(current.$ref);
    at = current.$ref;
    current = resolvePointer(doc, current.$ref);
  }
  return { node: current, pointer: at };
}

/** Every `x-*` key and OpenAPI schema keyword used inside Schema Objects, so Ajv strict mode knows them. */
function collectAnnotationKeywords(schemas) {
  const found = new Set();
  const visit = (node) => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-') || OPENAPI_SCHEMA_KEYWORDS.has(key)) {
        found.add(key);
        continue;
      }
      visit(value);
    }
  };
  for (const schema of schemas) visit(schema);
  return [...found].sort();
}

/**
 * Copies every schema reachable from the operations into one container `{ $id, $defs }`, rewriting
 * local `$ref`s to point into it, because Ajv cannot compile the OpenAPI document itself as a schema.
 *
 * Schemas are keyed by content, not by where they sit: two schemas that are equal once their own
 * `$ref`s are resolved the same way (e.g. the same parameter declared by many operations, or
 * components copied under new names) share one definition, so Ajv emits one validator for them and
 * the generated code grows with the number of distinct schemas, not with the number of operations.
 */
function createSchemaContainer(doc) {
  const defs = {};
  const keyOfHash = new Map();
  const hashOfPointer = new Map();
  const hashing = new Set();

  // A content hash where each `$ref` stands for its target's hash. A `$ref` back into a schema still
  // being hashed (recursion) stands for its pointer: recursive schemas keep their own identity.
  const hashOf = (pointer, schema) => {
    const known = hashOfPointer.get(pointer);
    if (known !== undefined) return known;
    if (hashing.has(pointer)) return `recursive ${pointer}`;
    hashing.add(pointer);
    const text = JSON.stringify(schema ?? resolvePointer(doc, pointer), (key, value) =>
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `#${hashOf(value)}`
        : value,
    );
    hashing.delete(pointer);
    const hash = createHash('sha256').update(text).digest('base64url');
    hashOfPointer.set(pointer, hash);
    return hash;
  };

  const rewrite = (node) => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node === null || typeof node !== 'object') return node;
    const out = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) {
        out.$ref = `${CONTAINER_ID}#/$defs/${escapePointerToken(register(value))}`;
      } else if (
        key === 'examples' ||
        key === 'example' ||
        key === 'const' ||
        key === 'enum' ||
        key === 'default'
      ) {
        out[key] = value;
      } else {
        out[key] = rewrite(value);
      }
    }
    return out;
  };

  const register = (pointer, schema) => {
    const hash = hashOf(pointer, schema);
    const existing = keyOfHash.get(hash);
    if (existing !== undefined) return existing;
    const key = `d${keyOfHash.size}`;
    keyOfHash.set(hash, key);
    defs[key] = rewrite(schema ?? resolvePointer(doc, pointer));
    return key;
  };

  return {
    /** Adds a schema found at `pointer` and returns the `$ref` that validates against it. */
    refFor(pointer, schema) {
      return `${CONTAINER_ID}#/$defs/${escapePointerToken(register(pointer, schema))}`;
    },
    container() {
      return { $id: CONTAINER_ID, $defs: defs };
    },
  };
}

/** A self-contained copy of a schema for data generation: refs inlined, annotations dropped. */
function inlineSchema(doc, schema, stack = []) {
  if (Array.isArray(schema)) return schema.map((item) => inlineSchema(doc, item, stack));
  if (schema === null || typeof schema !== 'object') return schema;
  if (typeof schema.$ref === 'string') {
    // A recursive schema cannot be inlined; an empty schema stops the recursion (data still validates
    // only if the recursion is optional, which generated data is checked for anyway).
    if (stack.includes(schema.$ref)) return {};
    const { $ref, ...siblings } = schema;
    const target = inlineSchema(doc, resolvePointer(doc, $ref), [...stack, $ref]);
    return Object.keys(siblings).length === 0
      ? target
      : { allOf: [target, inlineSchema(doc, siblings, stack)] };
  }
  const out = {};
  // Open string sets (`x-known-values`) generate their documented values, which every client
  // understands, rather than random strings; the real schema still validates the result.
  if (Array.isArray(schema['x-known-values']) && !('enum' in schema) && !('const' in schema)) {
    out.enum = schema['x-known-values'];
  }
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-') || OPENAPI_SCHEMA_KEYWORDS.has(key)) continue;
    if (key === 'description' || key === 'title' || key === 'examples' || key === '$comment')
      continue;
    out[key] =
      key === 'const' || key === 'enum' || key === 'default'
        ? value
        : inlineSchema(doc, value, stack);
  }
  return out;
}

function schemaType(doc, schema) {
  const { node } = deref(doc, schema, '');
  if (!node || typeof node !== 'object') return undefined;
  if (typeof node.type === 'string') return node.type;
  return undefined;
}

function itemType(doc, schema) {
  const { node } = deref(doc, schema, '');
  return node?.type === 'array' && node.items ? schemaType(doc, node.items) : undefined;
}

/** `/v1/{project_id}/x` → `/v1/:project_id/x` (Hono syntax). */
function honoPath(path) {
  return path.replace(/\{([^}]+)\}/g, (_, name) => `:${name}`);
}

function securityOf(doc, operation) {
  const requirements = operation.security ?? doc.security ?? [];
  const schemes = doc.components?.securitySchemes ?? {};
  const result = { optional: requirements.length === 0, schemes: [] };
  for (const requirement of requirements) {
    const names = Object.keys(requirement);
    if (names.length === 0) result.optional = true;
    for (const name of names) {
      if (result.schemes.some((s) => s.name === name)) continue;
      const scheme = deref(doc, schemes[name], '').node;
      if (!scheme) throw new Error(`unknown security scheme ${name}`);
      if (scheme.type === 'apiKey' && scheme.in === 'header' && scheme['x-signing']) {
        result.schemes.push({ name, kind: 'aksk', header: scheme.name.toLowerCase() });
      } else if (scheme.type === 'apiKey' && scheme.in === 'header') {
        result.schemes.push({ name, kind: 'token', header: scheme.name.toLowerCase() });
      } else {
        throw new Error(`security scheme ${name} (${scheme.type}) is not supported by the stub`);
      }
    }
  }
  return result;
}

function examplesOf(doc, media) {
  const examples = [];
  if (media.examples && typeof media.examples === 'object') {
    for (const [name, example] of Object.entries(media.examples)) {
      const { node } = deref(doc, example, '');
      if (node && 'value' in node) examples.push({ name, value: node.value });
    }
  } else if ('example' in media) {
    examples.push({ name: 'default', value: media.example });
  } else {
    const schema = media.schema ? deref(doc, media.schema, '').node : undefined;
    if (Array.isArray(schema?.examples) && schema.examples.length > 0) {
      examples.push({ name: 'default', value: schema.examples[0] });
    }
  }
  return examples;
}

function jsonMediaType(content) {
  if (!content) return undefined;
  return Object.keys(content).find((type) => /^application\/([\w.+-]+\+)?json\b/i.test(type));
}

/**
 * Ajv's ESM standalone output still `require`s its runtime helpers (ajv-validator/ajv#2209); turn
 * each into an `import`, which works in Node, bundlers and edge runtimes alike. The helpers are
 * CommonJS modules exporting `default`, which a bundler may or may not unwrap: accept both.
 */
function esmRuntimeImports(code) {
  const imports = [];
  const body = code.replace(
    /const (\w+) = require\("(ajv\/dist\/runtime\/[\w/]+)"\)\.default;/g,
    (_, name, module) => {
      imports.push(`import * as ${name}Module from '${module}.js';`);
      return `const ${name} = typeof ${name}Module.default === 'function' ? ${name}Module.default : ${name}Module.default.default;`;
    },
  );
  if (/\brequire\(/.test(body)) throw new Error('unexpected require() left in Ajv standalone code');
  return `${imports.join('\n')}\n${body.replace(/^"use strict";/, '')}`;
}

/**
 * Generates the route table of an OpenAPI 3.1 document into `outDir`: `validators.gen.ts`
 * (precompiled Ajv 2020 standalone code), `routes.gen.ts` (the operations, exporting `routeTable`)
 * and `openapi.gen.ts` (the document, served at `/openapi.json`).
 *
 * @param {{ spec: any, outDir: string, routeTableTypes?: string }} options `routeTableTypes` is the
 *   module the generated code imports its types from (default: this package's src/route-table.ts).
 * @returns {Promise<{ files: string[], operations: string[] }>}
 * @example
 * await generateRouteTable({ spec: JSON.parse(text), outDir: 'src/generated' });
 */
export async function generateRouteTable({ spec, outDir, routeTableTypes }) {
  const doc = spec;
  if (typeof doc?.openapi !== 'string' || !doc.openapi.startsWith('3.1')) {
    throw new Error('the stub generator needs an OpenAPI 3.1 document');
  }
  const schemas = createSchemaContainer(doc);
  const validatorNames = new Map();
  const wrappers = [];
  const validatorFor = (pointer, schema) => {
    const ref = schemas.refFor(pointer, schema);
    const existing = validatorNames.get(ref);
    if (existing) return existing;
    const name = `v${validatorNames.size}`;
    validatorNames.set(ref, name);
    wrappers.push({ name, schema: { $ref: ref } });
    return name;
  };

  const operations = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const itemPointer = `#/paths/${escapePointerToken(path)}`;
    const { node: item, pointer: itemAt } = deref(doc, rawItem, itemPointer);
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const opPointer = `${itemAt}/${method}`;
      const operationId = operation.operationId ?? `${method.toUpperCase()} ${path}`;

      const params = new Map();
      const paramSchemas = new Map();
      const addParams = (list, listPointer) => {
        (list ?? []).forEach((raw, index) => {
          const { node, pointer } = deref(doc, raw, `${listPointer}/${index}`);
          if (node.in === 'cookie') return;
          if (!node.schema) throw new Error(`${operationId}: parameter ${node.name} has no schema`);
          params.set(`${node.in}:${node.name.toLowerCase()}`, {
            name: node.name,
            in: node.in,
            required: node.in === 'path' ? true : node.required === true,
            type: schemaType(doc, node.schema),
            itemType: itemType(doc, node.schema),
            validate: validatorFor(`${pointer}/schema`, node.schema),
          });
          paramSchemas.set(`${node.in}:${node.name.toLowerCase()}`, inlineSchema(doc, node.schema));
        });
      };
      addParams(item.parameters, `${itemAt}/parameters`);
      addParams(operation.parameters, `${opPointer}/parameters`);
      const order = { path: 0, query: 1, header: 2 };
      const parameters = [...params.values()].sort((a, b) => order[a.in] - order[b.in]);

      let requestBody;
      let bodySchema;
      if (operation.requestBody) {
        const { node, pointer } = deref(doc, operation.requestBody, `${opPointer}/requestBody`);
        const mediaType = jsonMediaType(node.content);
        if (!mediaType) throw new Error(`${operationId}: only JSON request bodies are supported`);
        const media = node.content[mediaType];
        bodySchema = media.schema ? inlineSchema(doc, media.schema) : undefined;
        requestBody = {
          required: node.required === true,
          mediaTypes: Object.keys(node.content),
          validate: media.schema
            ? validatorFor(
                `${pointer}/content/${escapePointerToken(mediaType)}/schema`,
                media.schema,
              )
            : undefined,
        };
      }

      const responses = {};
      for (const [status, raw] of Object.entries(operation.responses ?? {})) {
        const { node, pointer } = deref(doc, raw, `${opPointer}/responses/${status}`);
        const mediaType = jsonMediaType(node.content);
        const media = mediaType ? node.content[mediaType] : undefined;
        const headers = Object.entries(node.headers ?? {}).map(([name, rawHeader]) => {
          const header = deref(doc, rawHeader, `${pointer}/headers/${escapePointerToken(name)}`);
          return {
            name: name.toLowerCase(),
            required: header.node.required === true,
            validate: header.node.schema
              ? validatorFor(`${header.pointer}/schema`, header.node.schema)
              : undefined,
          };
        });
        const mediaPointer = `${pointer}/content/${escapePointerToken(mediaType ?? '')}`;
        responses[status] = {
          status,
          mediaType,
          validate: media?.schema
            ? validatorFor(`${mediaPointer}/schema`, media.schema)
            : undefined,
          schema: media?.schema ? inlineSchema(doc, media.schema) : undefined,
          examples: media ? examplesOf(doc, media) : [],
          defaultExample: media?.['x-stub-default-example'] ?? node['x-stub-default-example'],
          headers,
        };
      }
      const successStatus = Object.keys(responses)
        .filter((s) => /^2\d\d$/.test(s))
        .sort()[0];
      operations.push({
        operationId,
        method: method.toUpperCase(),
        path,
        honoPath: honoPath(path),
        parameters,
        requestBody,
        responses,
        successStatus: successStatus ?? Object.keys(responses)[0],
        security: securityOf(doc, operation),
        constraints: constraintNames(
          [...params.entries()].map(([key, p]) => ({ ...p, schema: paramSchemas.get(key) })),
          requestBody && { required: requestBody.required, schema: bodySchema },
        ),
        ...operationLifecycle(
          doc,
          operation,
          operationId,
          responses,
          (raw) => deref(doc, raw, '').node,
        ),
      });
    }
  }

  const container = schemas.container();
  const ajv = new Ajv2020({
    code: { source: true, esm: true, lines: false },
    strict: true,
    allErrors: false,
    messages: true,
  });
  ajv.addVocabulary(collectAnnotationKeywords([container]));
  ajv.addSchema(container);
  for (const wrapper of wrappers) ajv.addSchema(wrapper.schema, wrapper.name);
  const standalone = (standaloneCode.default ?? standaloneCode)(
    ajv,
    Object.fromEntries(wrappers.map((w) => [w.name, w.name])),
  );

  await mkdir(outDir, { recursive: true });
  const generator = 'packages/stub/scripts/generate-routes.mjs';
  const typesModule =
    routeTableTypes ??
    relative(outDir, new URL('../src/route-table.js', import.meta.url).pathname).replaceAll(
      '\\',
      '/',
    );
  const typesImport = typesModule.startsWith('.') ? typesModule : `./${typesModule}`;

  // Each export typed as the route table's Validator, so that the declarations need no inference
  // from Ajv's untyped code (the build emits them file by file, under isolatedDeclarations).
  const typedStandalone = esmRuntimeImports(standalone).replace(
    /export const (\w+) = (\w+);/g,
    'export const $1: Validator = $2;',
  );
  const validatorsFile = `${banner(generator)}// @ts-nocheck: Ajv standalone output is plain JavaScript.\nimport type { Validator } from '${typesImport}';\n${typedStandalone}\n`;
  // Compact, with what operations have in common declared once (see literal-pool.mjs).
  const { declarations, expression } = writeWithSharedLiterals(operations);
  const routesFile = `${banner(generator)}
import type { RouteTable } from '${typesImport}';
import * as v from './validators.gen.js';

${declarations}

/** The operations of ${JSON.stringify(doc.info?.title ?? 'the API')} ${doc.info?.version ?? ''}, with their validators. */
export const routeTable: RouteTable = {
  title: ${JSON.stringify(doc.info?.title ?? '')},
  version: ${JSON.stringify(doc.info?.version ?? '')},
  // Imported on first use: the document is the largest module, and only GET /openapi.json needs it.
  openapiJson: () => import('./openapi.gen.js').then((module) => module.openapiJson),
  operations: ${expression},
};
`;
  const openapiFile = `${banner(generator)}
/** The OpenAPI document, serialised once here so that \`GET /openapi.json\` sends it as is. */
export const openapiJson: string = ${JSON.stringify(JSON.stringify(doc))};
`;
  const files = {
    'validators.gen.ts': validatorsFile,
    'routes.gen.ts': routesFile,
    'openapi.gen.ts': openapiFile,
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(outDir, name), text);
  return {
    files: Object.keys(files).map((name) => join(outDir, name)),
    operations: operations.map((o) => o.operationId),
  };
}
