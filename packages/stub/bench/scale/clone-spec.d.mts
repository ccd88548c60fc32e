/** Types of clone-spec.mjs, for the tests that use it. */
/**
 * Returns a copy of `spec` with `count` operations in all: the original ones, then clones of them
 * under `/<first two segments>/b<n>/…`, each with its own renamed copy of every component it uses.
 */
// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document as parsed JSON.
export function cloneSpec(spec: any, count: number): any;
