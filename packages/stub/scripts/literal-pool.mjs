// Writes the route table as compact JavaScript in which every object or array that occurs more than
// once is declared once and shared, so that generated code grows with the distinct content of the
// spec (operations cloned from one another cost a few hundred bytes each), not with its operations.

const MIN_SHARED_LENGTH = 32;
// Never shared, nor anything below them: examples (see below).
const UNSHARED_KEYS = new Set(['examples']);
// Keys whose strings are string unions of the route table's types: a shared object is declared apart
// from the typed route table, so they keep their literal types with `as const`.
const UNION_KEYS = new Set(['in', 'kind', 'state', 'effect']);

/**
 * Writes `root` as a TypeScript expression. Route-table conventions: a string under the key
 * `validate` is a validator's name and becomes `v.<name>`, one under `in`, `kind`, `state` or `effect` (a string union
 * of the route table's types) gets `as const`, except inside `schema` (inlined JSON
 * Schemas) and `examples` (plain JSON); values inside `examples` are never shared on their own,
 * because the responder remembers "this body was validated" by the body's identity, so an example
 * shared by two responses could skip the second one's check. A response holding them may be shared
 * whole: equal responses have the same validator.
 *
 * @returns {{ declarations: string, expression: string }} the `const` lines to put before the
 *   expression, in dependency order, and the expression
 * @example
 * const { declarations, expression } = writeWithSharedLiterals(operations);
 * const code = `${declarations}\nexport const operations = ${expression};`;
 */
export function writeWithSharedLiterals(root) {
  const inlineOf = new WeakMap();
  const uses = new Map();
  const scalar = (value, key, plain) => {
    if (plain || typeof value !== 'string') return JSON.stringify(value);
    if (key === 'validate') return `v.${value}`;
    // A shared object is declared apart from the typed route table: keep its string unions' literals.
    if (UNION_KEYS.has(key)) return `${JSON.stringify(value)} as const`;
    return JSON.stringify(value);
  };
  const entries = (value) => Object.entries(value).filter(([, v]) => v !== undefined);

  // Pass 1: the inline code of every object and array, and how often each occurs.
  const inline = (value, key, plain) => {
    if (value === null || typeof value !== 'object') return scalar(value, key, plain);
    const inner = plain || key === 'schema' || key === 'examples';
    const text = Array.isArray(value)
      ? `[${value.map((item) => inline(item, undefined, inner)).join(',')}]`
      : `{${entries(value)
          .map(([k, v]) => `${JSON.stringify(k)}:${inline(v, k, inner)}`)
          .join(',')}}`;
    inlineOf.set(value, text);
    uses.set(text, (uses.get(text) ?? 0) + 1);
    return text;
  };
  inline(root, undefined, false);

  // Pass 2: the same code, with a name for each object or array that occurs more than once.
  const names = new Map();
  const lines = [];
  const emit = (value, key, plain, inExamples) => {
    if (value === null || typeof value !== 'object') return scalar(value, key, plain);
    const text = inlineOf.get(value);
    const shared =
      !inExamples &&
      !UNSHARED_KEYS.has(key) &&
      text.length >= MIN_SHARED_LENGTH &&
      (uses.get(text) ?? 0) > 1;
    if (shared && names.has(text)) return names.get(text);
    const inner = plain || key === 'schema' || key === 'examples';
    const below = inExamples || UNSHARED_KEYS.has(key);
    const code = Array.isArray(value)
      ? `[${value.map((item) => emit(item, undefined, inner, below)).join(',')}]`
      : `{${entries(value)
          .map(([k, v]) => `${JSON.stringify(k)}:${emit(v, k, inner, below)}`)
          .join(',')}}`;
    if (!shared) return code;
    const name = `s${names.size}`;
    names.set(text, name);
    lines.push(`const ${name} = ${code};`);
    return name;
  };
  const expression = emit(root, undefined, false, false);
  return { declarations: lines.join('\n'), expression };
}
