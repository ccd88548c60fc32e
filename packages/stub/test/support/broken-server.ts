// A small ModelArts look-alike written for the tests: correct by default, with one deliberate
// defect per mode, so that each kind of violation can be shown to be found and named by `verify`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Defect =
  | 'none'
  | 'off-spec-body'
  | 'undocumented-status'
  | 'accepts-invalid-ids'
  | 'ignores-missing-credentials'
  | 'unknown-route-5xx'
  | 'no-request-id'
  | 'wrong-content-type'
  | 'answers-head'
  | 'throttles-first-request';

const OPERATION = /^\/v1\/([^/]+)\/dev-servers\/([^/]+)\/operation\/([^/]+)$/;
const PROJECT = /^[A-Za-z0-9-]{1,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DETAILS = {
  operation_id: '3f9a1c2e-7b4d-4e8f-9a6b-1c2d3e4f5a6b',
  operation_status: 'running',
  operation_type: 'node_attach_volume',
};

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

function answer(request: IncomingMessage, defect: Defect, requestId: string): Answer {
  const url = new URL(request.url ?? '/', 'http://x');
  const match = OPERATION.exec(url.pathname);
  const gateway = (code: string, msg: string) => ({
    error_code: code,
    error_msg: msg,
    request_id: requestId,
  });
  if (!match) {
    if (defect === 'unknown-route-5xx')
      return { status: 500, body: { error_code: 'ModelArts.0010', error_msg: 'boom' } };
    return { status: 404, body: gateway('APIGW.0101', 'The API does not exist') };
  }
  if (request.method === 'HEAD') return { status: defect === 'answers-head' ? 200 : 404 };
  if (request.method !== 'GET')
    return { status: 404, body: gateway('APIGW.0101', 'The API does not exist') };
  const token = request.headers['x-auth-token'];
  const hasToken = typeof token === 'string' && token !== '';
  if (
    !hasToken &&
    !(
      defect === 'ignores-missing-credentials' &&
      token === undefined &&
      request.headers.authorization === undefined
    )
  ) {
    return { status: 401, body: gateway('APIGW.0301', 'Incorrect IAM authentication information') };
  }
  const projectHeader = request.headers['x-project-id'];
  const valid =
    PROJECT.test(decodeURIComponent(match[1] as string)) &&
    UUID.test(match[2] as string) &&
    (projectHeader === undefined || PROJECT.test(String(projectHeader)));
  if (!valid && defect !== 'accepts-invalid-ids') {
    return { status: 400, body: { error_code: 'ModelArts.0104', error_msg: 'Parameter error' } };
  }
  if (defect === 'off-spec-body')
    return { status: 200, body: { operation_id: 42, operation_status: 'running' } };
  if (defect === 'undocumented-status')
    return { status: 418, body: { error_code: 'X.1', error_msg: 'teapot' } };
  return { status: 200, body: DETAILS };
}

/** Starts the look-alike on an ephemeral port of 127.0.0.1. */
export async function startBrokenServer(defect: Defect) {
  let count = 0;
  const seen: { method: string; url: string; headers: IncomingMessage['headers'] }[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    count++;
    seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    const requestId = `${count}`.padStart(32, '0');
    if (defect === 'throttles-first-request' && count === 1) {
      response.writeHead(429, {
        'retry-after': '0',
        'x-request-id': requestId,
        'content-type': 'application/json',
      });
      response.end(
        JSON.stringify({ error_code: 'APIGW.0308', error_msg: 'throttled', request_id: requestId }),
      );
      return;
    }
    const { status, body } = answer(request, defect, requestId);
    const headers: Record<string, string> = {};
    if (defect !== 'no-request-id') headers['x-request-id'] = requestId;
    if (body !== undefined)
      headers['content-type'] = defect === 'wrong-content-type' ? 'text/plain' : 'application/json';
    response.writeHead(status, headers);
    response.end(
      body === undefined || request.method === 'HEAD' ? undefined : JSON.stringify(body),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
