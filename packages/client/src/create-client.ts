import type { Credentials } from '@modelarts-lite/signer';
import type { paths } from '@modelarts-lite/types';
import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import { akskAuth } from './middleware/aksk-auth.js';
import { projectIdHeader } from './middleware/project-id.js';
import { type RetryOptions, retry } from './middleware/retry.js';
import { timeout } from './middleware/timeout.js';
import { type TokenSource, tokenAuth } from './middleware/token-auth.js';
import { endpointOf, type Region } from './regions.js';

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
  /** Deadline of each attempt in milliseconds, or `false` for none. Default 30 000. */
  timeoutMs?: number | false;
  /** Retry policy, or `false` to send each request once. Default {@link retry}'s defaults. */
  retry?: Omit<RetryOptions, 'perAttempt'> | false;
};

const DEFAULT_TIMEOUT_MS = 30_000;

function authMiddleware(auth: ModelArtsAuth): Middleware {
  return 'token' in auth ? tokenAuth(auth.token) : akskAuth(auth);
}

/**
 * Creates a ModelArts Lite Server client: an openapi-fetch client with these middlewares, in
 * this order: {@link projectIdHeader}, then {@link retry} wrapping per attempt {@link timeout}
 * and the auth ({@link tokenAuth} or {@link akskAuth}, last, so the signature covers every
 * header and every retry is signed afresh).
 *
 * Middleware you add with `client.use` runs after signing and only on the first attempt: use it
 * to observe responses; set extra headers per call (`headers`) so that they are signed.
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
  const client = createClient<paths>({
    baseUrl: baseUrl ?? endpointOf(region as Region),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const perAttempt = [
    ...(timeoutMs === false ? [] : [timeout(timeoutMs)]),
    authMiddleware(options.auth),
  ];
  if (options.projectId !== undefined) {
    client.use(projectIdHeader(options.projectId));
  }
  if (options.retry === false) {
    client.use(...perAttempt);
  } else {
    client.use(retry({ ...options.retry, perAttempt }));
  }
  return client;
}
