import type { Credentials } from '@modelarts-lite/signer';
import type { paths } from '@modelarts-lite/types';
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import { authenticate, type Send } from './call/authenticate.js';
import { BodyKeepingRequest } from './call/body-keeping-request.js';
import { applyCallPolicy } from './call/call-policy.js';
import type { RetryOptions } from './middleware/retry.js';
import type { TokenSource } from './middleware/token-auth.js';
import { endpointOf, type Region } from './regions.js';
import { DEFAULT_RETRY_METHODS } from './retry-methods.js';
import { sleep } from './sleep.js';

/** A client of the ModelArts Lite Server API: openapi-fetch's, typed by the spec's `paths`. */
export type ModelArtsClient = Client<paths>;

/** How requests authenticate: an IAM token, or AK/SK request signing. */
export type ModelArtsAuth = { token: TokenSource } | Credentials;

/** Where requests go: a region of the spec, or any base URL (a stub, a proxy); exactly one. */
export type ModelArtsEndpoint =
  | { region: Region; baseUrl?: never }
  | { baseUrl: string; region?: never };

/** Options of {@link createModelArtsClient}. */
export type ModelArtsClientOptions = ModelArtsEndpoint & {
  auth: ModelArtsAuth;
  /** Sent as `X-Project-Id` (unless a call sets that header itself). */
  projectId?: string;
  /** The fetch to send requests with, e.g. a stub's in-process one. Default `globalThis.fetch`. */
  fetch?: ClientOptions['fetch'];
  /**
   * Deadline of each attempt in milliseconds, body included, or `false` for none. Default 30 000.
   * Its timer is cleared as soon as the attempt settles.
   */
  timeoutMs?: number | false;
  /**
   * Retry policy, or `false` to send each request once. Default: 2 retries of GET, HEAD, OPTIONS
   * and PUT; add `'POST'` or `'DELETE'` to `methods` only for calls that are safe to repeat.
   */
  retry?: Omit<RetryOptions, 'perAttempt'> | false;
};

const DEFAULT_TIMEOUT_MS = 30_000;

function nonNegative(name: string, value: number, integer = false): number {
  if (!(value >= 0) || (integer && !Number.isInteger(value))) {
    const what = integer ? 'a non-negative integer' : 'a non-negative number';
    throw new RangeError(`createModelArtsClient: ${name} must be ${what}, got ${value}`);
  }
  return value;
}

/**
 * Creates a ModelArts Lite Server client: an openapi-fetch client whose calls are each bounded by
 * a per-attempt deadline (`timeoutMs`), retried when transient (`retry`), and authenticated per
 * attempt with an IAM token or an AK/SK signature over every header, `X-Project-Id` included.
 *
 * A call rejects with a `TimeoutError` DOMException (every attempt timed out), fetch's `TypeError`
 * (the connection failed), {@link ResponseBodyError} (the body broke off or is not the JSON it
 * claims) or the caller's abort reason; an error answer resolves as `{ error, response }`
 * (`unwrap` turns it into a {@link ModelArtsApiError}). Middleware you add with `client.use` runs on
 * every attempt, before signing, so headers it sets are signed.
 *
 * @throws {RangeError} for an unknown region or an out-of-range option.
 * @example
 * ```ts
 * const client = createModelArtsClient({
 *   region: 'cn-north-4',
 *   auth: { accessKeyId: process.env.HUAWEICLOUD_SDK_AK!, secretAccessKey: process.env.HUAWEICLOUD_SDK_SK! },
 * });
 * const { data, error } = await client.GET(
 *   '/v1/{project_id}/dev-servers/{id}/operation/{operation_id}',
 *   { params: { path: { project_id, id: serverId, operation_id: operationId } } },
 * );
 * ```
 */
export function createModelArtsClient(options: ModelArtsClientOptions): ModelArtsClient {
  const { region, baseUrl } = options as { region?: Region; baseUrl?: string };
  if ((region === undefined) === (baseUrl === undefined)) {
    throw new TypeError('createModelArtsClient: pass exactly one of region and baseUrl');
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (timeoutMs !== false && !(timeoutMs > 0 && Number.isFinite(timeoutMs))) {
    throw new RangeError(
      `timeout must be a positive finite number of milliseconds, got ${timeoutMs}`,
    );
  }
  const retry = options.retry === false ? { retries: 0 } : (options.retry ?? {});
  const send: Send =
    options.fetch ??
    ((request, signal) => globalThis.fetch(request, signal === undefined ? undefined : { signal }));
  const client = createClient<paths>({
    baseUrl: baseUrl ?? endpointOf(region as Region),
    // AK/SK signs each body from the string openapi-fetch serialised, kept on the Request.
    ...('token' in options.auth ? {} : { Request: BodyKeepingRequest }),
  });
  applyCallPolicy(client, {
    timeoutMs,
    retries: nonNegative('retries', retry.retries ?? 2, true),
    baseDelayMs: nonNegative('baseDelayMs', retry.baseDelayMs ?? 300),
    maxDelayMs: nonNegative('maxDelayMs', retry.maxDelayMs ?? 20_000),
    methods: new Set((retry.methods ?? DEFAULT_RETRY_METHODS).map((m) => m.toUpperCase())),
    random: retry.random ?? Math.random,
    sleep: retry.sleep ?? sleep,
    now: retry.now ?? Date.now,
    send: authenticate(options.auth, options.projectId, send),
    signalToSend: options.fetch === undefined,
  });
  return client;
}
