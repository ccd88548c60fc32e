/** Bounds of an exponential backoff. */
export interface BackoffBounds {
  /** Delay scale of the first retry, in milliseconds. */
  baseDelayMs: number;
  /** Upper bound of any single delay, in milliseconds. */
  maxDelayMs: number;
}

/**
 * "Full jitter" backoff: a uniformly random delay in `[0, min(maxDelayMs, baseDelayMs * 2^attempt))`.
 * Randomising the whole range spreads the retries of many clients throttled at the same moment,
 * which a fixed or half-jittered delay would send back together.
 *
 * @param attempt 0 for the first retry.
 * @param random a source of numbers in `[0, 1)`, injectable for tests.
 * @example
 * ```ts
 * fullJitterDelay(3, { baseDelayMs: 100, maxDelayMs: 5_000 }); // somewhere in [0, 800)
 * ```
 */
export function fullJitterDelay(
  attempt: number,
  { baseDelayMs, maxDelayMs }: BackoffBounds,
  random: () => number = Math.random,
): number {
  return random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
}
