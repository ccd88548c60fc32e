export { DEFAULT_ACCESS_KEY } from './auth/default-access-key.js';
export { type Clock, createManualClock, type ManualClock, systemClock } from './clock.js';
export type { CorsOption } from './cors.js';
export type {
  ContractCoverage,
  CoverageRatio,
  OperationCoverage,
} from './coverage/coverage-recorder.js';
export {
  type CoverageThresholds,
  checkCoverage,
  formatCoverage,
} from './coverage/format-coverage.js';
export { createStub, type Stub, type StubOptions } from './create-stub.js';
export { StubContractViolation } from './errors/contract-violation.js';
export { StubDroppedConnection } from './errors/dropped-connection.js';
export type { Fault, FaultOptions } from './faults/faults.js';
export type { LatencyOption } from './faults/latency.js';
export {
  JOURNAL_BODY_LIMIT,
  JOURNAL_SIZE,
  type JournalEntry,
} from './journal/request-journal.js';
export type { ContractViolationEntry } from './proxy/contract-violations.js';
export { type ContractProxy, createProxy, type ProxyOptions } from './proxy/create-proxy.js';
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
export { CHECK_NAMES, type CheckName } from './verify/check-names.js';
export { formatReport } from './verify/format-report.js';
export { junitReport } from './verify/junit-report.js';
export type {
  ReportedRequest,
  ReportedResponse,
  VerifyReport,
  Violation,
} from './verify/verify-report.js';
export {
  VerifyConnectionError,
  type VerifyOptions,
  type VerifyProgress,
  verifyServer,
} from './verify/verify-server.js';
