import type { Change } from '../change.js';
import type { Level } from '../levels.js';

/** Which way data flows: a tighter constraint hurts a request's sender and helps a response's reader. */
export type Direction = 'request' | 'response';

/** Where the comparison is, and the list its findings go to. */
export type Context = {
  readonly changes: Change[];
  readonly operationId: string | null;
  readonly location: string;
};

/** Records a change at the context's operation and location. */
export function emit(ctx: Context, level: Level, rule: string, message: string): void {
  ctx.changes.push({
    level,
    rule,
    operationId: ctx.operationId,
    location: ctx.location,
    message,
  });
}

/**
 * A context one step further in. Segments starting with `.` or `[` are glued on (`body.name`,
 * `items[]`); others are separated by a space (`GET /x response 200`).
 */
export function within(
  ctx: Context,
  segment: string,
  operationId: string | null = ctx.operationId,
): Context {
  const glue = segment.startsWith('.') || segment.startsWith('[') || !ctx.location ? '' : ' ';
  return { changes: ctx.changes, operationId, location: `${ctx.location}${glue}${segment}` };
}
