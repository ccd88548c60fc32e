import type {
  AttachVolumeResult,
  DetachVolumeResult,
  OperationDetails,
} from '@modelarts-lite/types';
import { describe, expectTypeOf, it } from 'vitest';
import { type ModelArtsClient, type OperationRef, unwrap, waitForOperation } from './index.js';

declare const client: ModelArtsClient;
declare const attachResult: AttachVolumeResult;
declare const detachResult: DetachVolumeResult;

describe('waitForOperation refs', () => {
  it('accepts a starting call result spread in, with a server or a supernode', () => {
    expectTypeOf(
      waitForOperation(client, { projectId: 'p', serverId: 's', ...attachResult }),
    ).resolves.toEqualTypeOf<OperationDetails>();
    waitForOperation(client, { projectId: 'p', serverId: 's', ...detachResult });
    waitForOperation(client, { projectId: 'p', hyperinstanceId: 'h', operationId: 'o' });
    waitForOperation(client, { projectId: 'p', hyperinstanceId: 'h', ...detachResult });
  });

  it('takes the typed result of the client call directly ("attach, then wait")', async () => {
    const started = unwrap(
      await client.POST('/v1/{project_id}/dev-servers/{id}/attachvolume', {
        params: { path: { project_id: 'p', id: 's' } },
        body: { volume_id: 'v' },
      }),
    );
    expectTypeOf(started).toEqualTypeOf<AttachVolumeResult>();
    await waitForOperation(client, { projectId: 'p', serverId: 's', ...started });
  });

  it('needs exactly one owner and one operation id', () => {
    // @ts-expect-error no server or supernode
    waitForOperation(client, { projectId: 'p', operationId: 'o' });
    // @ts-expect-error both a server and a supernode
    waitForOperation(client, {
      projectId: 'p',
      serverId: 's',
      hyperinstanceId: 'h',
      operationId: 'o',
    });
    // @ts-expect-error no operation id
    waitForOperation(client, { projectId: 'p', hyperinstanceId: 'h' });
    // @ts-expect-error operationId and operation_id together
    const both: OperationRef = {
      projectId: 'p',
      serverId: 's',
      operationId: 'o',
      operation_id: 'o',
    };
    void both;
  });

  it('types the new calls from the spec', () => {
    client.POST('/v1/{project_id}/dev-servers/{id}/attachvolume', {
      params: { path: { project_id: 'p', id: 's' } },
      // @ts-expect-error the attach body needs volume_id
      body: {},
    });
    client.DELETE('/v1/{project_id}/dev-servers/{id}/detachvolume/{volume_id}', {
      // @ts-expect-error detach needs volume_id in the path
      params: { path: { project_id: 'p', id: 's' } },
    });
  });
});
