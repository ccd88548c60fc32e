// Verification is derived from the spec alone: on a MODIFIED copy (a POST with a JSON body, a
// DELETE, query parameters with numeric and enum constraints) it plans and checks the new
// operations with no code change, and the stub built from the same spec passes.

import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRouteTable } from '../../scripts/generate-routes.mjs';
import { spec } from '../../test/support/spec-oracle.js';
import { createStub } from '../create-stub.js';
import { createProxy } from '../proxy/create-proxy.js';
import { dataGeneratorReady } from '../responses/data-generator.js';
import type { RouteTable } from '../route-table.js';
import { planCases } from './plan-cases.js';
import { openapiDocument } from './request-shapes.js';
import { verifyServer } from './verify-server.js';

const outDir = fileURLToPath(new URL(`../../.tmp/verify-${process.pid}/`, import.meta.url));
const ok = (description: string) => ({
  description,
  headers: { 'X-Request-Id': { $ref: '#/components/headers/XRequestId' } },
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['operation_id'],
        properties: { operation_id: { type: 'string' } },
      },
      example: { operation_id: '3f9a1c2e-7b4d-4e8f-9a6b-1c2d3e4f5a6b' },
    },
  },
});
const errors = {
  '400': { $ref: '#/components/responses/BadRequest' },
  '401': { $ref: '#/components/responses/Unauthorized' },
  '404': { $ref: '#/components/responses/NotFound' },
};
const serverParameters = [
  { $ref: '#/components/parameters/ProjectId' },
  { $ref: '#/components/parameters/ServerId' },
];

function modifiedSpec(): any {
  const copy = structuredClone(spec);
  copy.paths['/v1/{project_id}/dev-servers/{id}/attachvolume'] = {
    parameters: serverParameters,
    post: {
      operationId: 'AttachDevServerVolume',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['volume_id'],
              properties: {
                volume_id: {
                  type: 'string',
                  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
                },
                device: { type: 'string', minLength: 8, maxLength: 16, pattern: '^/dev/[a-z]+$' },
              },
            },
            example: { volume_id: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', device: '/dev/vdb' },
          },
        },
      },
      responses: { '200': ok('Attaching.'), ...errors },
    },
  };
  copy.paths['/v1/{project_id}/dev-servers/{id}/detachvolume/{volume_id}'] = {
    parameters: [
      ...serverParameters,
      {
        name: 'volume_id',
        in: 'path',
        required: true,
        schema: { type: 'string', minLength: 1, maxLength: 36 },
      },
    ],
    delete: {
      operationId: 'DetachDevServerVolume',
      responses: { '200': ok('Detaching.'), ...errors },
    },
  };
  copy.paths['/v1/{project_id}/dev-servers'] = {
    parameters: [serverParameters[0]],
    get: {
      operationId: 'ListDevServers',
      parameters: [
        {
          name: 'limit',
          in: 'query',
          required: true,
          schema: { type: 'integer', minimum: 1, maximum: 100 },
          example: 10,
        },
        { name: 'sort_dir', in: 'query', schema: { type: 'string', enum: ['asc', 'desc'] } },
      ],
      responses: { '200': ok('Servers.'), ...errors },
    },
  };
  return copy;
}

describe('verify on a modified spec', () => {
  let routes: RouteTable;
  let document: string;
  beforeAll(async () => {
    await generateRouteTable({ spec: modifiedSpec(), outDir });
    routes = ((await import(`${outDir}routes.gen.ts`)) as { routeTable: RouteTable }).routeTable;
    document = await openapiDocument(routes);
    await dataGeneratorReady();
  });
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it('plans one rejection per body and query constraint, and skips unsafe operations by default', () => {
    const safe = planCases({ routes, document, params: {}, seed: 1, unsafe: false });
    expect(safe.skipped.map((s) => s.operationId)).toEqual([
      'AttachDevServerVolume',
      'DetachDevServerVolume',
    ]);
    const unsafe = planCases({ routes, document, params: {}, seed: 1, unsafe: true });
    const constraints = unsafe.cases.map((c) => c.constraint).filter(Boolean);
    expect(constraints).toEqual(
      expect.arrayContaining([
        'body.required',
        'body.volume_id.required',
        'body.volume_id.pattern',
        'body.device.minLength',
        'body.device.maxLength',
        'body.device.pattern',
        'query.limit.required',
        'query.limit.minimum',
        'query.limit.maximum',
        'query.limit.type',
        'query.sort_dir.enum',
        'path.volume_id.maxLength',
      ]),
    );
  });

  it('finds no violation on the stub built from the same spec, bodies and DELETE included', async () => {
    const stub = createStub({ routes });
    const report = await verifyServer({
      baseUrl: 'https://modelarts.test',
      fetch: stub.fetch,
      routes,
      token: 't',
      unsafe: true,
      rate: 10_000,
    });
    expect(report.violations).toEqual([]);
    expect(report.skipped).toEqual([]);
    const methods = new Set(stub.requests().map((r) => r.method));
    expect(methods).toEqual(new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']));
    const [posted] = stub.requests({ operationId: 'AttachDevServerVolume' });
    expect(JSON.parse(posted?.body ?? '{}')).toEqual({
      volume_id: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
      device: '/dev/vdb',
    });
    const coverage = stub
      .coverage()
      .operations.find((o) => o.operationId === 'AttachDevServerVolume');
    expect(coverage?.constraints).toMatchObject({
      'body.required': 1,
      'body.volume_id.required': 1,
      'body.device.pattern': 1,
    });
  });

  it('proxies request bodies: forwarded intact, and validated against the new schema', async () => {
    const stub = createStub({ routes });
    const proxy = createProxy({
      upstream: 'https://upstream.test',
      routes,
      fetch: (r) => stub.fetch(r),
      violationLog: () => {},
    });
    const url =
      'http://proxy.test/v1/p/dev-servers/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/attachvolume';
    const send = (body: unknown) =>
      proxy.fetch(url, {
        method: 'POST',
        headers: { 'x-auth-token': 't', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const good = await send({ volume_id: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e' });
    expect(good.status).toBe(200);
    expect(good.headers.get('x-contract-violations')).toBeNull();
    expect(stub.requests()[0]?.body).toBe('{"volume_id":"0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"}');
    const bad = await send({ device: '/dev/vdb' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.headers.get('x-contract-violations') ?? '[]')).toEqual([
      expect.objectContaining({
        in: 'request',
        location: 'body.volume_id',
        constraint: 'body.volume_id.required',
      }),
    ]);
  });
});
