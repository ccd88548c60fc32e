import { describe, expect, it } from 'vitest';
import { boundaryValues } from './boundary-values.js';

describe('boundaryValues', () => {
  it('breaks each string constraint alone, just past its limit', () => {
    const schema = { type: 'string', minLength: 3, maxLength: 8, pattern: '^[a-z]+$' };
    expect(boundaryValues(schema, 'abcd', true)).toEqual([
      { constraint: 'pattern', value: 'abc!' },
      { constraint: 'minLength', value: 'ab' },
      { constraint: 'maxLength', value: 'abcdddddd' },
    ]);
  });

  it('keeps the pattern when lengthening a structured value', () => {
    const schema = { type: 'string', maxLength: 16, pattern: '^/dev/[a-z]+$' };
    expect(boundaryValues(schema, '/dev/vdb', true)).toContainEqual({
      constraint: 'maxLength',
      value: `/dev/vdb${'b'.repeat(9)}`,
    });
  });

  it('does not empty a path parameter, where that would change the route', () => {
    const schema = { type: 'string', minLength: 1, maxLength: 4 };
    expect(boundaryValues(schema, 'ab', false)).toEqual([
      { constraint: 'maxLength', value: 'abbbb' },
    ]);
    expect(boundaryValues(schema, 'ab', true)).toContainEqual({
      constraint: 'minLength',
      value: '',
    });
  });

  it('steps numbers one unit outside their range and breaks their type', () => {
    expect(boundaryValues({ type: 'integer', minimum: 1, maximum: 100 }, 10, true)).toEqual([
      { constraint: 'minimum', value: 0 },
      { constraint: 'maximum', value: 101 },
      { constraint: 'type', value: 'x' },
    ]);
  });

  it('leaves an enum with a value outside it', () => {
    expect(boundaryValues({ type: 'string', enum: ['asc', 'desc'] }, 'asc', true)).toEqual([
      { constraint: 'enum', value: 'ascx' },
    ]);
  });
});
