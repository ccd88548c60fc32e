import type { Duplex } from 'node:stream';
import { ERRORS } from '../errors/error-bodies.js';
import { writeRawAnswer } from './client-error.js';

/**
 * Node's `connect` listener: a CONNECT request is an undefined method like any other, so it gets
 * API Gateway's 404 APIGW.0101 instead of a silently destroyed socket.
 *
 * @example
 * server.on('connect', connectListener(nextRequestId));
 */
export function connectListener(nextRequestId: () => string) {
  return (_request: unknown, socket: Duplex): void => {
    const requestId = nextRequestId();
    writeRawAnswer(
      socket,
      404,
      JSON.stringify({ ...ERRORS.unknownApi, request_id: requestId }),
      requestId,
    );
  };
}
