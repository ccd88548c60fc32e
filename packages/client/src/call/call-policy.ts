import type { paths } from '@modelarts-lite/types';
import type { Client } from 'openapi-fetch';
import { fullJitterDelay } from '../backoff.js';
import { ResponseBodyError } from '../errors/response-body-error.js';
import { parseRetryAfter } from '../retry-after.js';
import type { Sleep } from '../sleep.js';
import type { Send } from './authenticate.js';
import { type Deadline, deadlinePool, startDeadline } from './deadline.js';

/** How each call is bounded and retried; see `ModelArtsClientOptions`. */
export interface CallPolicy {
  /** Deadline of each attempt in milliseconds, or `false` for none. */
  timeoutMs: number | false;
  /** 0 sends each request once. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Upper-case methods that may be retried. */
  methods: ReadonlySet<string>;
  random: () => number;
  sleep: Sleep;
  now: () => number;
  /** What sends each attempt, authentication included. */
  send: Send;
  /**
   * Whether `send` takes the deadline as its `signal` argument (the built-in fetch does, as
   * `fetch(request, { signal })`) rather than on the Request. Every Request built on a signal
   * adds an abort listener to it and registers itself for finalisation, and fetch builds a second
   * Request from the first, so handing the signal to fetch alone pays that once instead of twice.
   * A custom fetch is given the signal on the Request, where it looks for it.
   */
  signalToSend: boolean;
}

/** What one attempt ended with: openapi-fetch's result, or the error the call rejects with. */
type Outcome = { result: { response: Response } } | { error: unknown; transient: boolean };

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

function isTransient(outcome: Outcome): boolean {
  if ('result' in outcome) {
    const { status } = outcome.result.response;
    return status === 429 || (status >= 500 && status <= 599);
  }
  return outcome.transient;
}

function delayBefore(policy: CallPolicy, outcome: Outcome, attempt: number): number {
  const retryAfter =
    'result' in outcome
      ? parseRetryAfter(outcome.result.response.headers.get('Retry-After'), policy.now())
      : undefined;
  return retryAfter === undefined
    ? fullJitterDelay(attempt, policy)
    : Math.min(retryAfter, policy.maxDelayMs);
}

/**
 * Wraps every method of an openapi-fetch client so that each call gets a fresh deadline and
 * signature per attempt, a typed error for a body that breaks off or is not JSON, and retries.
 * Retrying whole calls (rather than inside middleware) lets openapi-fetch build each attempt's
 * Request itself, so no Request is ever cloned, and the deadline covers reading the body: its
 * timer is cleared as soon as the call settles.
 */
export function applyCallPolicy(client: Client<paths>, policy: CallPolicy): void {
  type Init = { signal?: AbortSignal | null; fetch?: Send } | undefined;
  type Call = (url: unknown, init?: Init) => Promise<{ response: Response }>;

  const { timeoutMs } = policy;
  const pooledDeadline = timeoutMs === false ? undefined : deadlinePool(timeoutMs);

  function deadlineFor(callerSignal: AbortSignal | undefined): Deadline | undefined {
    if (timeoutMs === false) {
      return undefined;
    }
    // A caller's signal must abort its own call only, so that call gets a controller of its own.
    return callerSignal ? startDeadline(timeoutMs, callerSignal) : pooledDeadline?.();
  }

  async function attempt(call: Call, url: unknown, init: Init): Promise<Outcome> {
    const callerSignal = init?.signal ?? undefined;
    const send = init?.fetch ?? policy.send;
    const deadline = deadlineFor(callerSignal);
    // The deadline (which follows the caller's signal) goes to fetch, or else on the Request.
    const toSend = deadline && policy.signalToSend && init?.fetch === undefined;
    let sending: Promise<Response> | undefined;
    // Hands openapi-fetch the same promise, adding no tick; kept to tell where a failure arose.
    const recordingSend: Send = toSend
      ? (request) => {
          sending = send(request, deadline.signal);
          return sending;
        }
      : (request) => {
          sending = send(request);
          return sending;
        };
    try {
      const result = await call(url, {
        ...init,
        ...(deadline ? { signal: toSend ? undefined : deadline.signal } : {}),
        fetch: recordingSend,
      });
      return { result };
    } catch (error) {
      if (deadline?.timedOut()) {
        return { error: deadline.signal.reason, transient: true };
      }
      if (callerSignal?.aborted) {
        return { error: callerSignal.reason, transient: false };
      }
      const response = await sending?.catch(() => undefined);
      // An answer arrived, so the failure was in reading or parsing its body.
      if (response !== undefined && (error instanceof SyntaxError || error instanceof TypeError)) {
        return { error: new ResponseBodyError({ response, cause: error }), transient: true };
      }
      // fetch rejects with a TypeError when the connection fails (refused, reset, DNS); one
      // thrown before anything was sent (an invalid URL) would fail again.
      const sent = sending !== undefined;
      return { error, transient: sent && response === undefined && error instanceof TypeError };
    } finally {
      deadline?.clear();
    }
  }

  async function run(method: string, call: Call, url: unknown, init: Init) {
    const retried = policy.retries > 0 && policy.methods.has(method);
    const callerSignal = init?.signal ?? undefined;
    for (let n = 0; ; n++) {
      const outcome = await attempt(call, url, init);
      if (!retried || n >= policy.retries || callerSignal?.aborted || !isTransient(outcome)) {
        if ('error' in outcome) {
          throw outcome.error;
        }
        return outcome.result;
      }
      await policy.sleep(delayBefore(policy, outcome, n), callerSignal);
    }
  }

  const methods = client as unknown as Record<string, Call>;
  for (const method of METHODS) {
    const call = methods[method]?.bind(client) as Call;
    methods[method] = (url, init) => run(method, call, url, init);
  }
  // Through a loose view of the client: `client.request.bind` would instantiate openapi-fetch's
  // generic over every path, which a spec of a thousand operations makes too deep for tsc.
  const loose = client as unknown as {
    request: (method: string, url: unknown, init?: Init) => Promise<{ response: Response }>;
  };
  const request = loose.request.bind(loose);
  loose.request = (method, url, init) =>
    run(method.toUpperCase(), (u, i) => request(method, u, i), url, init);
}
