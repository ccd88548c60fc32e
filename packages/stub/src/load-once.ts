/**
 * A value, or a function loading it, as a function that loads it at most once: a load that fails
 * is tried again by the next call.
 *
 * @example
 * const document = loadOnce(() => import('./big.js').then((m) => m.text));
 * await document(); // imports big.js
 * await document(); // does not import it again
 */
export function loadOnce<T>(source: T | (() => Promise<T>)): () => T | Promise<T> {
  if (typeof source !== 'function') return () => source;
  const load = source as () => Promise<T>;
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
