import { describe, expect, it } from 'vitest';
import { details, fakeFetch, json, PROJECT_ID, SERVER_ID } from '../test/fake-fetch.js';
import { createModelArtsClient, type OperationRef, waitForOperation } from './index.js';

const HYPERINSTANCE_ID = '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const STARTED = '5d2e8f1a-3c4b-4d6e-9f0a-1b2c3d4e5f60';
const noWait = { now: () => 0, sleep: async () => {} };

function clientOf(...answers: Parameters<typeof fakeFetch>) {
  const fetch = fakeFetch(...answers);
  const client = createModelArtsClient({
    baseUrl: 'https://stub.test',
    auth: { token: 't' },
    fetch,
    retry: false,
  });
  return { client, fetch };
}

describe('waitForOperation refs', () => {
  it('follows a supernode operation with GetHyperinstanceOperation', async () => {
    const { client, fetch } = clientOf(json(details('success')));
    await waitForOperation(
      client,
      { projectId: PROJECT_ID, hyperinstanceId: HYPERINSTANCE_ID, operationId: 'op-1' },
      noWait,
    );
    expect(new URL(fetch.requests[0]?.url ?? '').pathname).toBe(
      `/v1/${PROJECT_ID}/dev-servers/hyperinstance/${HYPERINSTANCE_ID}/operation/op-1`,
    );
  });

  it('takes the operation_id of a starting call result spread in', async () => {
    const { client, fetch } = clientOf(json(details('success')));
    const started = {
      operation_id: STARTED,
      operation_status: 'pending',
      operation_type: 'node_attach_volume',
    };
    await waitForOperation(
      client,
      { projectId: PROJECT_ID, serverId: SERVER_ID, ...started },
      noWait,
    );
    expect(new URL(fetch.requests[0]?.url ?? '').pathname).toBe(
      `/v1/${PROJECT_ID}/dev-servers/${SERVER_ID}/operation/${STARTED}`,
    );
  });

  it.each([
    ['no owner', { projectId: PROJECT_ID, operationId: 'o' }, 'serverId'],
    [
      'two owners',
      {
        projectId: PROJECT_ID,
        serverId: SERVER_ID,
        hyperinstanceId: HYPERINSTANCE_ID,
        operationId: 'o',
      },
      'not both',
    ],
    ['no operation id', { projectId: PROJECT_ID, serverId: SERVER_ID }, 'operationId'],
    ['an empty project', { projectId: '', serverId: SERVER_ID, operationId: 'o' }, 'projectId'],
  ])('rejects a ref with %s before any request', async (_, ref, words) => {
    const { client, fetch } = clientOf();
    const error = await waitForOperation(client, ref as unknown as OperationRef, noWait).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain(words);
    expect(fetch.requests).toHaveLength(0);
  });
});
