import { describe, expect, it } from 'vitest';
import { createStub } from '../create-stub.js';
import { routeTable } from '../generated/routes.gen.js';
import type { OperationRoute } from '../route-table.js';
import { createReflector } from './reflect-request.js';

const show = routeTable.operations.find(
  (o) => o.operationId === 'ShowServerOperation',
) as OperationRoute;
const example = show.responses['200']?.examples[0]?.value as Record<string, unknown>;
const OPERATION = '0c8a2f4e-1b3d-4e5f-8a9b-0c1d2e3f4a5b';

describe('createReflector', () => {
  it('copies the requested operation_id in, with the text JSON.stringify gives', () => {
    const reflect = createReflector(show, '200', example);
    const reflected = reflect?.({ operation_id: OPERATION });
    expect(reflected?.body).toEqual({ ...example, operation_id: OPERATION });
    expect(reflected?.text).toBe(JSON.stringify({ ...example, operation_id: OPERATION }));
  });

  it('reflects nothing when the request asks for the example’s own value', () => {
    const reflect = createReflector(show, '200', example);
    expect(reflect?.({ operation_id: example.operation_id })).toBeUndefined();
  });

  it('keeps the example when the reflected body would break the response schema', () => {
    // operation_id is a string in the schema: a number must not be answered.
    const reflect = createReflector(show, '200', example);
    expect(reflect?.({ operation_id: 42 })).toBeUndefined();
  });

  it('serialises per request a body that carries a request id', () => {
    const reflect = createReflector(show, '200', { ...example, request_id: 'x' });
    const reflected = reflect?.({ operation_id: OPERATION });
    expect(reflected?.body.operation_id).toBe(OPERATION);
    expect(reflected?.text).toBeUndefined();
  });

  it('is undefined for an answer with no property named like a path parameter', () => {
    expect(createReflector(show, '200', { unrelated: 1 })).toBeUndefined();
    expect(createReflector(show, '200', [example])).toBeUndefined();
  });
});

describe('reflected answers through the stub', () => {
  it('answers the requested operation_id, byte for byte the serialised body, CORS headers on', async () => {
    const stub = createStub();
    const response = await stub.fetch(
      `/v1/0123456789abcdef0123456789abcdef/dev-servers/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/operation/${OPERATION}`,
      { headers: { 'x-auth-token': 't' } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    const text = await response.text();
    expect(text).toBe(JSON.stringify({ ...example, operation_id: OPERATION }));
  });
});
