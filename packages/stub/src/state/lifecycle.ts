import type {
  ErrorAnswerRoute,
  OperationReadRoute,
  OperationRoute,
  OperationStartRoute,
} from '../route-table.js';
import type { RequestInput } from '../validation/validate-request.js';
import {
  HYPERINSTANCE,
  operationBodyAt,
  SERVER,
  type StateInternals,
  type StoredOperation,
  type StubState,
} from './operation-store.js';
import { evaluateExpression } from './runtime-expression.js';
import type { TimelineEntry } from './timeline.js';

/** A stateful answer: a declared status and its body. */
export interface StateAnswer {
  status: string;
  body: unknown;
}

/** Answers a request from the state, or undefined to let the spec's example answer. */
export type StateAnswerer = (input: RequestInput, now: number) => StateAnswer | undefined;

type State = StubState & StateInternals;

const DEFAULT_ERROR = { code: 'ModelArts.7000', message: 'Operation failed.' };

function projectOf(params: Record<string, unknown>): string {
  return String(params.project_id ?? '');
}

function answerRead(
  state: State,
  reads: OperationReadRoute,
  params: Record<string, unknown>,
  now: number,
): StateAnswer | undefined {
  const projectId = projectOf(params);
  const ownerId = String(params[reads.ownerParameter]);
  const operation = state.findOperation(
    reads.owner,
    ownerId,
    String(params[reads.operationParameter]),
    projectId,
  );
  if (operation !== undefined) return { status: '200', body: operationBodyAt(operation, now) };
  // With no owner of this kind registered, the example answers (as Prism would).
  if (!state.hasOwners(reads.owner)) return undefined;
  if (state.findOwner(reads.owner, ownerId, projectId) === undefined) return reads.ownerNotFound;
  return reads.operationNotFound;
}

function timelineOf(
  starts: OperationStartRoute,
  settings: ReturnType<State['settings']['take']>,
): TimelineEntry[] {
  const { lifecycle } = starts;
  const finishedAt = settings.finishedAfterMs ?? lifecycle.finishedAfterMs;
  const runningAt = Math.min(settings.runningAfterMs ?? lifecycle.runningAfterMs, finishedAt);
  const last: TimelineEntry =
    settings.outcome === 'failed'
      ? {
          status: lifecycle.failure,
          at: finishedAt,
          error: settings.error ?? lifecycle.error ?? DEFAULT_ERROR,
        }
      : { status: lifecycle.success, at: finishedAt };
  return [
    { status: lifecycle.initialStatus, at: 0 },
    { status: lifecycle.runningStatus, at: runningAt },
    last,
  ];
}

/** The precondition that does not hold, or undefined. Unregistered kinds are not checked. */
function preconditionError(
  state: State,
  starts: OperationStartRoute,
  reads: OperationReadRoute,
  ownerId: string,
  projectId: string,
  volumeId: string | undefined,
): ErrorAnswerRoute | undefined {
  if (starts.owner !== undefined && state.hasOwners(reads.owner)) {
    const owner = state.findOwner(reads.owner, ownerId, projectId);
    if (owner === undefined) return starts.owner.notFound ?? reads.ownerNotFound;
    if (starts.owner.statuses !== undefined && !starts.owner.statuses.includes(owner.status)) {
      return starts.owner.notReady;
    }
  }
  if (starts.volume !== undefined && volumeId !== undefined && !state.volumes.isEmpty()) {
    const volume = state.volumes.find(volumeId, projectId);
    if (volume === undefined) return starts.volume.notFound;
    const idle = volume.operationId === undefined;
    const ok =
      starts.volume.state === 'free'
        ? idle && volume.attachedTo === undefined
        : idle && volume.attachedTo === ownerId;
    if (!ok) return starts.volume.conflict;
  }
  return undefined;
}

function startOperation(
  state: State,
  route: OperationRoute,
  starts: OperationStartRoute,
  reads: OperationReadRoute,
  input: RequestInput,
  now: number,
): StateAnswer {
  const context = { params: input.params, body: input.body };
  const ownerId = String(
    evaluateExpression(starts.readParameters[reads.ownerParameter] ?? '', context),
  );
  const projectId = projectOf(input.params);
  const volumeId =
    starts.volume === undefined ? undefined : String(evaluateExpression(starts.volume.id, context));
  const refused = preconditionError(state, starts, reads, ownerId, projectId, volumeId);
  if (refused !== undefined) return refused;

  const settings = state.settings.take({
    type: starts.type,
    startedBy: route.operationId,
    ownerId,
    projectId,
  });
  const operation: StoredOperation = {
    owner: reads.owner,
    ownerId,
    operationId: crypto.randomUUID(),
    projectId,
    type: starts.type,
    timeline: timelineOf(starts, settings),
    createdAt: now,
  };
  if (reads.owner === SERVER) operation.serverId = ownerId;
  if (reads.owner === HYPERINSTANCE) operation.hyperinstanceId = ownerId;
  state.storeStarted(operation);
  if (volumeId !== undefined && starts.volume?.effect !== undefined) {
    state.volumes.begin(volumeId, {
      operationId: operation.operationId,
      createdAt: now,
      timeline: operation.timeline,
      success: starts.lifecycle.success,
      failure: starts.lifecycle.failure,
      attachedTo: starts.volume.effect === 'attach' ? ownerId : undefined,
    });
  }
  return { status: route.successStatus, body: operationBodyAt(operation, now) };
}

/**
 * The state's part in answering an operation, as the spec declares it: a GET with
 * `x-modelarts-operation-read` reports stored operations; a call with `x-modelarts-operation-start`
 * checks its preconditions and starts one, read later through its link. Undefined for other
 * operations.
 *
 * @throws {Error} when a starting call's link names an operation that reads no operations.
 * @example
 * const answerer = stateAnswererFor(runtime.state, routeTable.operations, operation);
 * const answer = answerer?.(validation.input, clock.now());
 */
export function stateAnswererFor(
  state: State,
  operations: readonly OperationRoute[],
  route: OperationRoute,
): StateAnswerer | undefined {
  const { reads, starts } = route;
  if (reads !== undefined) return (input, now) => answerRead(state, reads, input.params, now);
  if (starts === undefined) return undefined;
  const reader = operations.find((op) => op.operationId === starts.readBy)?.reads;
  if (reader === undefined) {
    throw new Error(
      `${route.operationId}: its link names ${starts.readBy}, which has no x-modelarts-operation-read`,
    );
  }
  return (input, now) => startOperation(state, route, starts, reader, input, now);
}
