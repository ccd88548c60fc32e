// "Attach, then wait" end to end: the typed client starts operations on the stub and follows them
// with waitForOperation, in-process and over HTTP. The stub's manual clock is the poller's clock.
import {
  createModelArtsClient,
  type ModelArtsAuth,
  OperationFailedError,
  unwrap,
  waitForOperation,
} from '@modelarts-lite/client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createManualClock,
  createStub,
  DEFAULT_ACCESS_KEY,
  lifecycleTimeline,
  type Stub,
} from '../src/index.js';
import { serve } from '../src/node.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const SERVER = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const HYPER = '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const VOLUME = '1e79eff7-c02b-4dfd-a0d6-0b2f3c4d5e6f';
const ATTACH = '/v1/{project_id}/dev-servers/{id}/attachvolume';
const DETACH = '/v1/{project_id}/dev-servers/{id}/detachvolume/{volume_id}';

const transports = {
  'in-process': async (stub: Stub) => ({
    baseUrl: 'https://modelarts.test',
    fetch: stub.fetch,
    close: async () => {},
  }),
  HTTP: async (stub: Stub) => {
    const served = await serve({ port: 0, stub });
    return { baseUrl: served.url, fetch: undefined, close: () => served.close() };
  },
};

describe.each(Object.keys(transports))('operation workflow end to end (%s)', (transport) => {
  let close: () => Promise<void> = async () => {};
  afterEach(() => close());

  async function setUp(auth: ModelArtsAuth = { token: 'e2e' }) {
    const clock = createManualClock(Date.now());
    const stub = createStub({ clock });
    const target = await transports[transport as keyof typeof transports](stub);
    close = target.close;
    const client = createModelArtsClient({
      baseUrl: target.baseUrl,
      auth,
      retry: false,
      ...(target.fetch ? { fetch: target.fetch } : {}),
    });
    const poll = {
      now: () => clock.now(),
      sleep: async (ms: number) => clock.advance(ms),
      intervalMs: 500,
      backoffFactor: 1,
    };
    return { stub, client, poll };
  }
  const attachParams = { path: { project_id: PROJECT, id: SERVER } };
  const detachParams = { path: { project_id: PROJECT, id: SERVER, volume_id: VOLUME } };

  it.each([
    ['token', { token: 'e2e' }],
    ['AK/SK', DEFAULT_ACCESS_KEY],
  ] as const)('attaches a volume, waits, and sees success (%s)', async (_, auth) => {
    const { client, poll } = await setUp(auth);
    const started = unwrap(
      await client.POST(ATTACH, { params: attachParams, body: { volume_id: VOLUME } }),
    );
    expect(started.operation_status).toBe('pending');
    const seen: string[] = [];
    const details = await waitForOperation(
      client,
      { projectId: PROJECT, serverId: SERVER, ...started },
      { ...poll, onUpdate: (d) => seen.push(d.operation_status) },
    );
    expect(details).toEqual({
      operation_id: started.operation_id,
      operation_status: 'success',
      operation_type: 'node_attach_volume',
    });
    expect(seen).toEqual(['pending', 'running', 'success']);
  });

  it('surfaces a scripted attach failure as OperationFailedError with its operation_error', async () => {
    const { stub, client, poll } = await setUp();
    const error = { code: 'ModelArts.7001', message: 'The volume is busy.' };
    stub.state.scriptOperations({
      match: { type: 'node_attach_volume' },
      outcome: 'failed',
      error,
    });
    const started = unwrap(
      await client.POST(ATTACH, { params: attachParams, body: { volume_id: VOLUME } }),
    );
    const failure = await waitForOperation(
      client,
      { projectId: PROJECT, serverId: SERVER, ...started },
      poll,
    ).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OperationFailedError);
    expect((failure as OperationFailedError).operationError).toEqual(error);
  });

  it('detaches a volume and waits; a scripted detach failure fails', async () => {
    const { stub, client, poll } = await setUp();
    stub.state.createVolume(VOLUME, { attachedTo: SERVER });
    const started = unwrap(await client.DELETE(DETACH, { params: detachParams }));
    expect(started.operation_type).toBe('node_detach_volume');
    const done = await waitForOperation(
      client,
      { projectId: PROJECT, serverId: SERVER, ...started },
      poll,
    );
    expect(done.operation_status).toBe('success');
    expect(stub.state.listVolumes()).toEqual([{ volumeId: VOLUME }]);

    stub.state.createVolume(VOLUME, { attachedTo: SERVER });
    stub.state.scriptOperations({ outcome: 'failed' });
    const failing = unwrap(await client.DELETE(DETACH, { params: detachParams }));
    const failure = await waitForOperation(
      client,
      { projectId: PROJECT, serverId: SERVER, ...failing },
      poll,
    ).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OperationFailedError);
    expect((failure as OperationFailedError).operationError).toEqual({
      code: 'ModelArts.7000',
      message: 'Operation failed.',
    });
    expect(stub.state.listVolumes()).toEqual([{ volumeId: VOLUME, attachedTo: SERVER }]);
  });

  it('follows a supernode operation with GetHyperinstanceOperation, success and failure', async () => {
    const { stub, client, poll } = await setUp();
    const ok = stub.state.createOperation({
      hyperinstanceId: HYPER,
      type: 'node_attach_volume',
      timeline: lifecycleTimeline({ runningAt: 500, finishedAt: 1500 }),
    });
    const details = await waitForOperation(
      client,
      { projectId: PROJECT, hyperinstanceId: HYPER, operationId: ok.operationId },
      poll,
    );
    expect(details.operation_status).toBe('success');
    const failed = stub.state.createOperation({
      hyperinstanceId: HYPER,
      type: 'node_detach_volume',
      timeline: lifecycleTimeline({
        outcome: 'failed',
        error: { code: 'ModelArts.7000', message: 'Supernode busy.' },
      }),
    });
    const failure = await waitForOperation(
      client,
      { projectId: PROJECT, hyperinstanceId: HYPER, operation_id: failed.operationId },
      poll,
    ).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OperationFailedError);
    expect((failure as OperationFailedError).operationError?.message).toBe('Supernode busy.');
  });
});
