/**
 * Waits `ms` milliseconds; rejects with `signal.reason` as soon as the signal aborts. Injectable
 * wherever the client waits, so tests can run without real time passing.
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * The default {@link Sleep}, on `setTimeout`.
 *
 * @example
 * ```ts
 * await sleep(1_000, AbortSignal.timeout(500)); // rejects after 500 ms with a TimeoutError
 * ```
 */
export const sleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
