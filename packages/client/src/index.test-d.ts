import type { ErrorBody, GatewayErrorBody, OperationDetails } from '@modelarts-lite/types';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createModelArtsClient,
  type ModelArtsClient,
  type ModelArtsClientOptions,
  type Region,
  unwrap,
  waitForOperation,
} from './index.js';

declare const client: ModelArtsClient;
const path = '/v1/{project_id}/dev-servers/{id}/operation/{operation_id}';
const params = { path: { project_id: 'p', id: 's', operation_id: 'o' } };

describe('the client', () => {
  it('types data as OperationDetails and error as the error bodies', async () => {
    const result = await client.GET(path, { params });
    if (result.error === undefined) {
      expectTypeOf(result.data).toEqualTypeOf<OperationDetails>();
    } else {
      // Mutual assignability: the union of the spec's error bodies, nothing wider or narrower.
      expectTypeOf(result.error).not.toBeAny();
      expectTypeOf(result.error).toExtend<ErrorBody | GatewayErrorBody>();
      expectTypeOf<ErrorBody | GatewayErrorBody>().toExtend<typeof result.error>();
      expectTypeOf(result.error).not.toExtend<{ operation_id: string }>();
      expectTypeOf(result.data).toEqualTypeOf<undefined>();
    }
    expectTypeOf(unwrap(result)).toEqualTypeOf<OperationDetails>();
  });

  it('rejects wrong or missing path parameters', () => {
    // @ts-expect-error operation_id is missing
    client.GET(path, { params: { path: { project_id: 'p', id: 's' } } });
    // @ts-expect-error id must be a string
    client.GET(path, { params: { path: { project_id: 'p', id: 42, operation_id: 'o' } } });
    // @ts-expect-error params are required
    client.GET(path);
    // @ts-expect-error no such path
    client.GET('/v1/{project_id}/dev-servers/{id}', {
      params: { path: { project_id: 'p', id: 's' } },
    });
    // @ts-expect-error the operation path has no POST
    client.POST(path, { params });
  });

  it('accepts the optional X-Project-Id header parameter', () => {
    client.GET(path, { params: { ...params, header: { 'X-Project-Id': 'p2' } } });
  });
});

describe('createModelArtsClient options', () => {
  it('takes a region or a baseUrl, and returns the typed client', () => {
    expectTypeOf(
      createModelArtsClient({ region: 'cn-north-4', auth: { token: 't' } }),
    ).toEqualTypeOf<ModelArtsClient>();
    createModelArtsClient({ baseUrl: 'http://127.0.0.1:4010', auth: { token: 't' } });
    createModelArtsClient({
      region: 'ap-southeast-1',
      auth: { accessKeyId: 'ak', secretAccessKey: 'sk', securityToken: 'st' },
    });
  });

  it('rejects both or neither of region and baseUrl', () => {
    // @ts-expect-error both
    createModelArtsClient({ region: 'cn-north-4', baseUrl: 'http://x', auth: { token: 't' } });
    // @ts-expect-error neither
    createModelArtsClient({ auth: { token: 't' } });
  });

  it('rejects unknown regions and incomplete auth', () => {
    // @ts-expect-error not a region of the spec
    createModelArtsClient({ region: 'us-east-1', auth: { token: 't' } });
    // @ts-expect-error the secret key is missing
    createModelArtsClient({ region: 'cn-north-4', auth: { accessKeyId: 'ak' } });
    // @ts-expect-error auth is required
    createModelArtsClient({ region: 'cn-north-4' });
    expectTypeOf<'ap-southeast-1'>().toExtend<Region>();
    expectTypeOf<ModelArtsClientOptions['retry']>().not.toHaveProperty('perAttempt');
  });
});

describe('waitForOperation', () => {
  it('resolves with OperationDetails and needs all three IDs', () => {
    expectTypeOf(
      waitForOperation(client, { projectId: 'p', serverId: 's', operationId: 'o' }),
    ).resolves.toEqualTypeOf<OperationDetails>();
    // @ts-expect-error operationId is missing
    waitForOperation(client, { projectId: 'p', serverId: 's' });
  });
});
