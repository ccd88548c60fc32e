export type { Credentials } from '@modelarts-lite/signer';
export type {
  ErrorBody,
  GatewayErrorBody,
  OperationDetails,
  OperationStatus,
  paths,
  ServerOperationError,
} from '@modelarts-lite/types';
export {
  createModelArtsClient,
  type ModelArtsAuth,
  type ModelArtsClient,
  type ModelArtsClientOptions,
  type ModelArtsEndpoint,
} from './create-client.js';
export {
  ModelArtsApiError,
  type ModelArtsApiErrorInit,
} from './errors/model-arts-api-error.js';
export { OperationFailedError } from './errors/operation-failed-error.js';
export { OperationTimeoutError } from './errors/operation-timeout-error.js';
export {
  ResponseBodyError,
  type ResponseBodyErrorInit,
} from './errors/response-body-error.js';
export { type AkskAuthOptions, akskAuth, type CredentialsSource } from './middleware/aksk-auth.js';
export { projectIdHeader } from './middleware/project-id.js';
export { IDEMPOTENT_METHODS, type RetryOptions, retry } from './middleware/retry.js';
export { timeout } from './middleware/timeout.js';
export { type TokenSource, tokenAuth } from './middleware/token-auth.js';
export {
  defaultRegion,
  endpointOf,
  isRegion,
  type Region,
  regionEndpoints,
  regions,
} from './regions.js';
export { DEFAULT_RETRY_METHODS } from './retry-methods.js';
export type { Sleep } from './sleep.js';
export { type SuccessData, unwrap } from './unwrap.js';
export {
  type OperationRef,
  type WaitForOperationOptions,
  waitForOperation,
} from './wait-for-operation.js';
