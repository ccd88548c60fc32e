import type { Duplex } from 'node:stream';
import { type GatewayRejection, REJECTIONS, rejectionBody } from './gateway-rejection.js';
import { GATEWAY_LIMITS } from './limits.js';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  494: 'Request Header Too Large',
};

/** Which gateway refusal answers an error Node's HTTP parser or timers raised for a connection. */
function rejectionFor(error: NodeJS.ErrnoException & { rawPacket?: Buffer }): GatewayRejection {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return REJECTIONS.timeout;
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    // Node only knows "the head is too large"; a request line with no end in sight is the URI.
    const packet = error.rawPacket;
    const lineEnd = packet?.indexOf('\r\n') ?? -1;
    const lineTooLong = packet !== undefined && (lineEnd < 0 || lineEnd > GATEWAY_LIMITS.uriBytes);
    return lineTooLong ? REJECTIONS.uriTooLong : REJECTIONS.headersTooLarge;
  }
  return REJECTIONS.badRequest;
}

/**
 * Node's `clientError` listener: answers what Node's own parser refuses (malformed request, head
 * over `maxHeaderSize`, too slow) with API Gateway's error body and `X-Request-Id` instead of
 * Node's bare 400/408/431, then closes the connection.
 *
 * @example
 * server.on('clientError', clientErrorListener(nextRequestId));
 */
export function clientErrorListener(nextRequestId: () => string) {
  return (error: NodeJS.ErrnoException, socket: Duplex): void => {
    // Node's own listener does the same: nothing can be written to a reset or half-answered socket.
    const busy = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || busy?.headersSent) {
      socket.destroy();
      return;
    }
    const rejection = rejectionFor(error);
    const requestId = nextRequestId();
    writeRawAnswer(socket, rejection.status, rejectionBody(rejection, requestId), requestId);
  };
}

/**
 * Writes a whole JSON answer on a socket Node no longer manages as HTTP, then closes it.
 *
 * @example
 * writeRawAnswer(socket, 400, '{"error_code":"APIGW.0201",…}', requestId);
 */
export function writeRawAnswer(
  socket: Duplex,
  status: number,
  body: string,
  requestId: string,
): void {
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\n` +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Request-Id: ${requestId}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
  // A client that never reads must not keep the socket (and its buffers) alive.
  setTimeout(() => socket.destroy(), 1000).unref();
}
