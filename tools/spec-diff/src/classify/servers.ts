import { isDeepStrictEqual } from 'node:util';
import { compareAnnotations } from './annotations.js';
import { type Context, emit, within } from './context.js';

/** Compares the documents' servers, matched by URL template. */
export function compareServers(ctx: Context, base: any[] = [], head: any[] = []): void {
  const byUrl = (list: any[]) => new Map(list.map((s) => [String(s.url), s]));
  const b = byUrl(base);
  const h = byUrl(head);
  const removed = [...b.keys()].filter((url) => !h.has(url));
  const added = [...h.keys()].filter((url) => !b.has(url));
  // Servers that left and arrived in the same order are read as moved: one change each.
  removed.forEach((url, i) => {
    const to = added[i];
    const message = to ? `server ${url} moved to ${to}` : `server ${url} removed`;
    emit(within(ctx, `servers ${url}`), 'possibly-breaking', 'server-url-changed', message);
  });
  for (const url of added.slice(removed.length)) {
    emit(within(ctx, `servers ${url}`), 'compatible', 'server-added', `server ${url} added`);
  }
  for (const [url, before] of b) {
    const after = h.get(url);
    if (!after) continue;
    const at = within(ctx, `servers ${url}`);
    if (!isDeepStrictEqual(variables(before), variables(after))) {
      emit(at, 'possibly-breaking', 'server-url-changed', `server ${url} variables changed`);
    }
    compareAnnotations(at, before, after);
  }
}

/** The parts of a server's variables that decide the URLs clients call. */
function variables(server: any): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries<any>(server.variables ?? {}).map(([k, v]) => [
      k,
      { default: v.default, enum: v.enum },
    ]),
  );
}
