import type { Context } from 'hono';

/**
 * An admin error: ModelArts' body shape, with a code of the stub's own.
 *
 * @example
 * return adminError(c, 'body must be JSON');
 */
export function adminError(c: Context, message: string, status: 400 | 409 = 400): Response {
  return c.json({ error_code: 'STUB.BadRequest', error_msg: message }, status);
}

/**
 * Reads an admin request's JSON body, or the admin error answering a malformed one.
 *
 * @example
 * const body = await jsonBody(c);
 * if (!body.ok) return body.response;
 */
export async function jsonBody(
  c: Context,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  try {
    return { ok: true, value: await c.req.json() };
  } catch {
    return { ok: false, response: adminError(c, 'body must be JSON') };
  }
}
