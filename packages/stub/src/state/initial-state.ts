import type { LifecycleSettings } from './lifecycle-settings.js';
import { operationFromJson } from './operation-json.js';
import type { OperationInput, StubState } from './operation-store.js';
import { StubStateError } from './stub-state-error.js';

/** State to load at start (createStub's `state`, a `--state` file, `POST /__stub/state`). */
export interface InitialState {
  servers?: Array<{ serverId: string; projectId?: string; status?: string }>;
  hyperinstances?: Array<{ hyperinstanceId: string; projectId?: string }>;
  volumes?: Array<{ volumeId: string; projectId?: string; attachedTo?: string }>;
  /** Operations; each may give `lifecycle: { runningAt, finishedAt, outcome, error }` for `timeline`. */
  operations?: Array<OperationInput | Record<string, unknown>>;
  /** How operations started by calls run. */
  lifecycle?: LifecycleSettings;
}

function list(value: unknown, name: string): Record<string, unknown>[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => v === null || typeof v !== 'object')) {
    throw new StubStateError(`invalid state: ${name} must be an array of objects`);
  }
  return value;
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw new StubStateError(`invalid state: ${name} must be a string`);
}

/**
 * Registers servers, supernodes, volumes and operations, in that order, and sets the lifecycle.
 * Every item is checked against the spec as the JS API checks it.
 *
 * @throws {StubStateError} on the first item that breaks the spec.
 * @example
 * loadInitialState(stub.state, { servers: [{ serverId, status: 'STOPPED' }], volumes: [{ volumeId }] });
 */
export function loadInitialState(state: StubState, value: unknown): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new StubStateError('invalid state: must be an object');
  }
  const input = value as Record<string, unknown>;
  for (const server of list(input.servers, 'servers')) {
    state.createServer(server.serverId as string, {
      projectId: optionalString(server.projectId, 'servers[].projectId'),
      status: optionalString(server.status, 'servers[].status'),
    });
  }
  for (const hyper of list(input.hyperinstances, 'hyperinstances')) {
    state.createHyperinstance(hyper.hyperinstanceId as string, {
      projectId: optionalString(hyper.projectId, 'hyperinstances[].projectId'),
    });
  }
  for (const volume of list(input.volumes, 'volumes')) {
    state.createVolume(volume.volumeId as string, {
      projectId: optionalString(volume.projectId, 'volumes[].projectId'),
      attachedTo: optionalString(volume.attachedTo, 'volumes[].attachedTo'),
    });
  }
  for (const operation of list(input.operations, 'operations')) {
    state.createOperation(operationFromJson(operation));
  }
  if (input.lifecycle !== undefined) state.setLifecycle(input.lifecycle as LifecycleSettings);
}
