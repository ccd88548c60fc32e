import type { AuthConfig } from './auth/authenticate.js';
import type { Clock } from './clock.js';
import type { Cors } from './cors.js';
import type { CoverageRecorder } from './coverage/coverage-recorder.js';
import type { FaultOptions } from './faults/faults.js';
import type { LatencyOption } from './faults/latency.js';
import type { RequestJournal } from './journal/request-journal.js';
import type { RouteTable } from './route-table.js';
import type { Random } from './seeded-random.js';
import type { StateInternals, StubState } from './state/operation-store.js';

/**
 * The live settings and state one stub's app reads on every request. Mutable on purpose: the admin
 * API and the JS API change the clock, faults and latency of a running stub.
 */
export interface StubRuntime {
  routes: RouteTable;
  state: StubState & StateInternals;
  clock: Clock;
  auth: AuthConfig;
  seed: number;
  faults: FaultOptions | undefined;
  latency: LatencyOption | undefined;
  /** The seeded PRNG of latency and faults. */
  random: Random;
  validateResponses: boolean;
  log: ((line: string) => void) | undefined;
  nextRequestId: () => string;
  /** CORS handling, undefined when turned off. */
  cors?: Cors | undefined;
  /** The last API requests answered (`GET /__stub/requests`). */
  journal: RequestJournal;
  /** What the answers covered of the contract (`GET /__stub/coverage`). */
  coverage: CoverageRecorder;
  /** Whether the admin API is served, and the token it requires (none: open). */
  admin: { enabled: boolean; token: string | undefined };
}
