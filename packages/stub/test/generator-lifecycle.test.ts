// The lifecycle is declared, not hand-written: a MADE-UP starting call and a made-up reading GET,
// added to a copy of the spec, are followed by a stub built from the generated route table with no
// code change.
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRouteTable } from '../scripts/generate-routes.mjs';
import { createManualClock, createStub, type RouteTable, type Stub } from '../src/index.js';
import { spec } from './support/spec-oracle.js';

const outDir = fileURLToPath(
  new URL(`../.tmp/generator-lifecycle-${process.pid}/`, import.meta.url),
);
const SERVER = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const auth = { 'x-auth-token': 't' };
const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });
const errors = { '400': ref('BadRequest'), '401': ref('Unauthorized'), '404': ref('NotFound') };
const started = {
  description: 'Started.',
  headers: { 'X-Request-Id': { $ref: '#/components/headers/XRequestId' } },
  content: { 'application/json': { schema: { $ref: '#/components/schemas/OperationDetails' } } },
};

function modifiedSpec(): any {
  const copy = structuredClone(spec);
  // A starting call read by the existing ShowServerOperation, with its own lifecycle.
  copy.paths['/v1/{project_id}/dev-servers/{id}/reboot-async'] = {
    parameters: [
      { $ref: '#/components/parameters/ProjectId' },
      { $ref: '#/components/parameters/ServerId' },
    ],
    post: {
      operationId: 'RebootDevServerAsync',
      'x-modelarts-operation-start': {
        type: 'node_reboot',
        link: 'Read',
        lifecycle: { runningAfterMs: 100, finishedAfterMs: 200 },
        requires: { owner: { statuses: ['RUNNING'], notFound: 'serverNotFound' } },
      },
      responses: {
        '200': {
          ...started,
          links: {
            Read: {
              operationId: 'ShowServerOperation',
              parameters: {
                project_id: '$request.path.project_id',
                id: '$request.path.id',
                operation_id: '$response.body#/operation_id',
              },
            },
          },
        },
        ...errors,
      },
    },
  };
  // A new kind of owner: GPU pools, with a reader and a starter of their own.
  copy.paths['/v1/{project_id}/pools/{pool_id}/jobs/{job_id}'] = {
    get: {
      operationId: 'ShowPoolJob',
      'x-modelarts-operation-read': {
        owner: 'pool',
        ownerParameter: 'pool_id',
        operationParameter: 'job_id',
        notFound: { owner: 'serverNotFound', operation: 'operationNotFound' },
      },
      parameters: [
        { $ref: '#/components/parameters/ProjectId' },
        { name: 'pool_id', in: 'path', required: true, schema: { type: 'string', minLength: 1 } },
        { name: 'job_id', in: 'path', required: true, schema: { type: 'string', minLength: 1 } },
      ],
      responses: { '200': ref('OperationDetailsResponse'), ...errors },
    },
  };
  copy.paths['/v1/{project_id}/pools/{pool_id}/drain'] = {
    post: {
      operationId: 'DrainPool',
      'x-modelarts-operation-start': { type: 'pool_drain', link: 'Job' },
      parameters: [
        { $ref: '#/components/parameters/ProjectId' },
        { name: 'pool_id', in: 'path', required: true, schema: { type: 'string', minLength: 1 } },
      ],
      responses: {
        '200': {
          ...started,
          links: {
            Job: {
              operationId: 'ShowPoolJob',
              parameters: {
                project_id: '$request.path.project_id',
                pool_id: '$request.path.pool_id',
                job_id: '$response.body#/operation_id',
              },
            },
          },
        },
        ...errors,
      },
    },
  };
  return copy;
}

describe('a made-up starting call in a copy of the spec', () => {
  let stub: Stub;
  let routes: RouteTable;
  const clock = createManualClock(0);
  beforeAll(async () => {
    await generateRouteTable({ spec: modifiedSpec(), outDir });
    routes = ((await import(`${outDir}routes.gen.ts`)) as { routeTable: RouteTable }).routeTable;
    stub = createStub({ routes, clock });
  });
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  const post = (path: string) =>
    stub.fetch(`https://modelarts.test${path}`, { method: 'POST', headers: auth });
  const get = async (path: string) =>
    (await stub.fetch(`https://modelarts.test${path}`, { headers: auth })).json();

  it('is started and followed on the stub clock with its declared lifecycle', async () => {
    clock.set(0);
    const answer = await post(`/v1/p/dev-servers/${SERVER}/reboot-async`);
    expect(answer.status).toBe(200);
    const { operation_id, operation_status, operation_type } = await answer.json();
    expect([operation_status, operation_type]).toEqual(['pending', 'node_reboot']);
    const read = () => get(`/v1/p/dev-servers/${SERVER}/operation/${operation_id}`);
    clock.set(99);
    expect((await read()).operation_status).toBe('pending');
    clock.set(100);
    expect((await read()).operation_status).toBe('running');
    clock.set(200);
    expect(await read()).toEqual({
      operation_id,
      operation_status: 'success',
      operation_type: 'node_reboot',
    });
  });

  it('follows its declared preconditions', async () => {
    stub.state.createServer(SERVER, { status: 'STOPPED' });
    const refused = await post(
      `/v1/p/dev-servers/11111111-2222-4333-8444-555555555555/reboot-async`,
    );
    expect((await refused.json()).error_code).toBe('ModelArts.6404');
    stub.state.reset();
  });

  it('serves a new owner kind through its own reader', async () => {
    clock.set(0);
    const answer = await post('/v1/p/pools/pool-a/drain');
    const { operation_id } = await answer.json();
    clock.set(5000);
    expect(await get(`/v1/p/pools/pool-a/jobs/${operation_id}`)).toEqual({
      operation_id,
      operation_status: 'success',
      operation_type: 'pool_drain',
    });
    // Under another pool it is not found; with no pool registered the example answers.
    const elsewhere = await get(`/v1/p/pools/pool-b/jobs/${operation_id}`);
    expect(elsewhere.operation_id).not.toBe(operation_id);
  });

  it('refuses a declaration whose error names no example, or whose link has no reader', async () => {
    const broken = modifiedSpec();
    broken.paths['/v1/{project_id}/pools/{pool_id}/drain'].post[
      'x-modelarts-operation-start'
    ].requires = {
      owner: { notFound: 'noSuchExample' },
    };
    await expect(generateRouteTable({ spec: broken, outDir: `${outDir}broken/` })).rejects.toThrow(
      /noSuchExample/,
    );
    const unlinked: RouteTable = {
      ...routes,
      operations: routes.operations.map((op) =>
        op.starts === undefined || op.operationId !== 'DrainPool'
          ? op
          : { ...op, starts: { ...op.starts, readBy: 'AttachDevServerVolume' } },
      ),
    };
    expect(() => createStub({ routes: unlinked })).toThrow(/x-modelarts-operation-read/);
  });
});
