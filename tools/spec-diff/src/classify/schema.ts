import { isDeepStrictEqual } from 'node:util';
import type { Level } from '../levels.js';
import { compareAnnotations, isObject } from './annotations.js';
import { type Context, type Direction, emit, within } from './context.js';
import { mergedAllOf } from './merge-all-of.js';

type Schema = Record<string, any>;

/** Bounds where a larger value accepts more (upper) or less (lower). */
const UPPER_BOUNDS = ['maxLength', 'maxItems', 'maxProperties', 'maximum', 'exclusiveMaximum'];
const LOWER_BOUNDS = ['minLength', 'minItems', 'minProperties', 'minimum', 'exclusiveMinimum'];

/**
 * Compares two versions of a schema that data flows through in `direction`, recursing into
 * properties, items and composition. A request schema that accepts less breaks senders; a response
 * schema that may carry more may surprise readers.
 */
export function compareSchema(
  ctx: Context,
  baseSchema: unknown,
  headSchema: unknown,
  direction: Direction,
  seen: Map<object, Set<object>> = new Map(),
): void {
  if (!isObject(baseSchema) || !isObject(headSchema)) return;
  const base = mergedAllOf(baseSchema);
  const head = mergedAllOf(headSchema);
  // Recursive schemas dereference to cycles: compare each pair once.
  const pairs = seen.get(base) ?? new Set<object>();
  if (pairs.has(head)) return;
  pairs.add(head);
  seen.set(base, pairs);

  compareAnnotations(ctx, base, head);
  compareTypes(ctx, base, head, direction);
  compareValueSets(ctx, base, head, direction);
  compareKnownValues(ctx, base, head, direction);
  compareBounds(ctx, base, head, direction);
  comparePatternAndFormat(ctx, base, head, direction);
  compareAdditionalProperties(ctx, base, head, direction);
  compareProperties(ctx, base, head, direction, seen);
  if (base.items !== undefined || head.items !== undefined) {
    compareSchema(within(ctx, '[]'), base.items, head.items, direction, seen);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const b: unknown[] = base[key] ?? [];
    const h: unknown[] = head[key] ?? [];
    for (let i = 0; i < Math.min(b.length, h.length); i++) {
      compareSchema(within(ctx, `.${key}[${i}]`), b[i], h[i], direction, seen);
    }
  }
}

/** Emits a narrowing or widening of a constraint at the level the direction gives it. */
function constraint(ctx: Context, direction: Direction, narrowed: boolean, what: string): void {
  if (direction === 'request') {
    if (narrowed)
      emit(ctx, 'breaking', 'request-constraint-narrowed', `request accepts less: ${what}`);
    else emit(ctx, 'compatible', 'request-constraint-widened', `request accepts more: ${what}`);
  } else if (narrowed) {
    emit(ctx, 'compatible', 'response-constraint-narrowed', `response promises more: ${what}`);
  } else {
    emit(
      ctx,
      'possibly-breaking',
      'response-constraint-widened',
      `response may carry more: ${what}`,
    );
  }
}

function types(schema: Schema): Set<string> | undefined {
  if (schema.type === undefined) return undefined;
  const list: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  const set = new Set(list);
  // OpenAPI 3.0's `nullable` is 3.1's `null` type.
  if (schema.nullable === true) set.add('null');
  return set;
}

function compareTypes(ctx: Context, base: Schema, head: Schema, direction: Direction): void {
  const b = types(base);
  const h = types(head);
  if (isDeepStrictEqual(b, h)) return;
  const describe = (s?: Set<string>) => (s ? [...s].join(' | ') : 'any');
  const what = `type ${describe(b)} → ${describe(h)}`;
  // An integer is a number: `number` widens `integer` rather than changing the type.
  const accepts = (outer?: Set<string>, inner?: Set<string>) =>
    !outer ||
    (!!inner && [...inner].every((t) => outer.has(t) || (t === 'integer' && outer.has('number'))));
  // Only a pure widening of a request (or narrowing of a response) keeps every consumer working.
  if (direction === 'request' && accepts(h, b)) constraint(ctx, direction, false, what);
  else if (direction === 'response' && accepts(b, h)) constraint(ctx, direction, true, what);
  else emit(ctx, 'breaking', `${direction}-type-changed`, what);
}

function valueSet(schema: Schema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  if ('const' in schema) return [schema.const];
  return undefined;
}

function compareValueSets(ctx: Context, base: Schema, head: Schema, direction: Direction): void {
  const b = valueSet(base);
  const h = valueSet(head);
  if (isDeepStrictEqual(b, h)) return;
  const at = within(ctx, '.enum');
  if (!b || !h) {
    // A new closed set narrows; dropping it opens the value to anything.
    const what = b ? 'enum removed' : `enum added: ${JSON.stringify(h)}`;
    constraint(at, direction, !b, what);
    return;
  }
  const added = h.filter((v) => !b.some((x) => isDeepStrictEqual(x, v)));
  const removed = b.filter((v) => !h.some((x) => isDeepStrictEqual(x, v)));
  if (removed.length > 0) constraint(at, direction, true, `enum values removed: ${list(removed)}`);
  if (added.length === 0) return;
  if (direction === 'response') {
    emit(at, 'possibly-breaking', 'response-enum-value-added', `new enum values: ${list(added)}`);
  } else {
    constraint(at, direction, false, `enum values added: ${list(added)}`);
  }
}

/**
 * `x-known-values` lists the values of an open set (spec decision `status-open-set`): a new one
 * in a response is a value consumers' switch statements have never seen.
 */
function compareKnownValues(ctx: Context, base: Schema, head: Schema, direction: Direction): void {
  const b: unknown[] = base['x-known-values'] ?? [];
  const h: unknown[] = head['x-known-values'] ?? [];
  if (isDeepStrictEqual(b, h)) return;
  const at = within(ctx, '.x-known-values');
  const added = h.filter((v) => !b.includes(v));
  if (direction === 'response' && added.length > 0) {
    emit(at, 'possibly-breaking', 'response-enum-value-added', `new known values: ${list(added)}`);
  } else {
    emit(at, 'annotation', 'annotation-changed', `known values ${list(b)} → ${list(h)}`);
  }
}

function compareBounds(ctx: Context, base: Schema, head: Schema, direction: Direction): void {
  for (const key of [...UPPER_BOUNDS, ...LOWER_BOUNDS]) {
    const b = base[key];
    const h = head[key];
    if (b === h || typeof b === 'boolean' || typeof h === 'boolean') continue;
    const upper = UPPER_BOUNDS.includes(key);
    // A bound that appears narrows; one that goes widens; otherwise compare the numbers.
    const narrowed = b === undefined ? true : h === undefined ? false : upper ? h < b : h > b;
    constraint(
      within(ctx, `.${key}`),
      direction,
      narrowed,
      `${key} ${b ?? 'none'} → ${h ?? 'none'}`,
    );
  }
}

function comparePatternAndFormat(
  ctx: Context,
  base: Schema,
  head: Schema,
  direction: Direction,
): void {
  for (const key of ['pattern', 'format']) {
    const b = base[key];
    const h = head[key];
    if (b === h) continue;
    // Whether one regular expression accepts more than another is undecidable in general, so a
    // changed pattern counts as narrowed for requests and widened for responses: the unsafe side.
    const narrowed = h === undefined ? false : b === undefined ? true : direction === 'request';
    constraint(
      within(ctx, `.${key}`),
      direction,
      narrowed,
      `${key} ${b ?? 'none'} → ${h ?? 'none'}`,
    );
  }
}

function compareAdditionalProperties(
  ctx: Context,
  base: Schema,
  head: Schema,
  direction: Direction,
): void {
  const closed = (s: Schema) => s.additionalProperties === false;
  if (closed(base) === closed(head)) return;
  const what = closed(head) ? 'additional properties forbidden' : 'additional properties allowed';
  constraint(within(ctx, '.additionalProperties'), direction, closed(head), what);
}

function compareProperties(
  ctx: Context,
  base: Schema,
  head: Schema,
  direction: Direction,
  seen: Map<object, Set<object>>,
): void {
  const bProps: Schema = base.properties ?? {};
  const hProps: Schema = head.properties ?? {};
  const bRequired = new Set<string>(base.required ?? []);
  const hRequired = new Set<string>(head.required ?? []);
  const names = [...new Set([...Object.keys(bProps), ...Object.keys(hProps)])].sort();
  for (const name of names) {
    const at = within(ctx, `.${name}`);
    const rule = (level: Level, id: string, message: string) =>
      emit(at, level, `${direction}-property-${id}`, message);
    if (!(name in hProps)) {
      // A sender may still send it (extra properties are usually ignored); a reader loses it.
      if (direction === 'request') rule('possibly-breaking', 'removed', `property ${name} removed`);
      else rule('breaking', 'removed', `property ${name} removed`);
    } else if (!(name in bProps)) {
      if (direction === 'response') rule('compatible', 'added', `property ${name} added`);
      else if (hRequired.has(name))
        rule('breaking', 'required-added', `required property ${name} added`);
      else rule('compatible', 'added', `optional property ${name} added`);
    } else {
      const was = bRequired.has(name);
      const is = hRequired.has(name);
      if (was && !is) {
        if (direction === 'response') rule('breaking', 'became-optional', `${name} may be absent`);
        else rule('compatible', 'became-optional', `${name} no longer required`);
      } else if (!was && is) {
        if (direction === 'request') rule('breaking', 'became-required', `${name} now required`);
        else rule('compatible', 'became-required', `${name} always present`);
      }
      compareSchema(at, bProps[name], hProps[name], direction, seen);
    }
  }
}

function list(values: unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}
