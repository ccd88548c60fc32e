// The generator on a MODIFIED copy of the spec: a new operation is served and validated by an app
// built from the generated route table, with no code change.
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRouteTable } from '../scripts/generate-routes.mjs';
import { createStub, type RouteTable, type Stub } from '../src/index.js';
import { spec } from './support/spec-oracle.js';

const outDir = fileURLToPath(new URL(`../.tmp/generator-${process.pid}/`, import.meta.url));
const SERVER = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const auth = { 'x-auth-token': 't' };

function modifiedSpec(): any {
  const copy = structuredClone(spec);
  copy.paths['/v1/{project_id}/dev-servers/{id}'] = {
    parameters: [
      { $ref: '#/components/parameters/ProjectId' },
      { $ref: '#/components/parameters/ServerId' },
    ],
    get: {
      operationId: 'ShowDevServer',
      parameters: [
        {
          name: 'limit',
          in: 'query',
          required: false,
          schema: { type: 'integer', minimum: 1, maximum: 100 },
        },
        {
          name: 'sort_dir',
          in: 'query',
          schema: { type: 'string', enum: ['asc', 'desc'], 'x-extra-note': 'new' },
        },
      ],
      responses: {
        '200': {
          description: 'The server.',
          headers: { 'X-Request-Id': { $ref: '#/components/headers/XRequestId' } },
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['id', 'name'],
                properties: { id: { type: 'string' }, name: { type: 'string', minLength: 1 } },
              },
              examples: { default: { value: { id: SERVER, name: 'my-server' } } },
            },
          },
        },
        '400': { $ref: '#/components/responses/BadRequest' },
        '401': { $ref: '#/components/responses/Unauthorized' },
        '404': { $ref: '#/components/responses/NotFound' },
      },
    },
    put: {
      operationId: 'UpdateDevServer',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['name'],
              additionalProperties: false,
              properties: { name: { type: 'string', minLength: 1, maxLength: 64 } },
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'Renamed.',
          headers: { 'X-Request-Id': { $ref: '#/components/headers/XRequestId' } },
          content: {
            'application/json': {
              schema: { type: 'object', properties: { name: { type: 'string' } } },
              example: { name: 'renamed' },
            },
          },
        },
        '400': { $ref: '#/components/responses/BadRequest' },
        '401': { $ref: '#/components/responses/Unauthorized' },
        '404': { $ref: '#/components/responses/NotFound' },
      },
    },
  };
  return copy;
}

describe('generator on a modified spec', () => {
  let stub: Stub;
  let result: { files: string[]; operations: string[] };
  beforeAll(async () => {
    result = await generateRouteTable({ spec: modifiedSpec(), outDir });
    const module = (await import(`${outDir}routes.gen.ts`)) as { routeTable: RouteTable };
    stub = createStub({ routes: module.routeTable });
  });
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  const url = (query = '') => `https://modelarts.test/v1/p1/dev-servers/${SERVER}${query}`;

  it('generates the new operations beside the existing one, with a do-not-edit banner', async () => {
    expect(result.operations).toEqual([
      ...Object.values<any>(spec.paths).flatMap((item) =>
        Object.values<any>(item).flatMap((op) => (op?.operationId ? [op.operationId] : [])),
      ),
      'ShowDevServer',
      'UpdateDevServer',
    ]);
    const { readFile } = await import('node:fs/promises');
    for (const file of result.files)
      expect(await readFile(file, 'utf8')).toContain('Do not edit it');
  });

  it('serves the new GET with its example', async () => {
    const response = await stub.fetch(url(), { headers: auth });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: SERVER, name: 'my-server' });
  });

  it('validates the new query parameters at their boundaries', async () => {
    for (const ok of ['?limit=1', '?limit=100', '?sort_dir=asc', '?unknown=x']) {
      expect((await stub.fetch(url(ok), { headers: auth })).status, ok).toBe(200);
    }
    for (const [bad, rule] of [
      ['?limit=0', '>= 1'],
      ['?limit=101', '<= 100'],
      ['?limit=ten', 'integer'],
      ['?limit=', 'integer'],
      ['?sort_dir=up', 'allowed values'],
    ] as const) {
      const response = await stub.fetch(url(bad), { headers: auth });
      expect(response.status, bad).toBe(400);
      const body = await response.json();
      expect(body.error_code).toBe('ModelArts.0104');
      expect(body.error_msg).toContain('query parameter');
      expect(body.error_msg).toContain(rule);
    }
  });

  it('validates path parameters and auth of the new operation like the others', async () => {
    expect((await stub.fetch(url().replace(SERVER, 'nope'), { headers: auth })).status).toBe(400);
    expect((await stub.fetch(url())).status).toBe(401);
    expect((await stub.fetch(url(), { method: 'DELETE', headers: auth })).status).toBe(404);
  });

  it('validates a JSON request body', async () => {
    const put = (body: string | undefined, type = 'application/json') =>
      stub.fetch(url(), {
        method: 'PUT',
        headers: { ...auth, 'content-type': type },
        ...(body === undefined ? {} : { body }),
      });
    expect((await put('{"name":"x"}')).status).toBe(200);
    for (const [body, words] of [
      [undefined, 'required'],
      ['{"name":', 'not valid JSON'],
      ['{"name":""}', 'at least 1'],
      ['{"name":"x","extra":1}', "'extra'"],
      ['[]', 'must be object'],
    ] as const) {
      const response = await put(body);
      expect(response.status, body).toBe(400);
      expect((await response.json()).error_msg).toContain(words);
    }
    expect((await put('{"name":"x"}', 'text/plain')).status).toBe(400);
  });

  it('keeps Ajv strict on for keywords that are neither JSON Schema, OpenAPI nor x-*', async () => {
    const broken = modifiedSpec();
    broken.components.schemas.OperationStatus.maxLenght = 36;
    await expect(generateRouteTable({ spec: broken, outDir: `${outDir}strict/` })).rejects.toThrow(
      /maxLenght/,
    );
  });

  it('serves the modified document at /openapi.json', async () => {
    const served = await (await stub.fetch('/openapi.json')).json();
    expect(Object.keys(served.paths)).toContain('/v1/{project_id}/dev-servers/{id}');
  });
});
