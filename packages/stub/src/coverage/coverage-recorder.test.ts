import { afterEach, describe, expect, it } from 'vitest';
import { createStub } from '../create-stub.js';
import { serve } from '../node.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const SERVER = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const PATH = `/v1/${PROJECT}/dev-servers/${SERVER}/operation/op-1`;
const TOKEN = { 'x-auth-token': 't' };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('contract coverage in-process', () => {
  it('starts at zero with every documented status, example and constraint listed', () => {
    const coverage = createStub().coverage();
    const operation = coverage.operations.find((o) => o.operationId === 'ShowServerOperation');
    expect(operation).toMatchObject({
      operationId: 'ShowServerOperation',
      method: 'GET',
      path: '/v1/{project_id}/dev-servers/{id}/operation/{operation_id}',
      requests: 0,
    });
    expect(operation?.statuses['200']).toEqual({ documented: true, answered: 0 });
    expect(operation?.examples['200']?.pending).toBe(0);
    expect(operation?.constraints).toMatchObject({
      'path.id.pattern': 0,
      'path.project_id.maxLength': 0,
      'header.X-Project-Id.minLength': 0,
    });
    expect(coverage.totals.operations).toMatchObject({ covered: 0, percent: 0 });
    expect(coverage.totals.operations.total).toBe(coverage.operations.length);
  });

  it('counts statuses, examples served and constraints exercised by a rejection', async () => {
    const stub = createStub();
    await stub.fetch(PATH, { headers: TOKEN });
    await stub.fetch(PATH, { headers: { ...TOKEN, prefer: 'example=failed' } });
    await stub.fetch(PATH.replace(SERVER, 'not-a-uuid'), { headers: TOKEN });
    await stub.fetch(PATH);
    stub.state.reset(); // coverage survives resets between tests
    const coverage = stub.coverage();
    const operation = coverage.operations.find((o) => o.operationId === 'ShowServerOperation');
    expect(operation?.requests).toBe(4);
    expect(operation?.statuses['200']).toEqual({ documented: true, answered: 2 });
    expect(operation?.statuses['400']).toEqual({ documented: true, answered: 1 });
    expect(operation?.statuses['401']).toEqual({ documented: true, answered: 1 });
    expect(operation?.examples['200']).toMatchObject({ pending: 1, failed: 1, running: 0 });
    expect(operation?.constraints['path.id.pattern']).toBe(1);
    expect(coverage.totals.operations.covered).toBe(1);
    expect(coverage.totals.statuses.covered).toBe(3);
    expect(coverage.totals.constraints.covered).toBe(1);
    expect(coverage.totals.requests).toBe(4);
  });
});

describe('contract coverage over HTTP', () => {
  it('serves the same JSON at GET /__stub/coverage and resets on DELETE', async () => {
    const served = await serve({ port: 0 });
    closers.push(served.close);
    await fetch(`${served.url}${PATH}`, { headers: { ...TOKEN, 'x-project-id': 'bad!' } });
    const body = await (await fetch(`${served.url}/__stub/coverage`)).json();
    expect(body).toEqual(served.stub.coverage());
    expect(
      body.operations.find((o: { operationId: string }) => o.operationId === 'ShowServerOperation')
        .constraints['header.X-Project-Id.pattern'],
    ).toBe(1);
    expect((await fetch(`${served.url}/__stub/coverage`, { method: 'DELETE' })).status).toBe(204);
    expect((await (await fetch(`${served.url}/__stub/coverage`)).json()).totals.requests).toBe(0);
  });
});
