import type { knownValues } from './generated/known-values.gen.js';
import type { components, operations } from './generated/schema.gen.js';

export { knownValues, terminalValues } from './generated/known-values.gen.js';
export type { $defs, components, operations, paths, webhooks } from './generated/schema.gen.js';

type Schemas = components['schemas'];

/** The 200 body of `GET /v1/{project_id}/dev-servers/{id}/operation/{operation_id}`. */
export type OperationDetails = Schemas['OperationDetails'];
/** The error of a failed operation (`operation_error`). */
export type ServerOperationError = Schemas['ServerOperationError'];
/** ModelArts' error body: `error_code`, `error_msg`, and `request_id` on gateway errors. */
export type ErrorBody = Schemas['ErrorBody'];
/** An API Gateway error body, which always carries `request_id`. */
export type GatewayErrorBody = Schemas['GatewayErrorBody'];

/** The operation statuses the API documents. */
export type KnownOperationStatus = (typeof knownValues.OperationStatus)[number];
/**
 * An operation status: one of the documented ones, or any other string the service may send.
 * `(string & {})` keeps editor completion for the known values without rejecting new ones.
 */
export type OperationStatus = KnownOperationStatus | (string & {});
/** The operation types seen in the API's documentation. */
export type KnownOperationType = (typeof knownValues.OperationType)[number];
/** An operation type: a documented one, or any other string. */
export type OperationType = KnownOperationType | (string & {});

/** Path parameters of ShowServerOperation (obtaining operation details). */
export type ShowServerOperationPath = operations['ShowServerOperation']['parameters']['path'];

/** The JSON body of AttachDevServerVolume: `{ volume_id }`. */
export type AttachVolumeRequest = Schemas['AttachServerVolumeRequest'];
/** The 200 body of AttachDevServerVolume: the operation it started (a UUID `operation_id`). */
export type AttachVolumeResult = Schemas['AttachDevServerVolumeResponse'];
/** The 200 body of DetachDevServerVolume: the operation it started. */
export type DetachVolumeResult =
  operations['DetachDevServerVolume']['responses'][200]['content']['application/json'];

/** Path parameters of AttachDevServerVolume. */
export type AttachDevServerVolumePath = operations['AttachDevServerVolume']['parameters']['path'];
/** Path parameters of DetachDevServerVolume. */
export type DetachDevServerVolumePath = operations['DetachDevServerVolume']['parameters']['path'];
/** Path parameters of GetHyperinstanceOperation (supernode operation details). */
export type GetHyperinstanceOperationPath =
  operations['GetHyperinstanceOperation']['parameters']['path'];
