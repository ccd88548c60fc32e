const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Requests per second sent to a non-loopback host unless `--rate` says otherwise. */
export const DEFAULT_REMOTE_RATE = 2;

/**
 * The default request rate for a base URL: unlimited on loopback (a local stub or server), a
 * conservative {@link DEFAULT_REMOTE_RATE} per second anywhere else (a real account).
 *
 * @example
 * defaultRate('https://modelarts.cn-north-4.myhuaweicloud.com'); // 2
 */
export function defaultRate(baseUrl: string): number {
  return LOOPBACK.test(new URL(baseUrl).hostname) ? Number.POSITIVE_INFINITY : DEFAULT_REMOTE_RATE;
}

/**
 * A pacer: each call resolves no sooner than 1/rate seconds after the previous one.
 *
 * @example
 * const pace = createPacer(2);
 * await pace(); await pace(); // the second waits 500 ms
 */
export function createPacer(rate: number): () => Promise<void> {
  const interval = Number.isFinite(rate) && rate > 0 ? 1000 / rate : 0;
  let next = 0;
  return async () => {
    if (interval === 0) return;
    const now = Date.now();
    const wait = Math.max(0, next - now);
    next = Math.max(now, next) + interval;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  };
}

/**
 * The delay a 429's `Retry-After` asks for (seconds or an HTTP date), capped; 1 s when absent.
 *
 * @example
 * retryAfterMs('2', 60_000); // 2000
 */
export function retryAfterMs(value: string | null, capMs: number): number {
  if (value === null) return Math.min(1000, capMs);
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Math.min(Math.max(Number.isFinite(ms) ? ms : 1000, 0), capMs);
}
