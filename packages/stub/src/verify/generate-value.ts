import { generate } from '../responses/data-generator.js';
import type { Schema } from './request-shapes.js';

const ATTEMPTS = 10;

function withoutAnnotations(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutAnnotations);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-') || key === 'example' || key === 'examples') continue;
    out[key] = key === 'enum' || key === 'const' ? value : withoutAnnotations(value);
  }
  return out;
}

/**
 * Generates a value valid for a schema with json-schema-faker's seeded PRNG (the same seed gives
 * the same value), keeping only one `accept` agrees with; undefined when none came out.
 *
 * @example
 * await dataGeneratorReady();
 * generateValue({ type: 'string', pattern: '^[a-f0-9]{8}$' }, 1, (v) => validate(v));
 */
export function generateValue(
  schema: Schema,
  seed: number,
  accept: (value: unknown) => boolean,
): unknown {
  const clean = withoutAnnotations(schema);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      const value = generate(clean, (seed + attempt) >>> 0);
      if (accept(value)) return value;
    } catch {
      // An unsatisfiable draw: try the next seed.
    }
  }
  return undefined;
}

/**
 * How a parameter value travels in a URL or header: arrays comma-separated (style simple/form).
 *
 * @example
 * wireValue(['a', 'b']); // 'a,b'
 */
export function wireValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(',');
  return typeof value === 'string' ? value : JSON.stringify(value);
}
