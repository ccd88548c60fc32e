const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function coerceScalar(raw: string, type: string | undefined): unknown {
  switch (type) {
    case 'integer':
    case 'number':
      // A string that does not look like a number stays a string, so the schema reports its type.
      return NUMBER.test(raw) ? Number(raw) : raw;
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    default:
      return raw;
  }
}

/**
 * Turns the raw string(s) of a path, query or header parameter into the value its schema expects
 * (style `simple` / `form`, explode for arrays). Values that cannot be converted are kept as they
 * are, so that validation names the rule they break.
 *
 * @example
 * coerceParameter('42', 'integer'); // 42
 * coerceParameter(['a', 'b'], 'array', 'string'); // ['a', 'b']
 */
export function coerceParameter(
  raw: string | string[],
  type: string | undefined,
  itemType?: string,
): unknown {
  if (type === 'array') {
    const items = Array.isArray(raw) ? raw : raw.split(',');
    return items.map((item) => coerceScalar(item, itemType));
  }
  return coerceScalar(Array.isArray(raw) ? (raw[0] ?? '') : raw, type);
}
