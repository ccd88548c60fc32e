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
 * could be collected mid-request and never fire. Here the timer holds the controller. The timer
 * keeps the event loop alive while the call is in flight: for a fetch that holds no socket (an
 * in-process stub) it may be all that ends the call, and unreferenced it let the process or worker
 * stop with the call still pending.
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

/**
 * A pooled signal serves at most this many calls. Each Request built on a signal adds an abort
 * listener to it that goes only when that Request is collected, and adding a listener walks the
 * existing ones: a few dozen uses keep that short while still sparing most controllers.
 */
const MAX_USES = 32;

/**
 * Deadlines of `ms` for calls without a signal of their own, sharing one AbortController among
 * calls that start within `ms / 100` (at most 10 ms) of each other: creating a controller is the
 * costliest part of a deadline in Node, and every call of such a group is overdue when its timer
 * fires (at most that slack early). The timer runs only while a call of the group is in flight.
 *
 * @example
 * ```ts
 * const start = deadlinePool(30_000);
 * const deadline = start();
 * try { await fetch(url, { signal: deadline.signal }); } finally { deadline.clear(); }
 * ```
 */
export function deadlinePool(
  ms: number,
  clock: () => number = () => performance.now(),
): () => Deadline {
  const slack = Math.min(10, ms / 100);
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = 0;
  let groupStart = 0;
  let uses = 0;
  const fire = () => {
    controller?.abort(new DOMException(`The request timed out after ${ms} ms`, 'TimeoutError'));
  };
  return () => {
    const now = clock();
    if (inFlight > 0 && now - groupStart > slack) {
      return startDeadline(ms, undefined);
    }
    if (controller === undefined || controller.signal.aborted || uses >= MAX_USES) {
      controller = new AbortController();
      inFlight = 0;
      uses = 0;
    }
    if (inFlight === 0) {
      groupStart = now;
      timer = setTimeout(fire, ms);
    }
    inFlight++;
    uses++;
    const mine = controller;
    let cleared = false;
    return {
      signal: mine.signal,
      timedOut: () => mine.signal.aborted,
      clear() {
        if (cleared || mine !== controller) {
          return;
        }
        cleared = true;
        if (--inFlight === 0) {
          clearTimeout(timer);
        }
      },
    };
  };
}
