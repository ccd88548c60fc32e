import { redactHeaders } from '../auth/redact-headers.js';
import { routeTable as generatedRoutes } from '../generated/routes.gen.js';
import { dataGeneratorReady } from '../responses/data-generator.js';
import type { RouteTable } from '../route-table.js';
import { CHECK_NAMES, type CheckResult } from './check-names.js';
import { checkResponse, type ReceivedResponse } from './check-response.js';
import { type VerifyCredentials, withCredentials } from './credentials.js';
import { curlLine } from './curl-line.js';
import { planCases, type VerifyCase } from './plan-cases.js';
import { createPacer, defaultRate, retryAfterMs } from './rate-limit.js';
import { openapiDocument } from './request-shapes.js';
import type { ReportedRequest, VerifyReport } from './verify-report.js';

/** Options of {@link verifyServer}. */
export interface VerifyOptions extends VerifyCredentials {
  /** The server to verify, e.g. `https://modelarts.cn-north-4.myhuaweicloud.com`. */
  baseUrl: string;
  /** The `project_id` path parameter. */
  projectId?: string;
  /** Real values by parameter name, e.g. `{ id: serverId, operation_id: operationId }`. */
  params?: Record<string, string>;
  /** Seed of generated values. Default 1. */
  seed?: number;
  /** Also send operations other than GET/HEAD, and probe undeclared POST/PUT/PATCH/DELETE. */
  unsafe?: boolean;
  /** At most this many requests. Default 200. */
  maxRequests?: number;
  /** Requests per second. Default unlimited on loopback, 2 elsewhere. */
  rate?: number;
  /** Timeout of each request in ms. Default 10000. */
  timeoutMs?: number;
  /** Route table the spec comes from. Default the generated one. */
  routes?: RouteTable;
  /** The fetch to send with (e.g. a stub's in-process `fetch`). Default global fetch. */
  fetch?: (request: Request) => Promise<Response>;
  /** Called after each exchange, for progress display. */
  onProgress?: (event: VerifyProgress) => void;
}

/** One exchange done. */
export interface VerifyProgress {
  done: number;
  total: number;
  case: string;
  method: string;
  path: string;
  status: number;
  failed: string[];
}

/** The server could not be reached (refused, reset, timed out): no verdict is possible. */
export class VerifyConnectionError extends Error {
  override name = 'VerifyConnectionError';
}

const MAX_RETRIES = 3;
const RETRY_CAP_MS = 60_000;
const BODY_LIMIT = 2000;

function rejectionCheck(kase: VerifyCase, response: ReceivedResponse): CheckResult | undefined {
  const { status } = response;
  if (kase.kind === 'negative_data_rejection' || kase.kind === 'ignored_auth') {
    const operation = kase.operation;
    if (operation === undefined) return undefined;
    const documented4xx = Object.keys(operation.responses).filter((s) => /^4(\d\d|XX)$/.test(s));
    const ok =
      status >= 400 &&
      status < 500 &&
      (documented4xx.includes(String(status)) || documented4xx.includes('4XX'));
    const what =
      kase.kind === 'ignored_auth'
        ? 'the credentials were not checked'
        : 'invalid input was accepted';
    return {
      check: kase.kind,
      ok,
      message:
        status < 400
          ? `${what}: the server answered ${status}`
          : `the server answered ${status}, not a documented 4xx`,
      expected: `a documented 4xx (${documented4xx.join(', ')}) in the API's error format`,
    };
  }
  if (kase.kind === 'unsupported_method' || kase.kind === 'unknown_route') {
    let format = true;
    if (response.body !== undefined) {
      try {
        const body = JSON.parse(response.body);
        format = typeof body?.error_code === 'string' && typeof body?.error_msg === 'string';
      } catch {
        format = false;
      }
    }
    const inRange = status >= 400 && status < 500;
    return {
      check: kase.kind,
      ok: inRange && format,
      message: !inRange
        ? `the server answered ${status}`
        : 'the error body is not { error_code, error_msg }',
      expected: "a 4xx (API Gateway's 404 APIGW.0101) in the API's error format",
    };
  }
  return undefined;
}

function evaluate(kase: VerifyCase, response: ReceivedResponse): CheckResult[] {
  const results: CheckResult[] =
    kase.operation === undefined
      ? [
          {
            check: 'server_error',
            ok: response.status < 500,
            message: `the server answered ${response.status}`,
            expected: 'no 5xx answer',
          },
        ]
      : checkResponse(kase.operation, response);
  const rejection = rejectionCheck(kase, response);
  if (rejection !== undefined) results.push(rejection);
  return results;
}

function truncate(text: string | undefined): string | undefined {
  if (text === undefined || text.length <= BODY_LIMIT) return text;
  return `${text.slice(0, BODY_LIMIT)}… (${text.length} characters)`;
}

/**
 * Verifies a server against the spec, in the spirit of Schemathesis: positive requests from the
 * spec's examples and schema-generated values must get documented statuses, bodies and headers;
 * negative requests (each constraint broken at its boundary, bad credentials, an unknown route,
 * undeclared methods) must be rejected with a documented 4xx. Only GET/HEAD unless `unsafe`;
 * bounded by `maxRequests`, paced by `rate`, honouring 429 + Retry-After.
 *
 * @throws {VerifyConnectionError} when the server cannot be reached or a request times out.
 * @example
 * const report = await verifyServer({ baseUrl: 'http://127.0.0.1:4010', token: 't' });
 * if (!report.ok) console.log(report.violations.map((v) => `${v.check}: ${v.message}`));
 */
export async function verifyServer(options: VerifyOptions): Promise<VerifyReport> {
  const started = Date.now();
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const seed = options.seed ?? 1;
  const unsafe = options.unsafe ?? false;
  const maxRequests = options.maxRequests ?? 200;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const send = options.fetch ?? ((request: Request) => fetch(request));
  const pace = createPacer(options.rate ?? defaultRate(baseUrl));
  const params = {
    ...(options.projectId === undefined ? {} : { project_id: options.projectId }),
    ...options.params,
  };
  const routes = options.routes ?? generatedRoutes;
  // Schema-generated values need the data generator, which loads on first use.
  await dataGeneratorReady();
  const { cases, skipped } = planCases({
    routes,
    document: await openapiDocument(routes),
    params,
    seed,
    unsafe,
  });

  const report: VerifyReport = {
    baseUrl,
    seed,
    unsafe,
    startedAt: new Date(started).toISOString(),
    durationMs: 0,
    requests: 0,
    checks: Object.fromEntries(
      CHECK_NAMES.map((name) => [name, { passed: 0, failed: 0 }]),
    ) as VerifyReport['checks'],
    violations: [],
    skipped: [...skipped],
    ok: true,
  };

  const exchange = async (
    kase: VerifyCase,
  ): Promise<{ sent: ReportedRequest; received: ReceivedResponse } | undefined> => {
    for (let attempt = 0; ; attempt++) {
      if (report.requests >= maxRequests) return undefined;
      await pace();
      const url = `${baseUrl}${kase.request.path}`;
      const init: RequestInit = { method: kase.request.method, headers: kase.request.headers };
      if (kase.request.body !== undefined) init.body = kase.request.body;
      const request = await withCredentials(new Request(url, init), kase.request.auth, options);
      const sent: ReportedRequest = {
        method: request.method,
        url,
        headers: redactHeaders(request.headers),
        ...(kase.request.body === undefined ? {} : { body: kase.request.body }),
      };
      report.requests++;
      let response: Response;
      try {
        response = await send(new Request(request, { signal: AbortSignal.timeout(timeoutMs) }));
      } catch (error) {
        const reason =
          (error as Error).name === 'TimeoutError'
            ? `no answer within ${timeoutMs} ms`
            : String((error as Error).cause ?? (error as Error).message);
        throw new VerifyConnectionError(`${kase.request.method} ${url}: ${reason}`);
      }
      if (response.status === 429 && attempt < MAX_RETRIES) {
        await response.body?.cancel();
        await new Promise((resolve) =>
          setTimeout(resolve, retryAfterMs(response.headers.get('retry-after'), RETRY_CAP_MS)),
        );
        continue;
      }
      const body = request.method === 'HEAD' ? undefined : await response.text();
      return {
        sent,
        received: { status: response.status, headers: redactHeaders(response.headers), body },
      };
    }
  };

  let done = 0;
  for (const kase of cases) {
    const result = await exchange(kase);
    done++;
    if (result === undefined) {
      report.skipped.push({
        operationId: kase.operation?.operationId ?? null,
        case: kase.title,
        reason: `--max-requests ${maxRequests} reached`,
      });
      continue;
    }
    const { sent, received } = result;
    if (received.status === 429) {
      report.skipped.push({
        operationId: kase.operation?.operationId ?? null,
        case: kase.title,
        reason: `still throttled (429) after ${MAX_RETRIES} retries`,
      });
      continue;
    }
    const failed: string[] = [];
    for (const outcome of evaluate(kase, received)) {
      const counts = report.checks[outcome.check];
      if (outcome.ok) {
        counts.passed++;
        continue;
      }
      counts.failed++;
      failed.push(outcome.check);
      report.violations.push({
        check: outcome.check,
        operationId: kase.operation?.operationId ?? null,
        case: kase.title,
        message: outcome.message,
        expected: outcome.expected,
        request: sent,
        response: {
          ...received,
          ...(received.body === undefined ? {} : { body: truncate(received.body) }),
        },
        curl: curlLine(sent.method, sent.url, sent.headers, sent.body),
      });
    }
    options.onProgress?.({
      done,
      total: cases.length,
      case: kase.title,
      method: sent.method,
      path: kase.request.path,
      status: received.status,
      failed,
    });
  }
  report.durationMs = Date.now() - started;
  report.ok = report.violations.length === 0;
  return report;
}
