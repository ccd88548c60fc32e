import type { Clock } from '../clock.js';
import type { OperationError, TimelineEntry } from './timeline.js';
import { checkTimelineShape, entryAt } from './timeline.js';

/** An operation to register: it reports the statuses of its timeline as the clock moves. */
export interface OperationInput {
  serverId: string;
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
  serverId: string;
  operationId: string;
  projectId?: string;
  type: string;
  timeline: TimelineEntry[];
  createdAt: number;
}

/** A registered Lite Server. */
export interface StoredServer {
  serverId: string;
  projectId?: string;
}

/** The body of an operation at a time, as ShowServerOperation answers it. */
export interface OperationBody {
  operation_id: string;
  operation_status: string;
  operation_type: string;
  operation_error?: OperationError;
}

/** Thrown when state input breaks the spec (e.g. an `operation_error.code` of 3 characters). */
export class StubStateError extends TypeError {
  override readonly name = 'StubStateError';
}

/** Checks state input against the spec; each returns the problem, or undefined when valid. */
export interface StateChecks {
  server(serverId: string, projectId: string | undefined): string | undefined;
  operation(operation: StoredOperation): string | undefined;
}

/** The stub's state: Lite Servers and their operations. */
export interface StubState {
  /**
   * Registers an operation (and its server). Validated against the spec.
   * @throws {StubStateError} when the input breaks the spec.
   */
  createOperation(input: OperationInput): StoredOperation;
  /** Registers a Lite Server without operations. */
  createServer(serverId: string, options?: { projectId?: string }): StoredServer;
  listOperations(): StoredOperation[];
  listServers(): StoredServer[];
  /** Forgets every server and operation. */
  reset(): void;
  /**
   * Low-level hook: registers an operation WITHOUT validating it, to test how the stub reacts to
   * state the spec does not allow (it refuses to send it: {@link StubContractViolation}).
   */
  insertUnchecked(input: OperationInput): StoredOperation;
  /** Whether any server is known (the not-found rule applies only then). */
  hasServers(): boolean;
  findServer(serverId: string, projectId: string): StoredServer | undefined;
  findOperation(
    serverId: string,
    operationId: string,
    projectId: string,
  ): StoredOperation | undefined;
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

function key(serverId: string, operationId: string): string {
  return `${serverId}\n${operationId}`;
}

function inProject(item: { projectId?: string }, projectId: string): boolean {
  return item.projectId === undefined || item.projectId === projectId;
}

/**
 * Creates an empty state. `checks` validate operations against the spec; `clock` dates them.
 *
 * @example
 * const state = createOperationStore(() => clock, checks);
 * state.createOperation({ serverId, type: 'node_attach_volume', timeline: lifecycleTimeline() });
 */
export function createOperationStore(clock: () => Clock, checks?: StateChecks): StubState {
  const servers = new Map<string, StoredServer>();
  const operations = new Map<string, StoredOperation>();

  const store = (input: OperationInput, validate: boolean): StoredOperation => {
    if (input === null || typeof input !== 'object')
      throw new StubStateError('operation must be an object');
    const operation: StoredOperation = {
      serverId: input.serverId,
      operationId: input.operationId ?? crypto.randomUUID(),
      type: input.type,
      timeline: input.timeline,
      createdAt: input.createdAt ?? clock().now(),
    };
    if (input.projectId !== undefined) operation.projectId = input.projectId;
    if (validate) {
      const problem =
        (typeof operation.serverId !== 'string' ? 'serverId must be a string' : undefined) ??
        (typeof operation.type !== 'string' ? 'type must be a string' : undefined) ??
        (typeof operation.operationId !== 'string' ? 'operationId must be a string' : undefined) ??
        (!Number.isFinite(operation.createdAt) ? 'createdAt must be a number' : undefined) ??
        checkTimelineShape(operation.timeline) ??
        checks?.server(operation.serverId, operation.projectId) ??
        checks?.operation(operation);
      if (problem !== undefined) throw new StubStateError(`invalid operation: ${problem}`);
    }
    operation.timeline = operation.timeline.map((entry) => ({ ...entry }));
    if (!servers.has(operation.serverId)) {
      servers.set(operation.serverId, {
        serverId: operation.serverId,
        projectId: operation.projectId,
      });
    }
    operations.set(key(operation.serverId, operation.operationId), operation);
    return operation;
  };

  return {
    createOperation: (input) => store(input, true),
    insertUnchecked: (input) => store(input, false),
    createServer(serverId, options = {}) {
      if (typeof serverId !== 'string' || serverId === '') {
        throw new StubStateError('invalid server: serverId must be a non-empty string');
      }
      const server: StoredServer = { serverId };
      if (options.projectId !== undefined) server.projectId = options.projectId;
      const problem = checks?.server(serverId, server.projectId);
      if (problem !== undefined) throw new StubStateError(`invalid server: ${problem}`);
      servers.set(serverId, server);
      return server;
    },
    listOperations: () => [...operations.values()],
    listServers: () => [...servers.values()],
    reset() {
      servers.clear();
      operations.clear();
    },
    hasServers: () => servers.size > 0,
    findServer(serverId, projectId) {
      const server = servers.get(serverId);
      return server !== undefined && inProject(server, projectId) ? server : undefined;
    },
    findOperation(serverId, operationId, projectId) {
      const operation = operations.get(key(serverId, operationId));
      return operation !== undefined && inProject(operation, projectId) ? operation : undefined;
    },
  };
}
