import { describe, expectTypeOf, it } from 'vitest';
import type {
  AttachDevServerVolumePath,
  AttachVolumeRequest,
  AttachVolumeResult,
  DetachDevServerVolumePath,
  DetachVolumeResult,
  ErrorBody,
  GatewayErrorBody,
  GetHyperinstanceOperationPath,
  KnownOperationStatus,
  knownValues,
  OperationDetails,
  OperationStatus,
  operations,
  paths,
  ServerOperationError,
  ShowServerOperationPath,
  terminalValues,
} from './index.js';

type OperationPath = paths['/v1/{project_id}/dev-servers/{id}/operation/{operation_id}'];

describe('aliases', () => {
  it('OperationDetails has the response table fields, operation_error optional', () => {
    expectTypeOf<OperationDetails['operation_id']>().toEqualTypeOf<string>();
    expectTypeOf<OperationDetails['operation_status']>().toEqualTypeOf<string>();
    expectTypeOf<OperationDetails['operation_type']>().toEqualTypeOf<string>();
    expectTypeOf<OperationDetails['operation_error']>().toEqualTypeOf<
      ServerOperationError | undefined
    >();
    // @ts-expect-error operation_status is required
    const missing: OperationDetails = { operation_id: 'a', operation_type: 'b' };
    void missing;
  });

  it('ServerOperationError has code and message', () => {
    expectTypeOf<ServerOperationError>().toEqualTypeOf<{ code?: string; message?: string }>();
  });

  it('ErrorBody carries error_code, error_msg and an optional request_id', () => {
    expectTypeOf<ErrorBody['error_code']>().toEqualTypeOf<string>();
    expectTypeOf<ErrorBody['error_msg']>().toEqualTypeOf<string>();
    expectTypeOf<ErrorBody['request_id']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<GatewayErrorBody['request_id']>().toEqualTypeOf<string>();
  });

  it('KnownOperationStatus is exactly the documented statuses', () => {
    expectTypeOf<KnownOperationStatus>().toEqualTypeOf<
      'pending' | 'running' | 'success' | 'failed'
    >();
    // @ts-expect-error not a documented status
    const unknown: KnownOperationStatus = 'rolling_back';
    void unknown;
  });

  it('OperationStatus keeps the known values and still accepts unknown strings', () => {
    expectTypeOf<'pending'>().toExtend<OperationStatus>();
    expectTypeOf<'rolling_back'>().toExtend<OperationStatus>();
    expectTypeOf<OperationStatus>().toExtend<string>();
    // @ts-expect-error not a string
    const notString: OperationStatus = 7;
    void notString;
  });
});

describe('paths and operations', () => {
  it('types the three path parameters as required strings', () => {
    expectTypeOf<ShowServerOperationPath>().toEqualTypeOf<{
      project_id: string;
      id: string;
      operation_id: string;
    }>();
    expectTypeOf<OperationPath['parameters']['path']>().toEqualTypeOf<ShowServerOperationPath>();
    // @ts-expect-error operation_id is required
    const missing: ShowServerOperationPath = { project_id: 'p', id: 'i' };
    // @ts-expect-error path parameters are strings
    const wrong: ShowServerOperationPath = { project_id: 'p', id: 'i', operation_id: 1 };
    void missing;
    void wrong;
  });

  it('types the optional X-Project-Id header', () => {
    expectTypeOf<operations['ShowServerOperation']['parameters']['header']>().toEqualTypeOf<
      { 'X-Project-Id'?: string } | undefined
    >();
  });

  it('only GET is defined on the operation path', () => {
    expectTypeOf<OperationPath['get']>().toEqualTypeOf<operations['ShowServerOperation']>();
    expectTypeOf<OperationPath['post']>().toEqualTypeOf<undefined>();
    expectTypeOf<OperationPath['delete']>().toEqualTypeOf<undefined>();
  });

  it('maps each documented status code to its body', () => {
    type Responses = operations['ShowServerOperation']['responses'];
    expectTypeOf<Responses[200]['content']['application/json']>().toEqualTypeOf<OperationDetails>();
    expectTypeOf<Responses[400]['content']['application/json']>().toEqualTypeOf<ErrorBody>();
    expectTypeOf<Responses[401]['content']['application/json']>().toEqualTypeOf<GatewayErrorBody>();
    expectTypeOf<Responses>().toHaveProperty(429);
    expectTypeOf<Responses>().toHaveProperty(500);
  });
});

describe('operation-starting aliases', () => {
  it('AttachVolumeRequest needs volume_id', () => {
    expectTypeOf<AttachVolumeRequest>().toEqualTypeOf<{ volume_id: string }>();
    // @ts-expect-error volume_id is required
    const empty: AttachVolumeRequest = {};
    void empty;
  });

  it('AttachVolumeResult carries the three operation fields, no operation_error', () => {
    expectTypeOf<AttachVolumeResult['operation_id']>().toEqualTypeOf<string>();
    expectTypeOf<AttachVolumeResult['operation_status']>().toEqualTypeOf<string>();
    expectTypeOf<AttachVolumeResult['operation_type']>().toEqualTypeOf<string>();
    expectTypeOf<AttachVolumeResult>().not.toHaveProperty('operation_error');
  });

  it('DetachVolumeResult is OperationDetails, shared with the GETs', () => {
    expectTypeOf<DetachVolumeResult>().toEqualTypeOf<OperationDetails>();
    expectTypeOf<
      operations['GetHyperinstanceOperation']['responses'][200]['content']['application/json']
    >().toEqualTypeOf<OperationDetails>();
  });

  it('path aliases follow the spec', () => {
    expectTypeOf<AttachDevServerVolumePath>().toEqualTypeOf<{ project_id: string; id: string }>();
    expectTypeOf<DetachDevServerVolumePath>().toEqualTypeOf<{
      project_id: string;
      id: string;
      volume_id: string;
    }>();
    expectTypeOf<GetHyperinstanceOperationPath>().toEqualTypeOf<{
      project_id: string;
      id: string;
      operation_id: string;
    }>();
  });
});

// The generated values are `as const` literals, so their types are the values themselves: these
// equalities check what the spec documents, with no runtime (and no vitest process) needed.
describe('known values', () => {
  it('lists the documented statuses and types from the spec', () => {
    expectTypeOf<(typeof knownValues)['OperationStatus']>().toEqualTypeOf<
      readonly ['pending', 'running', 'success', 'failed']
    >();
    expectTypeOf<(typeof knownValues)['OperationType']>().toEqualTypeOf<
      readonly ['node_attach_volume', 'node_detach_volume']
    >();
  });

  it('marks success and failed as terminal', () => {
    expectTypeOf<(typeof terminalValues)['OperationStatus']>().toEqualTypeOf<
      readonly ['success', 'failed']
    >();
  });
});
