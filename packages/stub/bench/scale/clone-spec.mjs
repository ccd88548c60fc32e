// Grows an OpenAPI document to `count` operations for the scale benchmark: every existing path is
// cloned under new paths, and each clone gets its own copy of every component it uses (schemas,
// parameters, responses, headers, examples), renamed, so that no two operations share a component,
// as in a spec that grew one operation at a time. Security schemes stay shared, as a real API's do.
const CLONED_SECTIONS = [
  'schemas',
  'parameters',
  'responses',
  'headers',
  'examples',
  'requestBodies',
];

/** Deep copy with every local component `$ref` renamed to its clone. */
function renameRefs(node, suffix) {
  if (Array.isArray(node)) return node.map((item) => renameRefs(item, suffix));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      const match = /^#\/components\/([^/]+)\/(.+)$/.exec(value);
      out.$ref =
        match && CLONED_SECTIONS.includes(match[1])
          ? `#/components/${match[1]}/${match[2]}${suffix}`
          : value;
    } else {
      out[key] = renameRefs(value, suffix);
    }
  }
  return out;
}

/**
 * Returns a copy of `spec` with `count` operations in all: the original ones, then clones of them
 * under `/<first two segments>/b<n>/…` with operationIds and SDK names suffixed `_b<n>`.
 *
 * @param {any} spec a bundled OpenAPI 3.1 document
 * @param {number} count total number of operations wanted
 * @example
 * const big = cloneSpec(JSON.parse(readFileSync('openapi.json', 'utf8')), 1000);
 */
export function cloneSpec(spec, count) {
  const out = structuredClone(spec);
  const originals = Object.entries(spec.paths);
  const perCopy = originals.reduce(
    (n, [, item]) =>
      n +
      Object.keys(item).filter(
        (k) =>
          !k.startsWith('x-') &&
          k !== 'parameters' &&
          typeof item[k] === 'object' &&
          item[k]?.responses,
      ).length,
    0,
  );
  let total = perCopy;
  for (let copy = 1; total < count; copy++) {
    const suffix = `_b${copy}`;
    for (const section of CLONED_SECTIONS) {
      for (const [name, component] of Object.entries(spec.components?.[section] ?? {})) {
        out.components[section][`${name}${suffix}`] = renameRefs(component, suffix);
      }
    }
    for (const [path, item] of originals) {
      const clone = renameRefs(item, suffix);
      for (const operation of Object.values(clone)) {
        if (operation?.responses === undefined) continue;
        if (operation.operationId) operation.operationId += suffix;
        if (operation['x-sdk-operation-name']) operation['x-sdk-operation-name'] += suffix;
      }
      // A new segment after the project, where a real API grows: /v1/{project_id}/b7/dev-servers/…
      out.paths[path.replace(/^(\/[^/]+\/[^/]+)/, `$1/b${copy}`)] = clone;
    }
    total += perCopy;
  }
  return out;
}
