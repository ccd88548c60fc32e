import { isDeepStrictEqual } from 'node:util';
import { type Context, emit, within } from './context.js';

const ANNOTATION_KEYS = new Set([
  'summary',
  'description',
  'title',
  'example',
  'examples',
  'externalDocs',
  'deprecated',
  'tags',
]);

/** Keys whose meaning a rule elsewhere classifies, so they are not mere notes. */
const SEMANTIC_EXTENSIONS = new Set(['x-known-values']);

/** Whether a key only documents: descriptions, summaries, examples and `x-` notes. */
export function isAnnotationKey(key: string): boolean {
  return ANNOTATION_KEYS.has(key) || (key.startsWith('x-') && !SEMANTIC_EXTENSIONS.has(key));
}

/**
 * Reports every annotation key (or every key `isNote` accepts) whose value differs between two
 * nodes of the same kind.
 */
export function compareAnnotations(
  ctx: Context,
  base: unknown,
  head: unknown,
  isNote: (key: string) => boolean = isAnnotationKey,
): void {
  if (!isObject(base) || !isObject(head)) return;
  const keys = new Set([...Object.keys(base), ...Object.keys(head)]);
  for (const key of [...keys].sort()) {
    if (!isNote(key) || isDeepStrictEqual(base[key], head[key])) continue;
    const verb = !(key in base) ? 'added' : !(key in head) ? 'removed' : 'changed';
    emit(within(ctx, `.${key}`), 'annotation', 'annotation-changed', `${key} ${verb}`);
  }
}

/** A plain JSON object (not an array). */
export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
