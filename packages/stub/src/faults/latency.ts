import type { Random } from '../seeded-random.js';

/** Added latency in ms: a fixed delay, or a range drawn from the seeded PRNG. */
export type LatencyOption = number | { min: number; max: number };

/**
 * Checks a latency option.
 * @throws {RangeError} when a delay is negative or not finite, or min > max.
 * @example
 * checkLatency({ min: 100, max: 300 });
 */
export function checkLatency(latency: LatencyOption): void {
  const [min, max] =
    typeof latency === 'number' ? [latency, latency] : [latency?.min, latency?.max];
  if (
    typeof min !== 'number' ||
    typeof max !== 'number' ||
    !(min >= 0) ||
    !(max >= min) ||
    !Number.isFinite(max)
  ) {
    throw new RangeError(
      'latency must be a non-negative number of ms or { min, max } with min <= max',
    );
  }
}

/**
 * The delay of one request.
 * @example
 * drawLatency({ min: 100, max: 300 }, random); // e.g. 173
 */
export function drawLatency(latency: LatencyOption | undefined, random: Random): number {
  if (latency === undefined) return 0;
  if (typeof latency === 'number') return latency;
  return latency.min + Math.floor(random() * (latency.max - latency.min + 1));
}

/** Waits `ms` with setTimeout, available on every runtime. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
