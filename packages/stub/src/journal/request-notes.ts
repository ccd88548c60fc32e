// What validation learnt about a request, kept for the journal and coverage without copying
// anything: the body text it already read and the constraint a rejection broke. Keyed weakly by
// the Request, so nothing outlives the request unless the journal keeps it.
const bodies = new WeakMap<Request, string>();
const rejections = new WeakMap<Request, string>();

/**
 * Remembers the body text validation read (the stream cannot be read twice).
 *
 * @example
 * noteBody(c.req.raw, text);
 */
export function noteBody(request: Request, text: string): void {
  bodies.set(request, text);
}

/**
 * Remembers the constraint a request broke, as `<in>.<name>.<keyword>` (e.g. `path.id.pattern`,
 * `query.limit.required`, `body.size.minimum`, `body.required`), the names `verify` uses.
 *
 * @example
 * noteRejection(c.req.raw, 'path.id.pattern');
 */
export function noteRejection(request: Request, constraint: string): void {
  rejections.set(request, constraint);
}

/** The body text validation read, if it read one. */
export function bodyOf(request: Request): string | undefined {
  return bodies.get(request);
}

/** The constraint a rejected request broke, if validation rejected it. */
export function rejectionOf(request: Request): string | undefined {
  return rejections.get(request);
}
