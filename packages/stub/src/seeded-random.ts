/** A deterministic source of numbers in [0, 1). */
export type Random = () => number;

/**
 * Mulberry32, a small fast PRNG: the same seed gives the same sequence, which makes latency,
 * faults and generated data repeatable.
 *
 * @example
 * const random = createSeededRandom(42);
 * random(); // always the same first value for seed 42
 */
export function createSeededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * FNV-1a hash of a string mixed with a seed, as an unsigned 32-bit integer: the seed of data
 * generated for one request.
 *
 * @example
 * hashSeed(1, 'GET /v1/p/dev-servers'); // same input, same number
 */
export function hashSeed(seed: number, text: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
