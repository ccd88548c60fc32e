import type { ResponseRoute } from '../route-table.js';
import { dataGeneratorReady, generate } from './data-generator.js';

const ATTEMPTS = 10;

/**
 * Generates a body from a response's schema with json-schema-faker's seeded PRNG: the same seed
 * gives the same body. Only data that passes the response's validator is returned (a few seeds are
 * tried); undefined when the response has no schema or nothing valid came out. The generator is
 * loaded on first use: await `dataGeneratorReady()` before calling this.
 *
 * @example
 * dynamicBody(operation.responses['200'], hashSeed(seed, request.url));
 */
export function dynamicBody(response: ResponseRoute, seed: number): unknown {
  if (response.schema === undefined) return undefined;
  // Checked outside the loop, which takes a throw for a bad seed: this is the caller's bug.
  if (dataGeneratorReady() !== undefined) {
    throw new Error('the data generator is not loaded yet: await dataGeneratorReady() first');
  }
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    let value: unknown;
    try {
      value = generate(response.schema, (seed + attempt) >>> 0);
    } catch {
      continue;
    }
    if (response.validate === undefined || response.validate(value)) return value;
  }
  return undefined;
}
