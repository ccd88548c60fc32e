// A consumer of the published packages, compiled and run in a fresh npm project outside the
// workspace by ../packed-install.test.ts. Strict TypeScript: the @ts-expect-error lines must fail.
import {
  createModelArtsClient,
  type ModelArtsClient,
  OperationFailedError,
  unwrap,
  waitForOperation,
} from '@modelarts-lite/client';
import { signRequest } from '@modelarts-lite/signer';
import type { OperationDetails } from '@modelarts-lite/types';
import { knownValues } from '@modelarts-lite/types';

export const PROJECT = '0123456789abcdef0123456789abcdef';
export const SERVER = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
export const PATH = '/v1/{project_id}/dev-servers/{id}/operation/{operation_id}';

/** Reads one operation, then follows another to its end; what it saw, as plain data. */
export async function exercise(
  client: ModelArtsClient,
  operationId: string,
  poll: { now?: () => number; sleep?: (ms: number) => Promise<void>; intervalMs: number },
) {
  const params = { path: { project_id: PROJECT, id: SERVER, operation_id: operationId } };
  const first: OperationDetails = unwrap(await client.GET(PATH, { params }));
  const seen: string[] = [first.operation_status];
  const final = await waitForOperation(
    client,
    { projectId: PROJECT, serverId: SERVER, operationId },
    { ...poll, backoffFactor: 1, onUpdate: (d) => seen.push(d.operation_status) },
  );
  return { final: final.operation_status, seen, known: knownValues.OperationStatus };
}

/** Calls the compiler must refuse: each unused @ts-expect-error would fail the build. */
export async function wrongCalls(client: ModelArtsClient): Promise<void> {
  const params = { path: { project_id: PROJECT, id: SERVER, operation_id: 'op' } };
  // @ts-expect-error: not a path of the API
  await client.GET('/v1/{project_id}/no-such-path', { params });
  // @ts-expect-error: the path parameters id and operation_id are required
  await client.GET(PATH, { params: { path: { project_id: PROJECT } } });
  const details = unwrap(await client.GET(PATH, { params }));
  // @ts-expect-error: operation_status is a string
  const status: number = details.operation_status;
  // @ts-expect-error: a token is a string
  createModelArtsClient({ region: 'cn-north-4', auth: { token: 42 } });
  // @ts-expect-error: signing needs credentials
  await signRequest(new Request('https://example.com'), {});
  void status;
  void OperationFailedError;
}
