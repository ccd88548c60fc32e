import { compareAnnotations } from './annotations.js';
import { type Context, emit, within } from './context.js';
import { compareSchema } from './schema.js';

const isSuccess = (status: string) => /^[23]/.test(status);

/** Compares the responses of two versions of one operation, status by status. */
export function compareResponses(ctx: Context, base: any, head: any): void {
  const b = base ?? {};
  const h = head ?? {};
  for (const status of [...new Set([...Object.keys(b), ...Object.keys(h)])].sort()) {
    const at = within(ctx, `response ${status}`);
    if (!(status in h)) {
      // Code handling an error that no longer happens is dead, not broken.
      if (isSuccess(status)) emit(at, 'breaking', 'response-status-removed', `${status} removed`);
      else emit(at, 'compatible', 'response-error-status-removed', `${status} no longer returned`);
    } else if (!(status in b)) {
      const kind = isSuccess(status) ? 'success' : 'error';
      emit(at, 'possibly-breaking', 'response-status-added', `new ${kind} status ${status}`);
    } else {
      compareResponse(at, b[status], h[status]);
    }
  }
}

function compareResponse(ctx: Context, base: any, head: any): void {
  compareAnnotations(ctx, base, head);
  const bHeaders = lowerKeys(base.headers);
  const hHeaders = lowerKeys(head.headers);
  for (const name of [...new Set([...Object.keys(bHeaders), ...Object.keys(hHeaders)])].sort()) {
    const at = within(ctx, `header ${name}`);
    if (!(name in hHeaders)) {
      emit(at, 'breaking', 'response-header-removed', `response header ${name} removed`);
    } else if (!(name in bHeaders)) {
      emit(at, 'compatible', 'response-header-added', `response header ${name} added`);
    } else {
      compareAnnotations(at, bHeaders[name], hHeaders[name]);
      compareSchema(at, bHeaders[name].schema, hHeaders[name].schema, 'response');
    }
  }
  const bContent = base.content ?? {};
  const hContent = head.content ?? {};
  for (const type of [...new Set([...Object.keys(bContent), ...Object.keys(hContent)])].sort()) {
    const at = within(ctx, type);
    if (!(type in hContent)) {
      emit(at, 'breaking', 'response-media-type-removed', `${type} no longer returned`);
    } else if (!(type in bContent)) {
      emit(at, 'possibly-breaking', 'response-media-type-added', `${type} may now be returned`);
    } else {
      compareAnnotations(at, bContent[type], hContent[type]);
      compareSchema(within(at, 'body'), bContent[type].schema, hContent[type].schema, 'response');
    }
  }
}

function lowerKeys(record: Record<string, any> | undefined): Record<string, any> {
  return Object.fromEntries(Object.entries(record ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
}
