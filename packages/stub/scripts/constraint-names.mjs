// The request constraints of an operation that a rejection can exercise, named as the stub's
// validation reports them. Computed when the route table is generated, so that contract coverage
// lists them without reading the OpenAPI document at run time (it is loaded on first use only).

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

function keywordsOf(schema, inPath) {
  return KEYWORDS.filter((keyword) => {
    if (schema?.[keyword] === undefined) return false;
    // An empty path segment changes the route, not the parameter: that bound cannot be exercised.
    return !(inPath && keyword === 'minLength' && schema.minLength === 1);
  });
}

/**
 * Names every constraint of an operation's request: `<in>.<name>.<keyword>` for parameters,
 * `<in>.<name>.required` for required query and header parameters, `body.required`,
 * `body.<property>.required` and `body.<property>.<keyword>` for the body's top-level properties.
 *
 * @param {{ name: string, in: string, required: boolean, schema: object }[]} parameters schemas inlined
 * @param {{ required: boolean, schema?: object } | undefined} body schema inlined
 * @returns {string[]}
 * @example
 * constraintNames([{ name: 'id', in: 'path', required: true, schema: { pattern: '^a$' } }]);
 * // ['path.id.pattern']
 */
export function constraintNames(parameters, body) {
  const names = [];
  for (const parameter of parameters) {
    if (parameter.required && parameter.in !== 'path')
      names.push(`${parameter.in}.${parameter.name}.required`);
    for (const keyword of keywordsOf(parameter.schema, parameter.in === 'path'))
      names.push(`${parameter.in}.${parameter.name}.${keyword}`);
  }
  if (body !== undefined) {
    if (body.required) names.push('body.required');
    const schema = body.schema ?? {};
    for (const name of schema.required ?? []) names.push(`body.${name}.required`);
    for (const [name, property] of Object.entries(schema.properties ?? {}))
      for (const keyword of keywordsOf(property, false)) names.push(`body.${name}.${keyword}`);
  }
  return names;
}
