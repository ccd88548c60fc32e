import {
  createModelArtsClient,
  OperationFailedError,
  waitForOperation,
} from '@modelarts-lite/client';
import { createManualClock, createStub, lifecycleTimeline } from '@modelarts-lite/stub';
import { exercise, PROJECT, SERVER } from './shared.js';

// The stub in-process on a manual clock: the poller's sleep advances it, so nothing waits.
const clock = createManualClock(Date.now());
const stub = createStub({ clock });
const client = createModelArtsClient({
  baseUrl: 'https://stub.invalid',
  auth: { token: 'consumer' },
  projectId: PROJECT,
  retry: false,
  fetch: stub.fetch,
});
const poll = {
  now: () => clock.now(),
  sleep: async (ms: number) => clock.advance(ms),
  intervalMs: 500,
};
const ok = stub.state.createOperation({
  serverId: SERVER,
  type: 'node_attach_volume',
  timeline: lifecycleTimeline({ runningAt: 1_000, finishedAt: 3_000 }),
});
const failed = stub.state.createOperation({
  serverId: SERVER,
  type: 'node_detach_volume',
  timeline: lifecycleTimeline({ outcome: 'failed' }),
});
const result = await exercise(client, ok.operationId, poll);
const error = await waitForOperation(
  client,
  { projectId: PROJECT, serverId: SERVER, operationId: failed.operationId },
  poll,
).catch((e: unknown) => e);
console.log(
  JSON.stringify({
    ...result,
    failed: error instanceof OperationFailedError ? error.operationError : null,
  }),
);
