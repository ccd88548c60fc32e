/** What {@link ModelArtsApiError}'s constructor takes. */
export interface ModelArtsApiErrorInit {
  status: number;
  errorCode: string;
  errorMsg: string;
  requestId?: string | undefined;
  body?: unknown;
  response?: Response | undefined;
}

const MAX_TEXT_MESSAGE = 512;
const HTML_START = /^\s*</;
const HTML_TITLE = /<title[^>]*>([^<]*)<\/title>/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A text body that is JSON after all (e.g. served as text/plain) is read as JSON. */
function parsedBody(body: unknown): unknown {
  if (typeof body === 'string' && body.trimStart().startsWith('{')) {
    try {
      return JSON.parse(body);
    } catch {
      return body;
    }
  }
  return body;
}

/** The message to show for a body that is not a ModelArts error: short, readable text. */
function textMessage(body: unknown, response: Response): string {
  const fallback = response.statusText || `HTTP ${response.status}`;
  if (typeof body !== 'string' || body.trim() === '') {
    return fallback;
  }
  if (HTML_START.test(body)) {
    // A proxy's error page: its title ("502 Bad Gateway") says it all; its markup would not.
    return HTML_TITLE.exec(body)?.[1]?.trim() || fallback;
  }
  const text = body.trim();
  return text.length > MAX_TEXT_MESSAGE ? `${text.slice(0, MAX_TEXT_MESSAGE)}…` : text;
}

/**
 * An error answer of the ModelArts API (any non-2xx response), with the fields of its error body.
 *
 * Bodies are read the way Huawei's own SDK does: `error_code`/`error_msg`, else a nested
 * `error.code`/`error.message`. Anything else (an HTML page from a proxy, plain text, an empty
 * body) still gives a usable error: `errorCode` falls back to `HTTP.<status>` and `errorMsg` to the
 * text, the page title or the status text.
 *
 * @example
 * ```ts
 * const { data, error, response } = await client.GET(path, { params });
 * if (error !== undefined || !response.ok) throw ModelArtsApiError.from(response, error);
 * ```
 */
export class ModelArtsApiError extends Error {
  override readonly name = 'ModelArtsApiError';
  /** HTTP status of the response. */
  readonly status: number;
  /** `ModelArts.<n>`, `APIGW.<n>`, `APIG.<n>`, or `HTTP.<status>` when the body has no code. */
  readonly errorCode: string;
  /** The body's error message, or a readable stand-in for a body that has none. */
  readonly errorMsg: string;
  /** The `X-Request-Id` header, else the body's `request_id`: quote it to Huawei support. */
  readonly requestId: string | undefined;
  /** The body as received: parsed JSON, text, or `undefined` when empty. */
  readonly body: unknown;
  /** The response, when the error was built from one. Its body has been read already. */
  readonly response: Response | undefined;

  constructor(init: ModelArtsApiErrorInit, options?: ErrorOptions) {
    const where = init.requestId
      ? ` (HTTP ${init.status}, request ${init.requestId})`
      : ` (HTTP ${init.status})`;
    super(`${init.errorCode}: ${init.errorMsg}${where}`, options);
    this.status = init.status;
    this.errorCode = init.errorCode;
    this.errorMsg = init.errorMsg;
    this.requestId = init.requestId;
    this.body = init.body;
    this.response = init.response;
  }

  /**
   * Builds the error of a failed call from its response and body: openapi-fetch's `error`
   * (parsed JSON, or the text when it is not JSON) or any body you read yourself.
   *
   * @example
   * ```ts
   * const result = await client.GET(path, { params });
   * if (!result.response.ok) throw ModelArtsApiError.from(result.response, result.error);
   * ```
   */
  static from(response: Response, body: unknown): ModelArtsApiError {
    const parsed = parsedBody(body);
    let errorCode: string | undefined;
    let errorMsg: string | undefined;
    let bodyRequestId: string | undefined;
    if (isRecord(parsed)) {
      const nested = isRecord(parsed.error) ? parsed.error : {};
      errorCode = stringField(parsed, 'error_code') ?? stringField(nested, 'code');
      errorMsg = stringField(parsed, 'error_msg') ?? stringField(nested, 'message');
      bodyRequestId = stringField(parsed, 'request_id');
    }
    return new ModelArtsApiError({
      status: response.status,
      errorCode: errorCode ?? `HTTP.${response.status}`,
      errorMsg: errorMsg ?? textMessage(body, response),
      requestId: response.headers.get('X-Request-Id') || bodyRequestId,
      body,
      response,
    });
  }
}
