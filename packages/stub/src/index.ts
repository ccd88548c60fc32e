export { DEFAULT_ACCESS_KEY } from './auth/default-access-key.js';
export { type Clock, createManualClock, type ManualClock, systemClock } from './clock.js';
export type { CorsOption } from './cors.js';
export { createStub, type Stub, type StubOptions } from './create-stub.js';
export { StubContractViolation } from './errors/contract-violation.js';
export { StubDroppedConnection } from './errors/dropped-connection.js';
export type { Fault, FaultOptions } from './faults/faults.js';
export type { LatencyOption } from './faults/latency.js';
export type { Preference } from './responses/prefer.js';
export type * from './route-table.js';
export type { InitialState } from './state/initial-state.js';
export type {
  LifecycleSettings,
  OperationMatch,
  OperationScript,
} from './state/lifecycle-settings.js';
export {
  type OperationBody,
  type OperationInput,
  type ServerOptions,
  type StoredOperation,
  type StoredServer,
  type StubState,
  StubStateError,
} from './state/operation-store.js';
export {
  type LifecycleOptions,
  lifecycleTimeline,
  type OperationError,
  type TimelineEntry,
} from './state/timeline.js';
export type { StoredVolume, VolumeInput } from './state/volume-store.js';
