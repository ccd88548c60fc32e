import type { RequestShape, Schema } from '../verify/request-shapes.js';

const KEYWORDS = [
  'pattern',
  'minLength',
  'maxLength',
  'enum',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
];

function keywordsOf(schema: Schema, inPath: boolean): string[] {
  return KEYWORDS.filter((keyword) => {
    if (schema[keyword] === undefined) return false;
    // An empty path segment changes the route, not the parameter: that bound cannot be exercised.
    return !(inPath && keyword === 'minLength' && schema.minLength === 1);
  });
}

/**
 * Every request constraint of an operation that a rejection can exercise, named as validation
 * reports them: `<in>.<name>.<keyword>` for parameters, `body.required`, `body.<property>.required`
 * and `body.<property>.<keyword>` for the body's top-level properties.
 *
 * @example
 * constraintNames(shape); // ['path.project_id.pattern', 'path.project_id.maxLength', 'path.id.pattern', …]
 */
export function constraintNames(shape: RequestShape): string[] {
  const names: string[] = [];
  for (const parameter of shape.parameters) {
    if (parameter.required && parameter.in !== 'path')
      names.push(`${parameter.in}.${parameter.name}.required`);
    for (const keyword of keywordsOf(parameter.schema, parameter.in === 'path'))
      names.push(`${parameter.in}.${parameter.name}.${keyword}`);
  }
  if (shape.body !== undefined) {
    if (shape.body.required) names.push('body.required');
    const schema = shape.body.schema;
    for (const name of (schema.required as string[] | undefined) ?? [])
      names.push(`body.${name}.required`);
    for (const [name, property] of Object.entries(
      (schema.properties ?? {}) as Record<string, Schema>,
    )) {
      for (const keyword of keywordsOf(property, false)) names.push(`body.${name}.${keyword}`);
    }
  }
  return names;
}
