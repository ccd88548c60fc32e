import { generateSync } from 'json-schema-faker';
import type { ResponseRoute } from '../route-table.js';

const ATTEMPTS = 10;

/**
 * Generates a body from a response's schema with json-schema-faker's seeded PRNG: the same seed
 * gives the same body. Only data that passes the response's validator is returned (a few seeds are
 * tried); undefined when the response has no schema or nothing valid came out.
 *
 * @example
 * dynamicBody(operation.responses['200'], hashSeed(seed, request.url));
 */
export function dynamicBody(response: ResponseRoute, seed: number): unknown {
  if (response.schema === undefined) return undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    let value: unknown;
    try {
      // biome-ignore lint/suspicious/noExplicitAny: the inlined schema is plain JSON from the generator.
      value = generateSync(response.schema as any, { seed: (seed + attempt) >>> 0 });
    } catch {
      continue;
    }
    if (response.validate === undefined || response.validate(value)) return value;
  }
  return undefined;
}
