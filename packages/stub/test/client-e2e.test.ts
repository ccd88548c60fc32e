// The typed client of packages/client follows an operation to its end against the stub, with its
// own poller, in-process and over HTTP, with both auth modes. Time is the stub's manual clock: the
// poller's sleep advances it, so nothing waits for real.
import {
  createModelArtsClient,
  ModelArtsApiError,
  type ModelArtsAuth,
  OperationFailedError,
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
import { type ServedStub, serve } from '../src/node.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const SERVER = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';

const transports = {
  'in-process': async (stub: Stub) => ({
    baseUrl: 'https://modelarts.cn-north-4.myhuaweicloud.com',
    fetch: stub.fetch,
    close: async () => {},
  }),
  HTTP: async (stub: Stub) => {
    const served: ServedStub = await serve({ port: 0, stub });
    return { baseUrl: served.url, fetch: undefined, close: () => served.close() };
  },
};
const auths: Record<string, ModelArtsAuth> = {
  token: { token: 'e2e-token' },
  'AK/SK': DEFAULT_ACCESS_KEY,
};

describe.each(Object.keys(transports))('client end-to-end (%s)', (transport) => {
  let close: () => Promise<void> = async () => {};
  afterEach(() => close());

  async function setUp(auth: ModelArtsAuth) {
    // Starts at the real time, so that AK/SK signatures (dated by the client) are within the skew.
    const clock = createManualClock(Date.now());
    const stub = createStub({ clock });
    const target = await transports[transport as keyof typeof transports](stub);
    close = target.close;
    const client = createModelArtsClient({
      baseUrl: target.baseUrl,
      auth,
      projectId: PROJECT,
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

  it.each(Object.keys(auths))('waits for a successful operation (%s)', async (authName) => {
    const { stub, client, poll } = await setUp(auths[authName] as ModelArtsAuth);
    const { operationId } = stub.state.createOperation({
      serverId: SERVER,
      type: 'node_attach_volume',
      timeline: lifecycleTimeline({ runningAt: 1000, finishedAt: 3000 }),
    });
    const seen: string[] = [];
    const details = await waitForOperation(
      client,
      { projectId: PROJECT, serverId: SERVER, operationId },
      {
        ...poll,
        onUpdate: (d) => seen.push(d.operation_status),
      },
    );
    expect(details).toEqual({
      operation_id: operationId,
      operation_status: 'success',
      operation_type: 'node_attach_volume',
    });
    expect(seen).toEqual(['pending', 'running', 'success']);
  });

  it.each(Object.keys(auths))(
    'rejects with OperationFailedError on a failed operation (%s)',
    async (authName) => {
      const { stub, client, poll } = await setUp(auths[authName] as ModelArtsAuth);
      const { operationId } = stub.state.createOperation({
        serverId: SERVER,
        type: 'node_detach_volume',
        timeline: lifecycleTimeline({
          outcome: 'failed',
          error: { code: 'ModelArts.7000', message: 'BMS cannot detach.' },
        }),
      });
      const error = await waitForOperation(
        client,
        { projectId: PROJECT, serverId: SERVER, operationId },
        poll,
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OperationFailedError);
    },
  );

  it('rejects with ModelArtsApiError ModelArts.6404 for an unknown server', async () => {
    const { stub, client, poll } = await setUp(auths.token as ModelArtsAuth);
    stub.state.createServer(SERVER);
    const error = await waitForOperation(
      client,
      { projectId: PROJECT, serverId: '11111111-2222-4333-8444-555555555555', operationId: 'x' },
      poll,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelArtsApiError);
    expect((error as ModelArtsApiError).errorCode).toBe('ModelArts.6404');
  });
});
