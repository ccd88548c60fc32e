import { compareAnnotations } from './annotations.js';
import { type Context, emit, within } from './context.js';
import { compareSchema } from './schema.js';

type Parameter = { name: string; in: string; required?: boolean; schema?: unknown };

/** The parameters an operation takes: its path item's, overridden by its own (by `in` and name). */
export function effectiveParameters(pathItem: any, operation: any): Map<string, Parameter> {
  const params = new Map<string, Parameter>();
  for (const p of [...(pathItem?.parameters ?? []), ...(operation?.parameters ?? [])]) {
    // Header names are case-insensitive; the rest are not.
    const name = p.in === 'header' ? String(p.name).toLowerCase() : p.name;
    params.set(`${p.in}.${name}`, p);
  }
  return params;
}

/** Compares the parameters of two versions of one operation. */
export function compareParameters(
  ctx: Context,
  base: Map<string, Parameter>,
  head: Map<string, Parameter>,
): void {
  const keys = [...new Set([...base.keys(), ...head.keys()])].sort();
  for (const key of keys) {
    const b = base.get(key);
    const h = head.get(key);
    const at = within(ctx, key);
    // Path parameters are always required, whatever the document says.
    const required = (p: Parameter) => p.in === 'path' || p.required === true;
    if (!h) {
      emit(at, 'breaking', 'parameter-removed', `${key} parameter removed`);
    } else if (!b) {
      if (required(h)) emit(at, 'breaking', 'required-parameter-added', `new required ${key}`);
      else emit(at, 'compatible', 'optional-parameter-added', `new optional ${key}`);
    } else {
      if (!required(b) && required(h)) {
        emit(at, 'breaking', 'parameter-became-required', `${key} now required`);
      } else if (required(b) && !required(h)) {
        emit(at, 'compatible', 'parameter-became-optional', `${key} no longer required`);
      }
      compareAnnotations(at, b, h);
      compareSchema(within(at, 'schema'), b.schema, h.schema, 'request');
    }
  }
}
