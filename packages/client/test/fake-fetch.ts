/** One scripted answer: a response, an error to reject with, or a function of the request. */
export type Answer = Response | Error | ((request: Request) => Response | Promise<Response>);

/** A fetch that answers from a script and records every request it was sent. */
export interface FakeFetch {
  (request: Request): Promise<Response>;
  readonly requests: Request[];
}

/**
 * A scripted fetch: the n-th call gets the n-th answer; a call beyond the script fails the test
 * loudly rather than hanging.
 */
export function fakeFetch(...answers: Answer[]): FakeFetch {
  const requests: Request[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    requests.push(request);
    const answer = answers[requests.length - 1];
    if (answer === undefined) {
      throw new Error(`fakeFetch: unexpected call #${requests.length} to ${request.url}`);
    }
    if (answer instanceof Error) {
      throw answer;
    }
    return answer instanceof Response ? answer : answer(request);
  };
  return Object.assign(fetch, { requests });
}

/** A JSON response, as ModelArts sends it. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** A fetch answer that never settles until the request's signal aborts, then rejects like fetch. */
export function hang(request: Request): Promise<Response> {
  return new Promise((_, reject) => {
    if (request.signal.aborted) {
      reject(request.signal.reason);
      return;
    }
    request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
  });
}

export const PROJECT_ID = '0123456789abcdef0123456789abcdef';
export const SERVER_ID = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
export const OPERATION_ID = '3f9a1c2e-7b4d-4e8f-9a6b-1c2d3e4f5a6b';
export const OPERATION_PATH = '/v1/{project_id}/dev-servers/{id}/operation/{operation_id}';
export const PATH_PARAMS = {
  path: { project_id: PROJECT_ID, id: SERVER_ID, operation_id: OPERATION_ID },
} as const;
export const OPERATION_URL_PATH = `/v1/${PROJECT_ID}/dev-servers/${SERVER_ID}/operation/${OPERATION_ID}`;

/** Operation details with the given status. */
export function details(status: string, extra: Record<string, unknown> = {}) {
  return {
    operation_id: OPERATION_ID,
    operation_status: status,
    operation_type: 'node_attach_volume',
    ...extra,
  };
}

/** The doc-example AK/SK pair of Huawei's signing guide. */
export const CREDENTIALS = {
  accessKeyId: 'QTWAOYTTINDUT2QVKYUC',
  secretAccessKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
};
export const secretFor = (ak: string) =>
  ak === CREDENTIALS.accessKeyId ? CREDENTIALS.secretAccessKey : undefined;
