import { gatewayError } from '../errors/error-bodies.js';

/** A request API Gateway refuses before it reaches the API: the status and its error body. */
export interface GatewayRejection {
  readonly status: 400 | 408 | 413 | 414 | 494;
  readonly errorCode: string;
  readonly errorMsg: string;
}

/**
 * The gateway's refusals. APIGW.0201 (400, 413) is the shared gateway's code; 414 and 494 are only
 * documented in the dedicated gateway's table, under APIG.0201. 408 is not documented by Huawei:
 * it is the stub's answer to a client too slow to send its request (nginx's, whom API Gateway is
 * built on).
 */
export const REJECTIONS: Readonly<
  Record<
    'badRequest' | 'timeout' | 'bodyTooLarge' | 'uriTooLong' | 'headersTooLarge',
    GatewayRejection
  >
> = {
  badRequest: { status: 400, errorCode: 'APIGW.0201', errorMsg: 'Invalid request' },
  timeout: { status: 408, errorCode: 'APIGW.0201', errorMsg: 'Request timeout' },
  bodyTooLarge: { status: 413, errorCode: 'APIGW.0201', errorMsg: 'Request entity too large' },
  uriTooLong: { status: 414, errorCode: 'APIG.0201', errorMsg: 'Request-URI too large' },
  headersTooLarge: {
    status: 494,
    errorCode: 'APIG.0201',
    errorMsg: 'Request header or cookie too large',
  },
};

/**
 * The rejection as a JSON body string, with the request id the response carries.
 *
 * @example
 * rejectionBody(REJECTIONS.uriTooLong, requestId); // '{"error_code":"APIG.0201",…}'
 */
export function rejectionBody(rejection: GatewayRejection, requestId: string): string {
  return JSON.stringify(gatewayError(rejection.errorCode, rejection.errorMsg, requestId));
}

/**
 * The rejection as a web Response with `X-Request-Id`.
 *
 * @example
 * return rejectionResponse(REJECTIONS.bodyTooLarge, nextRequestId());
 */
export function rejectionResponse(rejection: GatewayRejection, requestId: string): Response {
  return new Response(rejectionBody(rejection, requestId), {
    status: rejection.status,
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
  });
}
