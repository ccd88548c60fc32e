import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

/** The bundled document, as the other packages consume it (`@modelarts-lite/spec/openapi.json`). */
export const spec = JSON.parse(
  readFileSync(new URL('../dist/openapi.json', import.meta.url), 'utf8'),
) as Record<string, any>;

const SPEC_ID = 'https://modelarts-lite.local/openapi.json';

/** Collects the `x-…` keys used anywhere in the document so Ajv's strict mode can allow exactly those. */
function extensionKeywords(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) extensionKeywords(item, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) found.add(key);
      extensionKeywords(value, found);
    }
  }
  return found;
}

const ajv = new Ajv2020({ allErrors: true, strict: true });
// OpenAPI annotations that are not JSON Schema keywords, and the wrapper that hosts the components.
for (const keyword of ['components', 'example', ...extensionKeywords(spec)]) {
  ajv.addKeyword(keyword);
}
ajv.addSchema({ $id: SPEC_ID, components: spec.components });

/** Validator for a JSON pointer inside the document, e.g. `#/components/schemas/OperationDetails`. */
export function validatorFor(pointer: string): ValidateFunction {
  const validate = ajv.getSchema(`${SPEC_ID}${pointer}`);
  if (!validate) throw new Error(`no schema at ${pointer}`);
  return validate;
}

/** Validator for an inline schema that may `$ref` into the document's components. */
export function compileInline(schema: object): ValidateFunction {
  return ajv.compile({ $id: `${SPEC_ID}/inline/${Math.random()}`, ...rebase(schema) });
}

function rebase(node: any): any {
  if (Array.isArray(node)) return node.map(rebase);
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${SPEC_ID}${v}` : rebase(v),
      ]),
    );
  }
  return node;
}

/** Follows a local `$ref` to the object it names. */
export function deref<T = any>(node: any): T {
  let current = node;
  while (current && typeof current.$ref === 'string') {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce((obj: any, part: string) => obj[part.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return current as T;
}
