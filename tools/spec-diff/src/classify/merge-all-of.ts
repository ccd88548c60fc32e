import mergeAllOf from 'json-schema-merge-allof';

type Schema = Record<string, unknown>;

/**
 * A schema with its `allOf` merged into one (json-schema-merge-allof), so that a property made
 * required by one `allOf` member and later by nothing is seen as becoming optional. Keywords the
 * library does not know (OpenAPI annotations, `x-` extensions) keep the first value; a schema it
 * cannot merge (a contradiction, a cycle) is compared as written.
 *
 * @example
 * mergedAllOf({ allOf: [{ type: 'object' }, { required: ['id'] }] }); // { type: 'object', required: ['id'] }
 */
export function mergedAllOf<T extends Schema>(schema: T): T {
  if (!Array.isArray(schema.allOf)) return schema;
  try {
    return mergeAllOf(schema, {
      ignoreAdditionalProperties: true,
      resolvers: { defaultResolver: (values: unknown[]) => values[0] },
    }) as T;
  } catch {
    return schema;
  }
}
