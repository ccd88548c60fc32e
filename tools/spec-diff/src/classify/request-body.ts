import { compareAnnotations } from './annotations.js';
import { type Context, emit, within } from './context.js';
import { compareSchema } from './schema.js';

/** Compares the request bodies of two versions of one operation, media type by media type. */
export function compareRequestBody(ctx: Context, base: any, head: any): void {
  if (!base && !head) return;
  const at = within(ctx, 'request body');
  const bRequired = base?.required === true;
  const hRequired = head?.required === true;
  if (!bRequired && hRequired) {
    emit(at, 'breaking', 'request-body-became-required', 'a request body is now required');
  }
  compareAnnotations(at, base, head);
  const bContent = base?.content ?? {};
  const hContent = head?.content ?? {};
  for (const type of [...new Set([...Object.keys(bContent), ...Object.keys(hContent)])].sort()) {
    const media = within(at, type);
    if (!(type in hContent)) {
      emit(media, 'breaking', 'request-media-type-removed', `${type} no longer accepted`);
    } else if (!(type in bContent)) {
      emit(media, 'compatible', 'request-media-type-added', `${type} now accepted`);
    } else {
      compareAnnotations(media, bContent[type], hContent[type]);
      compareSchema(within(media, 'body'), bContent[type].schema, hContent[type].schema, 'request');
    }
  }
}
