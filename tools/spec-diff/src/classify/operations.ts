import { compareAnnotations } from './annotations.js';
import { type Context, emit, within } from './context.js';
import { compareParameters, effectiveParameters } from './parameters.js';
import { compareRequestBody } from './request-body.js';
import { compareResponses } from './responses.js';
import { compareSecurity, effectiveSecurity } from './security.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Operation = { key: string; path: string; method: string; pathItem: any; operation: any };

/**
 * Operations by method and path template, with parameter names blanked: renaming `{id}` to
 * `{server_id}` is the same URL to a caller.
 */
function operationsOf(doc: any): Map<string, Operation> {
  const ops = new Map<string, Operation>();
  for (const [path, pathItem] of Object.entries<any>(doc.paths ?? {})) {
    for (const method of METHODS) {
      if (!pathItem?.[method]) continue;
      const key = `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}')}`;
      ops.set(key, { key, path, method, pathItem, operation: pathItem[method] });
    }
  }
  return ops;
}

const label = (op: Operation) => `${op.method.toUpperCase()} ${op.path}`;
const idOf = (op: Operation) => (op.operation.operationId as string | undefined) ?? label(op);

/** Compares every operation of two dereferenced documents. */
export function compareOperations(ctx: Context, baseDoc: any, headDoc: any): void {
  const base = operationsOf(baseDoc);
  const head = operationsOf(headDoc);
  const headPaths = new Set([...head.values()].map((op) => op.key.split(' ')[1]));
  for (const [key, b] of base) {
    const h = head.get(key);
    const at = within(ctx, label(h ?? b), idOf(h ?? b));
    if (!h) {
      if (headPaths.has(key.split(' ')[1])) {
        emit(at, 'breaking', 'operation-removed', `${label(b)} removed`);
      } else {
        emit(at, 'breaking', 'path-removed', `path ${b.path} removed, with ${label(b)}`);
      }
      continue;
    }
    compareAnnotations(at, b.operation, h.operation);
    compareParameters(
      at,
      effectiveParameters(b.pathItem, b.operation),
      effectiveParameters(h.pathItem, h.operation),
    );
    compareRequestBody(at, b.operation.requestBody, h.operation.requestBody);
    compareResponses(at, b.operation.responses, h.operation.responses);
    compareSecurity(
      at,
      effectiveSecurity(baseDoc, b.operation),
      effectiveSecurity(headDoc, h.operation),
    );
  }
  for (const [key, h] of head) {
    if (base.has(key)) continue;
    emit(within(ctx, label(h), idOf(h)), 'compatible', 'operation-added', `${label(h)} added`);
  }
}
