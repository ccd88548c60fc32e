import type { OperationDetails, paths } from '@modelarts-lite/types';
import type { Client, FetchResponse } from 'openapi-fetch';

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

/** openapi-fetch's result of one of the two operation-details reads. */
type OperationRead<Path extends typeof SERVER_PATH | typeof HYPERINSTANCE_PATH> = FetchResponse<
  paths[Path]['get'],
  {
    signal?: AbortSignal;
    params: { path: { project_id: string; id: string; operation_id: string } };
  },
  `${string}/${string}`
>;

function nonEmpty(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`waitForOperation: ${name} must be a non-empty string`);
  }
  return value;
}

/**
 * Checks that a ref names its owner (a server or a supernode, not both) and its operation, and
 * returns the operation id.
 *
 * @throws {TypeError} the ref names no server or supernode, both, or no operation id.
 * @example
 * const operationId = checkOperationRef({ projectId, serverId, ...attachResult });
 */
export function checkOperationRef(ref: OperationRef): string {
  nonEmpty(ref.projectId, 'projectId');
  if (ref.hyperinstanceId !== undefined) {
    if (ref.serverId !== undefined) {
      throw new TypeError('waitForOperation: give serverId or hyperinstanceId, not both');
    }
    nonEmpty(ref.hyperinstanceId, 'hyperinstanceId');
  } else {
    nonEmpty(ref.serverId, 'serverId (or hyperinstanceId)');
  }
  return nonEmpty(ref.operationId ?? ref.operation_id, 'operationId (or operation_id)');
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
): Promise<OperationRead<typeof SERVER_PATH> | OperationRead<typeof HYPERINSTANCE_PATH>> {
  const projectId = nonEmpty(ref.projectId, 'projectId');
  const operationId = checkOperationRef(ref);
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
