import type { Credentials } from '@modelarts-lite/signer';
import { type Context, Hono } from 'hono';
import { DEFAULT_ACCESS_KEY } from '../auth/default-access-key.js';
import { signer } from '../auth/load-signer.js';
import { ERRORS, gatewayError, IAM_MESSAGE, unknownApiResponse } from '../errors/error-bodies.js';
import { routeTable as generatedRoutes } from '../generated/routes.gen.js';
import { rejectionOf } from '../journal/request-notes.js';
import { headerReader } from '../request-headers.js';
import { createRequestIdGenerator } from '../request-id.js';
import type { OperationRoute, RouteTable } from '../route-table.js';
import { validateRequest } from '../validation/validate-request.js';
import {
  type ContractViolationEntry,
  VIOLATIONS_HEADER,
  violationsHeader,
} from './contract-violations.js';
import { forwardHeaders } from './forward-headers.js';
import { responseViolations } from './response-violations.js';

/** Options of {@link createProxy}. */
export interface ProxyOptions {
  /** The server requests are forwarded to, e.g. `https://modelarts.cn-north-4.myhuaweicloud.com`. */
  upstream: string;
  /** Answer a violating request with the API's error instead of forwarding it, and turn a violating upstream response into a 502. */
  errors?: boolean;
  /**
   * The key pair that re-signs AK/SK requests for the upstream. Incoming signatures are made for
   * the proxy's host and cannot verify upstream: the proxy verifies them, then signs again.
   */
  accessKey?: Credentials;
  /** More key pairs incoming signatures may be made with (AK → SK). `accessKey` is always accepted. */
  clientKeys?: Record<string, string>;
  /** One line per request (`true`: console.log). */
  log?: boolean | ((line: string) => void);
  /** Where the line of each violating exchange goes. Default console.error. */
  violationLog?: (line: string) => void;
  /** Route table the spec comes from. Default the generated one. */
  routes?: RouteTable;
  /** Fetch used to reach the upstream. Default global fetch. */
  fetch?: (request: Request) => Promise<Response>;
}

/** A validating proxy. */
export interface ContractProxy {
  readonly app: Hono;
  /** Answers a request in-process (it is still forwarded to the upstream). */
  readonly fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
}

const SIGNATURE_HEADERS = ['authorization', 'x-sdk-date'];
const HAS_NO_BODY = new Set(['GET', 'HEAD']);

function isSignature(value: string | null): value is string {
  return value?.startsWith('SDK-HMAC-SHA256') === true;
}

function describe(violations: ContractViolationEntry[]): string {
  return violations.map((v) => `${v.in} ${v.location}: ${v.message}`).join('; ');
}

function json(body: unknown, status: number, headers: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/**
 * Creates a proxy that forwards every request to an upstream and validates the request and the
 * upstream's response against the spec. Violations are listed in an `X-Contract-Violations`
 * header (absent when there is none) and logged, one line per violating exchange; with `errors`,
 * a violating request is answered with the API's 400 and not forwarded, and a violating response
 * becomes a 502 in the API's error format. Tokens pass through untouched; AK/SK signatures are
 * verified and re-signed with `accessKey`. Credentials never appear in logs or headers it adds.
 *
 * @example
 * const proxy = createProxy({ upstream: 'https://modelarts.cn-north-4.myhuaweicloud.com', accessKey });
 * const response = await proxy.fetch('http://127.0.0.1:4010/v1/…');
 * response.headers.get('x-contract-violations'); // null when request and response conform
 */
export function createProxy(options: ProxyOptions): ContractProxy {
  const upstream = options.upstream.replace(/\/+$/, '');
  const routes = options.routes ?? generatedRoutes;
  const send = options.fetch ?? ((request: Request) => fetch(request));
  const nextRequestId = createRequestIdGenerator();
  const violationLog = options.violationLog ?? ((line: string) => console.error(line));
  const log = options.log === true ? (line: string) => console.log(line) : options.log || undefined;
  const keys = new Map(Object.entries(options.clientKeys ?? {}));
  if (options.accessKey !== undefined)
    keys.set(options.accessKey.accessKeyId, options.accessKey.secretAccessKey);
  if (keys.size === 0) keys.set(DEFAULT_ACCESS_KEY.accessKeyId, DEFAULT_ACCESS_KEY.secretAccessKey);

  const finish = (
    request: Request,
    response: Response,
    violations: ContractViolationEntry[],
  ): Response => {
    const url = new URL(request.url);
    if (violations.length > 0) {
      response.headers.set(VIOLATIONS_HEADER, violationsHeader(violations));
      violationLog(
        `modelarts-stub proxy: ${request.method} ${url.pathname} -> ${response.status}: ${describe(violations)}`,
      );
    }
    log?.(`${request.method} ${url.pathname} ${response.status} ${violations.length} violation(s)`);
    return response;
  };

  /** Forwards a request; resolves to the upstream's status, headers and body text. */
  const forward = async (request: Request, body: ArrayBuffer | undefined) => {
    const url = new URL(request.url);
    const authorization = request.headers.get('authorization');
    const resign =
      isSignature(authorization) &&
      request.headers.get('x-auth-token') === null &&
      options.accessKey !== undefined;
    const headers = forwardHeaders(request.headers, resign ? SIGNATURE_HEADERS : []);
    let outgoing = new Request(`${upstream}${url.pathname}${url.search}`, {
      method: request.method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    if (resign && options.accessKey !== undefined)
      outgoing = await (await signer()).signRequest(outgoing, options.accessKey);
    const response = await send(outgoing);
    const text = request.method === 'HEAD' ? undefined : await response.text();
    return { status: response.status, headers: response.headers, body: text };
  };

  const relay = (answer: {
    status: number;
    headers: Headers;
    body: string | undefined;
  }): Response =>
    new Response(answer.body === '' ? null : (answer.body ?? null), {
      status: answer.status,
      headers: forwardHeaders(answer.headers),
    });

  const unreachable = (error: unknown): Response => {
    const requestId = nextRequestId();
    return json(
      {
        error_code: 'STUB.UpstreamUnreachable',
        error_msg: `The upstream cannot be reached: ${(error as Error).message}`,
      },
      502,
      { 'x-request-id': requestId },
    );
  };

  const operationHandler =
    (operation: OperationRoute) =>
    async (c: Context): Promise<Response> => {
      const request = c.req.raw;
      const body = HAS_NO_BODY.has(request.method)
        ? undefined
        : await request.clone().arrayBuffer();
      const authorization = request.headers.get('authorization');
      if (isSignature(authorization) && request.headers.get('x-auth-token') === null) {
        // A signature is only ever re-signed once it has verified: re-signing an unverified one would
        // let any caller borrow the proxy's key pair.
        const verified = await (await signer()).verifyRequest(request, (ak) => keys.get(ak));
        if (!verified.ok) {
          const requestId = nextRequestId();
          const message = `${IAM_MESSAGE}: verify aksk signature fail: ${verified.reason}`;
          return finish(
            request,
            json(gatewayError(ERRORS.unauthorized, message, requestId), 401, {
              'x-request-id': requestId,
            }),
            [
              {
                in: 'request',
                location: 'header.authorization',
                message: `the AK/SK signature does not verify (${verified.reason})`,
              },
            ],
          );
        }
      }
      const validation = await validateRequest(c, headerReader(c), operation);
      const violations: ContractViolationEntry[] = [];
      if (!validation.ok) {
        const constraint = rejectionOf(request);
        violations.push({
          in: 'request',
          location: constraint?.split('.').slice(0, -1).join('.') || 'request',
          message: validation.message,
          ...(constraint === undefined ? {} : { constraint }),
        });
        if (options.errors) {
          const requestId = nextRequestId();
          return finish(
            request,
            json({ error_code: ERRORS.parameter, error_msg: validation.message }, 400, {
              'x-request-id': requestId,
            }),
            violations,
          );
        }
      }
      let answer: Awaited<ReturnType<typeof forward>>;
      try {
        answer = await forward(request, body);
      } catch (error) {
        return finish(request, unreachable(error), violations);
      }
      const lowercase = Object.fromEntries(answer.headers);
      const found = responseViolations(operation, {
        status: answer.status,
        headers: lowercase,
        body: answer.body,
      });
      violations.push(...found);
      if (options.errors && found.length > 0) {
        const requestId = answer.headers.get('x-request-id') ?? nextRequestId();
        const message = `The upstream response violates the contract: ${describe(found)}`;
        return finish(
          request,
          json({ error_code: 'STUB.ContractViolation', error_msg: message }, 502, {
            'x-request-id': requestId,
          }),
          violations,
        );
      }
      return finish(request, relay(answer), violations);
    };

  const unknownRoute = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const violations: ContractViolationEntry[] = [
      {
        in: 'request',
        location: 'path',
        message: `no operation of the spec matches ${request.method} ${url.pathname}`,
      },
    ];
    if (options.errors) return finish(request, unknownApiResponse(nextRequestId()), violations);
    const body = HAS_NO_BODY.has(request.method) ? undefined : await request.arrayBuffer();
    try {
      return finish(request, relay(await forward(request, body)), violations);
    } catch (error) {
      return finish(request, unreachable(error), violations);
    }
  };

  const app = new Hono();
  for (const operation of routes.operations)
    app.on(operation.method, operation.honoPath, operationHandler(operation));
  app.notFound((c) => unknownRoute(c.req.raw));
  // Hono would answer HEAD with the GET route; the API declares no HEAD.
  const dispatch = app.fetch;
  app.fetch = (request, ...rest) =>
    request.method === 'HEAD' ? unknownRoute(request) : dispatch(request, ...rest);

  return {
    app,
    fetch: async (input, init) =>
      app.fetch(input instanceof Request && init === undefined ? input : new Request(input, init)),
  };
}
