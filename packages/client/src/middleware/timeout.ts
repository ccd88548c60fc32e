import type { Middleware } from 'openapi-fetch';

/**
 * Middleware aborting a request that has not been answered within `ms` milliseconds (body
 * included): fetch then rejects with a `TimeoutError` DOMException. The caller's own `signal`
 * still works alongside.
 *
 * The clock starts when the middleware runs, so under {@link retry} pass it in `perAttempt` to
 * bound each attempt rather than the whole call.
 *
 * @throws {RangeError} if `ms` is not a positive finite number.
 * @example
 * ```ts
 * client.use(retry({ perAttempt: [timeout(10_000), tokenAuth(token)] }));
 * ```
 */
export function timeout(ms: number): Middleware {
  if (!(ms > 0 && Number.isFinite(ms))) {
    throw new RangeError(`timeout must be a positive finite number of milliseconds, got ${ms}`);
  }
  // Keyed by openapi-fetch's per-call id: clears the timer of a call once it is over.
  const pending = new Map<string, () => void>();
  const release = (id: string) => {
    pending.get(id)?.();
    pending.delete(id);
  };
  return {
    onRequest({ request, id }) {
      // A retry re-runs this for the same call: the previous attempt's deadline is over.
      release(id);
      // Not AbortSignal.any([request.signal, AbortSignal.timeout(ms)]): a Request follows its init
      // signal through a weak reference only, and Node holds timeout and combined signals weakly
      // too, so such a signal can be garbage-collected mid-request and never fire. Here the pending
      // timer holds the controller, the outgoing request (which a fetch with no socket to keep it,
      // such as an in-process stub, would not) and the incoming one, whose signal carries the
      // caller's abort. It also keeps the event loop alive until the request is over: with a fetch
      // that holds no socket it may be all that ends the request.
      const controller = new AbortController();
      const next = new Request(request, { signal: controller.signal });
      const onCallerAbort = () => {
        clearTimeout(timer);
        controller.abort(request.signal.reason);
      };
      const timer = setTimeout(() => {
        request.signal.removeEventListener('abort', onCallerAbort);
        if (!next.signal.aborted) {
          controller.abort(
            new DOMException(`The request timed out after ${ms} ms`, 'TimeoutError'),
          );
        }
      }, ms);
      if (request.signal.aborted) {
        onCallerAbort();
      } else {
        request.signal.addEventListener('abort', onCallerAbort, { once: true });
      }
      pending.set(id, () => {
        clearTimeout(timer);
        request.signal.removeEventListener('abort', onCallerAbort);
      });
      return next;
    },

    onError({ id }) {
      release(id);
    },

    onResponse({ id, response }) {
      if (!pending.has(id)) {
        return undefined;
      }
      if (response.body === null) {
        release(id);
        return undefined;
      }
      // The deadline covers the body too, so the timer goes once the body has been read.
      const body = response.body.pipeThrough(new TransformStream({ flush: () => release(id) }));
      return new Response(body, response);
    },
  };
}
