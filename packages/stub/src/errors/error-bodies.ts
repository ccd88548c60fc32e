/** ModelArts' and API Gateway's error codes and messages the stub answers with. */
export const ERRORS = {
  unknownApi: {
    error_code: 'APIGW.0101',
    error_msg: 'The API does not exist or has not been published in the environment',
  },
  unauthorized: 'APIGW.0301',
  parameter: 'ModelArts.0104',
  serverNotFound: { error_code: 'ModelArts.6404', error_msg: 'DevServer does not exist.' },
  operationNotFound: { error_code: 'ModelArts.0102', error_msg: 'The resource does not exist.' },
  internal: { error_code: 'ModelArts.0010', error_msg: 'Internal server error.' },
  /** Not a ModelArts code: the stub's own answer to a `Prefer` header it cannot honour. */
  prefer: 'STUB.Prefer',
} as const;

/** Prefix of every APIGW.0301 message, as API Gateway words it. */
export const IAM_MESSAGE = 'Incorrect IAM authentication information';

/** An error body as ModelArts and API Gateway send it. */
export interface ErrorBody {
  error_code: string;
  error_msg: string;
  request_id?: string;
}

/**
 * Builds an API Gateway error body, which carries the request id.
 *
 * @example
 * gatewayError('APIGW.0301', 'Incorrect IAM authentication information: x-auth-token not found', id);
 */
export function gatewayError(code: string, message: string, requestId: string): ErrorBody {
  return { error_code: code, error_msg: message, request_id: requestId };
}

/**
 * Serialises the gateway's 404 (unknown path or method) as a ready Response.
 *
 * @example
 * app.notFound(() => unknownApiResponse(nextRequestId()));
 */
export function unknownApiResponse(requestId: string): Response {
  return new Response(JSON.stringify({ ...ERRORS.unknownApi, request_id: requestId }), {
    status: 404,
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
  });
}

/**
 * Serialises ModelArts' 500 (an error of the stub itself) as a ready Response.
 *
 * @example
 * app.onError(() => internalErrorResponse(nextRequestId()));
 */
export function internalErrorResponse(requestId: string): Response {
  return new Response(JSON.stringify(ERRORS.internal), {
    status: 500,
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
  });
}
