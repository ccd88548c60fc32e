import type { Hono } from 'hono';
import { createApp } from './app.js';
import { DEFAULT_ACCESS_KEY } from './auth/default-access-key.js';
import { type Clock, systemClock } from './clock.js';
import { type CorsOption, createCors } from './cors.js';
import { type ContractCoverage, createCoverageRecorder } from './coverage/coverage-recorder.js';
import { checkFaults, type FaultOptions } from './faults/faults.js';
import { checkLatency, type LatencyOption } from './faults/latency.js';
import { checkWebRequestSize } from './gateway/check-request-size.js';
import { rejectionResponse } from './gateway/gateway-rejection.js';
import { routeTable as generatedRoutes } from './generated/routes.gen.js';
import { clearOnReset } from './journal/clear-on-reset.js';
import { createRequestJournal, type JournalEntry } from './journal/request-journal.js';
import { createRequestIdGenerator } from './request-id.js';
import type { RouteTable } from './route-table.js';
import type { StubRuntime } from './runtime.js';
import { createSeededRandom } from './seeded-random.js';
import { type InitialState, loadInitialState } from './state/initial-state.js';
import type { LifecycleSettings } from './state/lifecycle-settings.js';
import {
  createOperationStore,
  type OperationInput,
  type StateInternals,
  type StubState,
} from './state/operation-store.js';
import { stateChecksFor } from './state/state-checks.js';

/** Options of {@link createStub}. */
export interface StubOptions {
  /** Seed of latency, faults and `Prefer: dynamic=true` data. Default 1. */
  seed?: number;
  /** Accepted IAM tokens. Default: any non-empty `X-Auth-Token`. */
  tokens?: Iterable<string>;
  /** Secret key by access key id. Default: {@link DEFAULT_ACCESS_KEY}. */
  accessKeys?: Record<string, string> | ReadonlyMap<string, string>;
  /** Clock of timelines and of the AK/SK date rule. Default: the system clock. */
  clock?: Clock;
  /** Latency added to API requests, in ms. */
  latency?: LatencyOption;
  /** Fault injection on API requests. */
  faults?: FaultOptions;
  /** Operations to register at start. */
  operations?: OperationInput[];
  /** Servers, supernodes and volumes to register at start (operations too, as `operations`). */
  state?: InitialState;
  /** How operations started by calls run (durations, outcome, error); default the spec's. */
  lifecycle?: LifecycleSettings;
  /** CORS on API and stub routes: on by default (any origin), `false` turns it off. */
  cors?: CorsOption;
  /** Log one line per request: `true` for console.log, or a sink. */
  log?: boolean | ((line: string) => void);
  /** Check every response against the spec before sending it. Default true. */
  validateResponses?: boolean;
  /** Route table to serve. Default: the one generated from @modelarts-lite/spec. */
  routes?: RouteTable;
  /** Serve the admin API under `/__stub/`. Default true; false answers its paths 404. */
  admin?: boolean;
  /** Require this token on admin requests (`X-Stub-Admin-Token` or `Authorization: Bearer`). */
  adminToken?: string;
}

/** A running stub. */
export interface Stub {
  /** The Hono app (serve it, mount it, or call `app.fetch`). */
  readonly app: Hono;
  /**
   * A `fetch` answering from the stub in-process, whatever the URL's host: hand it to a client
   * with any base URL. Rejects with {@link StubContractViolation} on a contract violation and
   * with a TypeError on a dropped connection.
   */
  readonly fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  readonly state: StubState;
  /** The clock in use (a manual one once the admin API set it). */
  readonly clock: Clock;
  readonly routes: RouteTable;
  /** Changes or (with undefined) removes fault injection. */
  setFaults(faults: FaultOptions | undefined): void;
  /** Changes or (with undefined) removes added latency. */
  setLatency(latency: LatencyOption | undefined): void;
  /**
   * The last API requests answered, oldest first (a ring of 1000; credentials redacted), optionally
   * those of one operation (`null`: unknown routes). Cleared by `state.reset()`.
   */
  requests(filter?: { operationId?: string | null }): JournalEntry[];
  /** Which operations, statuses, examples and parameter constraints the answers covered. */
  coverage(): ContractCoverage;
}

function accessKeyMap(keys: StubOptions['accessKeys']): ReadonlyMap<string, string> {
  if (keys === undefined) {
    return new Map([[DEFAULT_ACCESS_KEY.accessKeyId, DEFAULT_ACCESS_KEY.secretAccessKey]]);
  }
  return keys instanceof Map ? keys : new Map(Object.entries(keys));
}

/**
 * Creates a stub of the ModelArts Lite Server API.
 *
 * @throws {RangeError} on invalid latency or faults (e.g. a fault status the spec does not declare).
 * @throws {StubStateError} when preloaded state or lifecycle settings break the spec.
 * @example
 * const stub = createStub({ clock: createManualClock(0) });
 * const client = createModelArtsClient({ baseUrl: 'https://modelarts.test', auth: { token: 't' }, fetch: stub.fetch });
 */
export function createStub(options: StubOptions = {}): Stub {
  return createStubAdjusted(options, () => {});
}

/**
 * {@link createStub} with a hook that may replace parts of the runtime before the app is built:
 * the benchmark's ablation switches the request journal or the coverage counts off with it, to
 * measure what each costs per request. Internal: the package's exports map does not reach it.
 *
 * @example
 * const stub = createStubAdjusted({}, (runtime) => {
 *   runtime.coverage = { ...runtime.coverage, answered() {} };
 * });
 */
export function createStubAdjusted(
  options: StubOptions,
  adjust: (runtime: StubRuntime) => void,
): Stub {
  const routes = options.routes ?? generatedRoutes;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
  if (options.latency !== undefined) checkLatency(options.latency);
  if (options.faults !== undefined) checkFaults(options.faults, routes);
  if (options.adminToken !== undefined && options.adminToken.trim() === '') {
    throw new RangeError('adminToken must not be empty');
  }
  const log = options.log === true ? (line: string) => console.log(line) : options.log || undefined;

  const runtime: StubRuntime = {
    routes,
    clock: options.clock ?? systemClock,
    state: undefined as unknown as StubState & StateInternals,
    auth: {
      accessKeys: accessKeyMap(options.accessKeys),
      clock: () => runtime.clock,
      ...(options.tokens === undefined ? {} : { tokens: new Set(options.tokens) }),
    },
    seed,
    faults: options.faults,
    latency: options.latency,
    random: createSeededRandom(seed),
    validateResponses: options.validateResponses ?? true,
    log,
    nextRequestId: createRequestIdGenerator(),
    cors: createCors(options.cors ?? true),
    journal: createRequestJournal(),
    coverage: createCoverageRecorder(routes),
    admin: { enabled: options.admin ?? true, token: options.adminToken },
  };
  runtime.state = clearOnReset(
    createOperationStore(() => runtime.clock, stateChecksFor(routes)),
    runtime.journal,
  );
  for (const operation of options.operations ?? []) runtime.state.createOperation(operation);
  if (options.state !== undefined) loadInitialState(runtime.state, options.state);
  if (options.lifecycle !== undefined) runtime.state.setLifecycle(options.lifecycle);
  adjust(runtime);

  const app = createApp(runtime);
  return {
    app,
    fetch: (input, init) => {
      // A path alone is accepted for convenience; it has no host to resolve against otherwise.
      const target =
        typeof input === 'string' && input.startsWith('/') ? `http://localhost${input}` : input;
      const request =
        target instanceof Request && init === undefined ? target : new Request(target, init);
      const rejection = checkWebRequestSize(request);
      if (rejection !== undefined) {
        return Promise.resolve(rejectionResponse(rejection, runtime.nextRequestId()));
      }
      // Handlers answer synchronously where they can, so errors may be thrown rather than rejected.
      try {
        return Promise.resolve(app.fetch(request));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    state: runtime.state,
    get clock() {
      return runtime.clock;
    },
    routes,
    setFaults(faults) {
      if (faults !== undefined) checkFaults(faults, routes);
      runtime.faults = faults;
    },
    setLatency(latency) {
      if (latency !== undefined) checkLatency(latency);
      runtime.latency = latency;
    },
    requests: (filter) => runtime.journal.list(filter),
    coverage: () => runtime.coverage.snapshot(),
  };
}
