import type { OperationDetails, paths } from '@modelarts-lite/types';
import type { Client } from 'openapi-fetch';

/** Where the operation runs: a Lite Server, or a supernode (hyperinstance). */
type OperationOwner =
  | { projectId: string; serverId: string; hyperinstanceId?: never }
  | { projectId: string; hyperinstanceId: string; serverId?: never };

/**
 * The operation's id: `operationId`, or the `operation_id` of a starting call's result spread in
 * (its other fields, such as `operation_status`, are ignored).
 */
type OperationIdentity =
  | { operationId: string; operation_id?: never }
  | ({ operation_id: string; operationId?: never } & Partial<
      Omit<OperationDetails, 'operation_id'>
    >);

/**
 * The operation to follow: `{ projectId, serverId, operationId }`,
 * `{ projectId, hyperinstanceId, operationId }` for a supernode, or either owner with a starting
 * call's result spread in: `{ projectId, serverId, ...attachResult }`.
 */
export type OperationRef = OperationOwner & OperationIdentity;

const SERVER_PATH = '/v1/{project_id}/dev-servers/{id}/operation/{operation_id}';
const HYPERINSTANCE_PATH =
  '/v1/{project_id}/dev-servers/hyperinstance/{id}/operation/{operation_id}';

function nonEmpty(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`waitForOperation: ${name} must be a non-empty string`);
  }
  return value;
}

/**
 * Reads the operation a ref names once: ShowServerOperation for a server, GetHyperinstanceOperation
 * for a supernode. Checks the ref first, so that a missing id fails before any request.
 *
 * @throws {TypeError} when the ref names no owner, both owners, or no operation id.
 * @example
 * const { data, error, response } = await readOperation(client, { projectId, serverId, ...attachResult });
 */
export function readOperation(
  client: Pick<Client<paths>, 'GET'>,
  ref: OperationRef,
  signal?: AbortSignal,
) {
  const projectId = nonEmpty(ref.projectId, 'projectId');
  const operationId = nonEmpty(
    ref.operationId ?? ref.operation_id,
    'operationId (or operation_id)',
  );
  const init = signal ? { signal } : {};
  if (ref.hyperinstanceId !== undefined) {
    if (ref.serverId !== undefined) {
      throw new TypeError('waitForOperation: give serverId or hyperinstanceId, not both');
    }
    const id = nonEmpty(ref.hyperinstanceId, 'hyperinstanceId');
    return client.GET(HYPERINSTANCE_PATH, {
      params: { path: { project_id: projectId, id, operation_id: operationId } },
      ...init,
    });
  }
  const id = nonEmpty(ref.serverId, 'serverId (or hyperinstanceId)');
  return client.GET(SERVER_PATH, {
    params: { path: { project_id: projectId, id, operation_id: operationId } },
    ...init,
  });
}
