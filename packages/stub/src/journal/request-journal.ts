import { redactHeaders } from '../auth/redact-headers.js';
import { bodyOf } from './request-notes.js';

/** How many requests the journal keeps: the oldest is dropped past this. */
export const JOURNAL_SIZE = 1000;
/** Longest body text kept per entry, in characters; longer ones are cut and flagged. */
export const JOURNAL_BODY_LIMIT = 4096;

/** One API request the stub answered, as `stub.requests()` and `GET /__stub/requests` give it. */
export interface JournalEntry {
  method: string;
  path: string;
  /** The operation the request matched; null for an unknown route or method. */
  operationId: string | null;
  status: number;
  requestId: string | null;
  /** When it was answered, ISO 8601. */
  time: string;
  query: Record<string, string | string[]>;
  /** Lowercase names; credentials (X-Auth-Token, Authorization, X-Security-Token, cookies…) redacted. */
  headers: Record<string, string>;
  /** The body the stub read (operations with a request body), cut at {@link JOURNAL_BODY_LIMIT}; else null. */
  body: string | null;
  bodyTruncated: boolean;
}

type NodeHeaders = Record<string, string | string[] | undefined>;

/** What is kept per request: references only, turned into an entry when someone reads the journal. */
interface Recorded {
  method: string;
  url: string;
  /** Kept only when the headers are not Node's parsed ones (in-process `fetch`). */
  request: Request | undefined;
  nodeHeaders: NodeHeaders | undefined;
  body: string | undefined;
  operationId: string | null;
  response: Response;
  time: number;
}

/** The stub's request journal. */
export interface RequestJournal {
  record(request: Request, env: unknown, operationId: string | null, response: Response): void;
  list(filter?: { operationId?: string | null }): JournalEntry[];
  clear(): void;
}

function query(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const previous = out[name];
    out[name] =
      previous === undefined
        ? value
        : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return out;
}

function headersOf(recorded: Recorded): Record<string, string> {
  if (recorded.nodeHeaders === undefined)
    return redactHeaders((recorded.request as Request).headers);
  const plain: NodeHeaders = {};
  // HTTP/2 pseudo-headers (`:path`…) are not headers of the request as the API sees it.
  for (const [name, value] of Object.entries(recorded.nodeHeaders))
    if (!name.startsWith(':')) plain[name] = value;
  return redactHeaders(plain);
}

function entryOf(recorded: Recorded): JournalEntry {
  const url = new URL(recorded.url);
  const text = recorded.body;
  return {
    method: recorded.method,
    path: url.pathname,
    operationId: recorded.operationId,
    status: recorded.response.status,
    requestId: recorded.response.headers.get('x-request-id'),
    time: new Date(recorded.time).toISOString(),
    query: query(url),
    headers: headersOf(recorded),
    body: text === undefined || text === '' ? null : text.slice(0, JOURNAL_BODY_LIMIT),
    bodyTruncated: text !== undefined && text.length > JOURNAL_BODY_LIMIT,
  };
}

/**
 * Creates a request journal: a ring of the last `size` API requests. Recording keeps references
 * only, in parallel arrays (no object allocated, no `Headers` built, no body copied), so it costs
 * almost nothing per request; entries are built, and credentials redacted, when the journal is read.
 * Under Node it keeps the request's method, URL and parsed headers rather than the Request: that
 * holds Node's whole IncomingMessage, and keeping 1,000 of them alive made every young-generation
 * garbage collection copy them (about 3 µs per request under wrk).
 *
 * @example
 * const journal = createRequestJournal();
 * journal.record(c.req.raw, c.env, 'ShowServerOperation', response);
 * journal.list({ operationId: 'ShowServerOperation' });
 */
export function createRequestJournal(size: number = JOURNAL_SIZE): RequestJournal {
  let methods: string[] = new Array(size);
  let urls: string[] = new Array(size);
  let requests: (Request | undefined)[] = new Array(size);
  let bodies: (string | undefined)[] = new Array(size);
  let nodeHeaders: (NodeHeaders | undefined)[] = new Array(size);
  let operationIds: (string | null)[] = new Array(size);
  let responses: (Response | undefined)[] = new Array(size);
  const times = new Float64Array(size);
  let next = 0;
  let count = 0;
  return {
    record(request, env, operationId, response) {
      const parsed = (env as { incoming?: { headers?: NodeHeaders } } | undefined)?.incoming
        ?.headers;
      methods[next] = request.method;
      urls[next] = request.url;
      requests[next] = parsed === undefined ? request : undefined;
      bodies[next] = bodyOf(request);
      nodeHeaders[next] = parsed;
      operationIds[next] = operationId;
      responses[next] = response;
      times[next] = Date.now();
      next = next + 1 === size ? 0 : next + 1;
      if (count < size) count++;
    },
    list(filter = {}) {
      const entries: JournalEntry[] = [];
      for (let index = 0; index < count; index++) {
        const at = (next - count + index + size) % size;
        const operationId = operationIds[at] ?? null;
        if (filter.operationId !== undefined && operationId !== filter.operationId) continue;
        entries.push(
          entryOf({
            method: methods[at] as string,
            url: urls[at] as string,
            request: requests[at],
            body: bodies[at],
            nodeHeaders: nodeHeaders[at],
            operationId,
            response: responses[at] as Response,
            time: times[at] as number,
          }),
        );
      }
      return entries;
    },
    clear() {
      methods = new Array(size);
      urls = new Array(size);
      requests = new Array(size);
      bodies = new Array(size);
      nodeHeaders = new Array(size);
      operationIds = new Array(size);
      responses = new Array(size);
      next = 0;
      count = 0;
    },
  };
}
