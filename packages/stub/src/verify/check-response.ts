import type { OperationRoute, ResponseRoute, ValidationError } from '../route-table.js';
import type { CheckResult } from './check-names.js';

/** A response as received: status, lowercase headers, body text (undefined for HEAD). */
export interface ReceivedResponse {
  status: number;
  headers: Record<string, string>;
  body: string | undefined;
}

const JSON_MEDIA = /^application\/([\w.+-]+\+)?json$/i;

function describeErrors(errors: readonly ValidationError[] | null | undefined): string {
  const error = errors?.[0];
  if (error === undefined) return 'is invalid';
  return `${error.instancePath || '(root)'} ${error.message ?? `breaks ${error.keyword}`}`;
}

/**
 * The response an operation documents for a status: the exact code, else its `2XX`-style range,
 * else `default`.
 *
 * @example
 * documentedResponse(operation, 404); // operation.responses['404'] ?? …['4XX'] ?? …default
 */
export function documentedResponse(
  operation: OperationRoute,
  status: number,
): ResponseRoute | undefined {
  const { responses } = operation;
  return responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
}

const universalByOperation = new WeakMap<OperationRoute, Set<string>>();

/**
 * Headers every documented response of the operation declares (X-Request-Id here): the API
 * promises them on every answer, so their absence is a violation even when not `required`.
 */
function universalHeaders(operation: OperationRoute): Set<string> {
  let found = universalByOperation.get(operation);
  if (found === undefined) {
    const [first, ...rest] = Object.values(operation.responses);
    found = new Set(
      (first?.headers ?? [])
        .map((h) => h.name)
        .filter((name) => rest.every((r) => r.headers.some((h) => h.name === name))),
    );
    universalByOperation.set(operation, found);
  }
  return found;
}

/**
 * Checks one response of an operation against the spec: no 5xx (`server_error`), a documented
 * status (`status_code_conformance`), the declared content type (`content_type_conformance`), a
 * body valid against the schema declared for that status (`response_schema_conformance`) and the
 * declared headers (`response_headers_conformance`: required ones, and those every response
 * declares, must be present; any present must be valid). Shared by `verify` and the proxy.
 *
 * @example
 * checkResponse(operation, { status: 200, headers, body: text }).filter((r) => !r.ok);
 */
export function checkResponse(
  operation: OperationRoute,
  response: ReceivedResponse,
): CheckResult[] {
  const results: CheckResult[] = [];
  const documented = Object.keys(operation.responses).join(', ');
  results.push({
    check: 'server_error',
    ok: response.status < 500,
    message: `the server answered ${response.status}`,
    expected: 'no 5xx answer',
  });
  const declared = documentedResponse(operation, response.status);
  results.push({
    check: 'status_code_conformance',
    ok: declared !== undefined,
    message: `status ${response.status} is not documented for ${operation.operationId}`,
    expected: `one of the documented statuses: ${documented}`,
  });
  if (declared === undefined) return results;

  if (response.body !== undefined && response.body !== '' && declared.mediaType !== undefined) {
    const contentType = (response.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
    const expected = declared.mediaType;
    const ok =
      contentType.toLowerCase() === expected.toLowerCase() ||
      (JSON_MEDIA.test(expected) && JSON_MEDIA.test(contentType));
    results.push({
      check: 'content_type_conformance',
      ok,
      message: `content type is ${contentType === '' ? 'missing' : `"${contentType}"`}`,
      expected: `Content-Type ${expected} for ${response.status}`,
    });
  }

  if (declared.validate !== undefined && response.body !== undefined) {
    let body: unknown;
    let message = '';
    try {
      body = JSON.parse(response.body);
      if (!declared.validate(body)) message = `body ${describeErrors(declared.validate.errors)}`;
    } catch {
      message = 'body is not JSON';
    }
    results.push({
      check: 'response_schema_conformance',
      ok: message === '',
      message,
      expected: `a body valid against the schema of the ${declared.status} response`,
    });
  }

  if (declared.headers.length > 0) {
    const problems: string[] = [];
    const universal = universalHeaders(operation);
    for (const header of declared.headers) {
      const value = response.headers[header.name];
      if (value === undefined) {
        if (header.required || universal.has(header.name))
          problems.push(`header ${header.name} is missing`);
      } else if (header.validate !== undefined && !header.validate(value))
        problems.push(`header ${header.name} ${describeErrors(header.validate.errors)}`);
    }
    results.push({
      check: 'response_headers_conformance',
      ok: problems.length === 0,
      message: problems.join('; '),
      expected: `declared headers: ${declared.headers.map((h) => h.name).join(', ')}`,
    });
  }
  return results;
}
