// What the stub may answer to any request: a status the spec declares for the matched operation
// or one API Gateway documents, never a 5xx it was not asked for, always X-Request-Id, and errors in
// the documented body ({ error_code, error_msg }, plus request_id from the gateway).

const GATEWAY_STATUSES = new Set([400, 404, 408, 413, 414, 494]);
const STUB_PATH_STATUSES = new Set([200, 201, 204, 400, 401, 404, 408, 409, 413, 414, 494]);
const REQUEST_ID = /^[0-9a-f]{32}$/;

function isStubPath(pathname) {
  return (
    pathname === '/openapi.json' ||
    pathname === '/docs' ||
    pathname.startsWith('/docs/') ||
    pathname.startsWith('/__stub/')
  );
}

/** The path as the stub routes it: resolved by the URL parser (`/a/./b` is `/a/b`). */
function normalisedPath(target) {
  try {
    return new URL(target, 'http://stub').pathname;
  } catch {
    return target.split(/[?#]/)[0];
  }
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Builds the oracle of a route table.
 *
 * @param {{ operations: { method: string, honoPath: string, responses: Record<string, unknown> }[] }} routes
 * @returns {(request: { method: string, target: string, prefer?: string }, response: { status: number, requestId: string | null | undefined, body: string }) => string | undefined}
 *   the problem, or undefined when the answer is allowed
 */
export function createOracle(routes) {
  const operations = routes.operations.map((operation) => ({
    method: operation.method.toUpperCase(),
    pattern: new RegExp(
      `^${operation.honoPath
        .split('/')
        .map((part) => (part.startsWith(':') ? '[^/]+' : escapeRegExp(part)))
        .join('/')}/?$`,
    ),
    statuses: new Set(Object.keys(operation.responses).map(Number)),
  }));

  return (request, response) => {
    const { status, requestId, body } = response;
    if (status === 0) return 'no answer';
    if (!requestId || !REQUEST_ID.test(requestId)) return `status ${status} without X-Request-Id`;
    const pathname = normalisedPath(request.target);
    const method = request.method.toUpperCase();
    const asked5xx =
      /code\s*=\s*"?5\d\d/i.test(request.prefer ?? '') || /example=/i.test(request.prefer ?? '');

    if (status >= 500 && !asked5xx) return `unrequested ${status}`;
    if (isStubPath(pathname)) {
      if (!STUB_PATH_STATUSES.has(status)) return `status ${status} on a stub path`;
    } else {
      const matched = operations.find((o) => o.method === method && o.pattern.test(pathname));
      const allowed = matched === undefined ? GATEWAY_STATUSES : matched.statuses;
      if (!allowed.has(status) && !GATEWAY_STATUSES.has(status)) {
        return `status ${status} not declared for ${method} ${matched ? 'this operation' : 'an unknown API'}`;
      }
    }
    if (status < 400 || method === 'HEAD') return undefined;

    let parsed;
    try {
      parsed = JSON.parse(body);
    } catch {
      return `status ${status} with a non-JSON body`;
    }
    if (typeof parsed?.error_code !== 'string' || typeof parsed?.error_msg !== 'string') {
      return `status ${status} body is not { error_code, error_msg }`;
    }
    if (/^APIG(W)?\./.test(parsed.error_code) && parsed.request_id !== requestId) {
      return `gateway error ${parsed.error_code} whose request_id is not X-Request-Id`;
    }
    return undefined;
  };
}
