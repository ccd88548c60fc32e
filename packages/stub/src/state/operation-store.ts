import type { Clock } from '../clock.js';
import {
  createLifecycleSettings,
  type LifecycleSettings,
  type OperationScript,
} from './lifecycle-settings.js';
import { StubStateError } from './stub-state-error.js';
import type { OperationError, TimelineEntry } from './timeline.js';
import { checkTimelineShape, entryAt } from './timeline.js';
import { createVolumeStore, type StoredVolume, type VolumeInput } from './volume-store.js';

/** The owner kind of operations registered with `serverId`. */
export const SERVER = 'server';
/** The owner kind of operations registered with `hyperinstanceId`. */
export const HYPERINSTANCE = 'hyperinstance';

/** An operation to register: it reports the statuses of its timeline as the clock moves. */
export interface OperationInput {
  /** The Lite Server it runs on (read with ShowServerOperation). */
  serverId?: string;
  /** Or the supernode it runs on (read with GetHyperinstanceOperation). */
  hyperinstanceId?: string;
  /** Default: a random UUID. */
  operationId?: string;
  /** When set, the operation is only found under this project; otherwise under any. */
  projectId?: string;
  /** The `operation_type`, e.g. `node_attach_volume`. */
  type: string;
  timeline: TimelineEntry[];
  /** Creation time (ms since epoch); default: the stub clock's now. */
  createdAt?: number;
}

/** A registered operation. */
export interface StoredOperation {
  /** Kind of the entity it runs on: `server`, `hyperinstance` (or another kind the spec reads). */
  owner: string;
  ownerId: string;
  serverId?: string;
  hyperinstanceId?: string;
  operationId: string;
  projectId?: string;
  type: string;
  timeline: TimelineEntry[];
  createdAt: number;
}

/** A registered Lite Server (or supernode, for `kind: 'hyperinstance'`). */
export interface StoredServer {
  serverId: string;
  projectId?: string;
  /** Lite Server status, e.g. `RUNNING` (default) or `STOPPED`; starting calls check it. */
  status: string;
}

/** Options of {@link StubState.createServer}. */
export interface ServerOptions {
  projectId?: string;
  /** Default `RUNNING`. Attach and Detach need `RUNNING` or `STOPPED` (per the spec). */
  status?: string;
}

/** The body of an operation at a time, as ShowServerOperation answers it. */
export interface OperationBody {
  operation_id: string;
  operation_status: string;
  operation_type: string;
  operation_error?: OperationError;
}

export { StubStateError };

/** Checks state input against the spec; each returns the problem, or undefined when valid. */
export interface StateChecks {
  owner(kind: string, id: string, projectId: string | undefined): string | undefined;
  operation(operation: StoredOperation): string | undefined;
}

/** The stub's state: Lite Servers, supernodes, volumes, their operations and how new ones run. */
export interface StubState {
  /**
   * Registers an operation (and its server or supernode). Validated against the spec.
   * @throws {StubStateError} when the input breaks the spec.
   */
  createOperation(input: OperationInput): StoredOperation;
  /** Registers a Lite Server, with a status (default `RUNNING`). */
  createServer(serverId: string, options?: ServerOptions): StoredServer;
  /** Registers a supernode (hyperinstance). */
  createHyperinstance(hyperinstanceId: string, options?: { projectId?: string }): StoredServer;
  /** Registers a volume, free or attached to a server. */
  createVolume(volumeId: string, options?: Omit<VolumeInput, 'volumeId'>): StoredVolume;
  listOperations(): StoredOperation[];
  listServers(): StoredServer[];
  listHyperinstances(): StoredServer[];
  /** Volumes as they are at the clock's now (attach/detach operations that ended are applied). */
  listVolumes(): StoredVolume[];
  /**
   * Changes how operations started from now on run (durations, outcome, error), over the spec's
   * `x-modelarts-operation-lifecycle`; undefined restores the spec's.
   */
  setLifecycle(settings: LifecycleSettings | undefined): LifecycleSettings;
  /** The lifecycle settings in force over the spec's (`{}` when none). */
  getLifecycle(): LifecycleSettings;
  /** Scripts the next operation (or `times` / every matching one, with `persistent`). */
  scriptOperations(script: OperationScript): OperationScript;
  listScripts(): OperationScript[];
  clearScripts(): void;
  /** Forgets every server, volume, operation, script and lifecycle setting. */
  reset(): void;
  /**
   * Low-level hook: registers an operation WITHOUT validating it, to test how the stub reacts to
   * state the spec does not allow (it refuses to send it: {@link StubContractViolation}).
   */
  insertUnchecked(input: OperationInput): StoredOperation;
  /** Whether any Lite Server is known (the not-found rule applies only then). */
  hasServers(): boolean;
}

/** The parts of the state the lifecycle runs on; not part of the public API. */
export interface StateInternals {
  hasOwners(kind: string): boolean;
  findOwner(kind: string, id: string, projectId: string): StoredServer | undefined;
  findOperation(
    kind: string,
    ownerId: string,
    operationId: string,
    projectId: string,
  ): StoredOperation | undefined;
  /** Stores a started operation without registering its owner. */
  storeStarted(operation: StoredOperation): void;
  volumes: ReturnType<typeof createVolumeStore>;
  settings: ReturnType<typeof createLifecycleSettings>;
}

/**
 * The body an operation reports `now`.
 *
 * @example
 * operationBodyAt(operation, clock.now()).operation_status; // 'running'
 */
export function operationBodyAt(operation: StoredOperation, now: number): OperationBody {
  const entry = entryAt(operation.timeline, now - operation.createdAt);
  const body: OperationBody = {
    operation_id: operation.operationId,
    operation_status: entry.status,
    operation_type: operation.type,
  };
  if (entry.error !== undefined) body.operation_error = entry.error;
  return body;
}

function key(...parts: string[]): string {
  return parts.join('\n');
}

function inProject(item: { projectId?: string }, projectId: string): boolean {
  return item.projectId === undefined || item.projectId === projectId;
}

function ownerOf(input: OperationInput): { kind: string; id: unknown } {
  return input.hyperinstanceId !== undefined
    ? { kind: HYPERINSTANCE, id: input.hyperinstanceId }
    : { kind: SERVER, id: input.serverId };
}

/**
 * Creates an empty state. `checks` validate input against the spec; `clock` dates operations.
 *
 * @example
 * const state = createOperationStore(() => clock, checks);
 * state.createOperation({ serverId, type: 'node_attach_volume', timeline: lifecycleTimeline() });
 */
export function createOperationStore(
  clock: () => Clock,
  checks?: StateChecks,
): StubState & StateInternals {
  const owners = new Map<string, StoredServer>();
  const ownerKinds = new Map<string, number>();
  const operations = new Map<string, StoredOperation>();
  const volumes = createVolumeStore(() => clock().now());
  const settings = createLifecycleSettings(checks);

  const addOwner = (kind: string, server: StoredServer) => {
    const k = key(kind, server.serverId);
    if (!owners.has(k)) ownerKinds.set(kind, (ownerKinds.get(kind) ?? 0) + 1);
    owners.set(k, server);
  };
  const registerOwner = (
    kind: string,
    id: string,
    options: ServerOptions,
    what: string,
  ): StoredServer => {
    if (typeof id !== 'string' || id === '') {
      throw new StubStateError(`invalid ${what}: id must be a non-empty string`);
    }
    if (
      options.status !== undefined &&
      (typeof options.status !== 'string' || options.status === '')
    ) {
      throw new StubStateError(`invalid ${what}: status must be a non-empty string`);
    }
    const server: StoredServer = { serverId: id, status: options.status ?? 'RUNNING' };
    if (options.projectId !== undefined) server.projectId = options.projectId;
    const problem = checks?.owner(kind, id, server.projectId);
    if (problem !== undefined) throw new StubStateError(`invalid ${what}: ${problem}`);
    addOwner(kind, server);
    return server;
  };

  const store = (input: OperationInput, validate: boolean): StoredOperation => {
    if (input === null || typeof input !== 'object')
      throw new StubStateError('operation must be an object');
    const owner = ownerOf(input);
    const operation: StoredOperation = {
      owner: owner.kind,
      ownerId: owner.id as string,
      operationId: input.operationId ?? crypto.randomUUID(),
      type: input.type,
      timeline: input.timeline,
      createdAt: input.createdAt ?? clock().now(),
    };
    if (owner.kind === SERVER) operation.serverId = owner.id as string;
    else operation.hyperinstanceId = owner.id as string;
    if (input.projectId !== undefined) operation.projectId = input.projectId;
    if (validate) {
      const problem =
        (typeof owner.id !== 'string' ? `${owner.kind}Id must be a string` : undefined) ??
        (typeof operation.type !== 'string' ? 'type must be a string' : undefined) ??
        (typeof operation.operationId !== 'string' ? 'operationId must be a string' : undefined) ??
        (!Number.isFinite(operation.createdAt) ? 'createdAt must be a number' : undefined) ??
        checkTimelineShape(operation.timeline) ??
        checks?.owner(owner.kind, operation.ownerId, operation.projectId) ??
        checks?.operation(operation);
      if (problem !== undefined) throw new StubStateError(`invalid operation: ${problem}`);
    }
    operation.timeline = operation.timeline.map((entry) => ({ ...entry }));
    if (!owners.has(key(owner.kind, operation.ownerId))) {
      const server: StoredServer = { serverId: operation.ownerId, status: 'RUNNING' };
      if (operation.projectId !== undefined) server.projectId = operation.projectId;
      addOwner(owner.kind, server);
    }
    operations.set(key(owner.kind, operation.ownerId, operation.operationId), operation);
    return operation;
  };

  const ownersOf = (kind: string) =>
    [...owners.entries()].filter(([k]) => k.startsWith(`${kind}\n`)).map(([, v]) => v);

  return {
    createOperation: (input) => store(input, true),
    insertUnchecked: (input) => store(input, false),
    createServer: (serverId, options = {}) => registerOwner(SERVER, serverId, options, 'server'),
    createHyperinstance: (id, options = {}) =>
      registerOwner(HYPERINSTANCE, id, { projectId: options.projectId }, 'hyperinstance'),
    createVolume(volumeId, options = {}) {
      if (options.attachedTo !== undefined) {
        const problem = checks?.owner(SERVER, options.attachedTo, options.projectId);
        if (problem !== undefined)
          throw new StubStateError(`invalid volume: attachedTo: ${problem}`);
      }
      try {
        return volumes.create({ ...options, volumeId });
      } catch (error) {
        throw new StubStateError((error as Error).message);
      }
    },
    listOperations: () => [...operations.values()],
    listServers: () => ownersOf(SERVER),
    listHyperinstances: () => ownersOf(HYPERINSTANCE),
    listVolumes: () => volumes.list(),
    setLifecycle: (value) => settings.setDefaults(value),
    getLifecycle: () => settings.defaults(),
    scriptOperations: (script) => settings.addScript(script),
    listScripts: () => settings.scripts(),
    clearScripts: () => settings.clearScripts(),
    reset() {
      owners.clear();
      ownerKinds.clear();
      operations.clear();
      volumes.clear();
      settings.reset();
    },
    hasServers: () => (ownerKinds.get(SERVER) ?? 0) > 0,
    hasOwners: (kind) => (ownerKinds.get(kind) ?? 0) > 0,
    findOwner(kind, id, projectId) {
      const server = owners.get(key(kind, id));
      return server !== undefined && inProject(server, projectId) ? server : undefined;
    },
    findOperation(kind, ownerId, operationId, projectId) {
      // A stateless stub (no operation registered or started) answers every read from the spec:
      // no key to build.
      if (operations.size === 0) return undefined;
      const operation = operations.get(`${kind}\n${ownerId}\n${operationId}`);
      return operation !== undefined && inProject(operation, projectId) ? operation : undefined;
    },
    storeStarted(operation) {
      operations.set(key(operation.owner, operation.ownerId, operation.operationId), operation);
    },
    volumes,
    settings,
  };
}
