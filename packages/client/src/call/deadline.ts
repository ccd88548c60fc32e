/** Lets the process exit while a timer is pending, where the runtime supports it (Node, Deno). */
function unref(timer: unknown): void {
  (timer as { unref?: () => void }).unref?.();
}

/** A per-attempt time limit, as an AbortSignal that also follows the caller's. */
export interface Deadline {
  /** Aborts with a `TimeoutError` after the limit, or with the caller's reason when they abort. */
  readonly signal: AbortSignal;
  /** Whether the limit (not the caller) aborted it. */
  timedOut(): boolean;
  /** Stops the timer and unhooks the caller's signal; call once the attempt is over. */
  clear(): void;
}

/**
 * Starts a deadline of `ms` milliseconds. One controller and one timer, cleared by `clear()`:
 * `AbortSignal.timeout` cannot be cancelled, so every finished request would keep a timer (and its
 * signal) alive until the limit; and `AbortSignal.any` signals are held weakly by Node, so one
 * could be collected mid-request and never fire. Here the timer holds the controller.
 */
export function startDeadline(ms: number, callerSignal: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  let expired = false;
  const onCallerAbort = () => {
    clearTimeout(timer);
    controller.abort(callerSignal?.reason);
  };
  const timer = setTimeout(() => {
    expired = true;
    callerSignal?.removeEventListener('abort', onCallerAbort);
    controller.abort(new DOMException(`The request timed out after ${ms} ms`, 'TimeoutError'));
  }, ms);
  unref(timer);
  if (callerSignal?.aborted) {
    onCallerAbort();
  } else {
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  }
  return {
    signal: controller.signal,
    timedOut: () => expired,
    clear() {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
