import { type GatewayRejection, REJECTIONS } from './gateway-rejection.js';
import { GATEWAY_LIMITS, type GatewayLimits } from './limits.js';

/**
 * Checks a request's URI, headers and declared body length against the gateway's limits. The
 * headers come as a flat `[name, value, name, value, …]` list (Node's `rawHeaders`), so that a
 * repeated header counts once per line, as on the wire. Returns the refusal, or undefined.
 *
 * @example
 * const rejection = checkRequestSize(incoming.url, incoming.rawHeaders);
 * if (rejection) return rejectionResponse(rejection, requestId);
 */
export function checkRequestSize(
  target: string,
  rawHeaders: readonly string[],
  limits: GatewayLimits = GATEWAY_LIMITS,
): GatewayRejection | undefined {
  if (target.length > limits.uriBytes) return REJECTIONS.uriTooLong;
  let total = 0;
  let contentLength: string | undefined;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    const value = rawHeaders[i + 1] as string;
    const size = name.length + value.length;
    if (size > limits.headerBytes) return REJECTIONS.headersTooLarge;
    total += size;
    if (name.length === 14 && name.toLowerCase() === 'content-length') contentLength = value;
  }
  if (total > limits.headersBytes) return REJECTIONS.headersTooLarge;
  if (contentLength !== undefined && Number(contentLength) > limits.bodyBytes) {
    return REJECTIONS.bodyTooLarge;
  }
  return undefined;
}

/**
 * The same check for a web Request (in-process use): the target is the URL's path and query.
 *
 * @example
 * const rejection = checkWebRequestSize(request);
 */
export function checkWebRequestSize(
  request: Request,
  limits: GatewayLimits = GATEWAY_LIMITS,
): GatewayRejection | undefined {
  const url = request.url;
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const raw: string[] = [];
  request.headers.forEach((value, name) => {
    raw.push(name, value);
  });
  return checkRequestSize(start < 0 ? '/' : url.slice(start), raw, limits);
}
