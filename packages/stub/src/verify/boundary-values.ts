import type { Schema } from './request-shapes.js';

/** A value that breaks exactly one constraint of a schema, at its boundary. */
export interface BoundaryValue {
  /** The keyword broken: `pattern`, `minLength`, `maxLength`, `enum`, `minimum`, `maximum`, `type`. */
  constraint: string;
  value: unknown;
}

function length(value: string): number {
  return [...value].length;
}

/** The string constraints a value breaks, checked one by one (Ajv stops at the first). */
function brokenStringRules(schema: Schema, value: string): string[] {
  const broken: string[] = [];
  if (typeof schema.minLength === 'number' && length(value) < schema.minLength)
    broken.push('minLength');
  if (typeof schema.maxLength === 'number' && length(value) > schema.maxLength)
    broken.push('maxLength');
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
    broken.push('pattern');
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) broken.push('enum');
  return broken;
}

function resized(valid: string, size: number): string {
  if (size <= 0) return '';
  const seed = valid === '' ? 'a' : valid;
  return seed.repeat(Math.ceil(size / length(seed))).slice(0, size);
}

function stringCandidates(schema: Schema, valid: string, constraint: string): string[] {
  switch (constraint) {
    case 'maxLength': {
      const size = (schema.maxLength as number) + 1;
      const grow = Math.max(size - length(valid), 0);
      return [
        `${valid}${valid.slice(-1).repeat(grow)}`,
        `${valid.slice(0, 1).repeat(grow)}${valid}`,
        resized(valid, size),
        'a'.repeat(size),
        '0'.repeat(size),
        'A'.repeat(size),
      ];
    }
    case 'minLength': {
      const size = (schema.minLength as number) - 1;
      return [resized(valid, size), 'a'.repeat(Math.max(size, 0)), '0'.repeat(Math.max(size, 0))];
    }
    case 'pattern': {
      const last = valid.slice(-1);
      return [
        `${valid.slice(0, -1)}!`,
        `${valid.slice(0, -1)}${last === last.toUpperCase() ? last.toLowerCase() : last.toUpperCase()}`,
        `!${valid.slice(1)}`,
        valid.toUpperCase(),
        valid.slice(0, -1),
        `${valid}0`,
        `${valid}!`,
      ];
    }
    case 'enum':
      return [`${valid}x`, 'x', valid.toUpperCase()];
    default:
      return [];
  }
}

function stringBoundaries(schema: Schema, valid: string, allowEmpty: boolean): BoundaryValue[] {
  const out: BoundaryValue[] = [];
  const constraints = ['pattern', 'minLength', 'maxLength', 'enum'].filter((keyword) =>
    keyword === 'minLength'
      ? typeof schema.minLength === 'number' && schema.minLength > 0
      : schema[keyword] !== undefined,
  );
  for (const constraint of constraints) {
    const value = stringCandidates(schema, valid, constraint).find((candidate) => {
      if (candidate === '' && !allowEmpty) return false;
      const broken = brokenStringRules(schema, candidate);
      return broken.length === 1 && broken[0] === constraint;
    });
    if (value !== undefined) out.push({ constraint, value });
  }
  return out;
}

function numberBoundaries(schema: Schema): BoundaryValue[] {
  const out: BoundaryValue[] = [];
  const step = schema.type === 'integer' ? 1 : 0.5;
  if (typeof schema.minimum === 'number')
    out.push({ constraint: 'minimum', value: schema.minimum - step });
  if (typeof schema.maximum === 'number')
    out.push({ constraint: 'maximum', value: schema.maximum + step });
  out.push({ constraint: 'type', value: 'x' });
  return out;
}

/**
 * One value per constraint of a schema, breaking that constraint alone and just past its limit:
 * a string one character too long or short, a valid value with one character that leaves the
 * pattern, a number one step outside its range. `allowEmpty` is false for path parameters, where
 * an empty value would change the route rather than the parameter.
 *
 * @example
 * boundaryValues({ type: 'string', maxLength: 3, pattern: '^[a-z]+$' }, 'abc', true);
 * // [{ constraint: 'pattern', value: 'ab!' }, { constraint: 'maxLength', value: 'abca' }]
 */
export function boundaryValues(
  schema: Schema,
  valid: unknown,
  allowEmpty: boolean,
): BoundaryValue[] {
  if (schema.type === 'integer' || schema.type === 'number') return numberBoundaries(schema);
  if (typeof valid === 'string') return stringBoundaries(schema, valid, allowEmpty);
  return [];
}
