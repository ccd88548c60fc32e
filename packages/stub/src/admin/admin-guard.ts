import type { MiddlewareHandler } from 'hono';

/** The header that carries the admin token (`Authorization: Bearer <token>` works too). */
export const ADMIN_TOKEN_HEADER = 'x-stub-admin-token';

/** Compares in time independent of where the strings differ, so the token cannot be guessed byte by byte. */
function sameToken(given: string, expected: string): boolean {
  let difference = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i += 1) {
    difference |= (given.charCodeAt(i % (given.length || 1)) || 0) ^ expected.charCodeAt(i);
  }
  return difference === 0;
}

function presentedToken(header: (name: string) => string | undefined): string | undefined {
  const token = header(ADMIN_TOKEN_HEADER);
  if (token !== undefined) return token;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header('authorization') ?? '');
  return match?.[1];
}

/**
 * Guards the admin API with a token: requests without it, or with another, get
 * `401 { error_code: 'STUB.Unauthorized', error_msg }`. The message never repeats what was sent.
 *
 * @example
 * app.use('/__stub/*', adminGuard('s3cret'));
 */
export function adminGuard(token: string): MiddlewareHandler {
  return async (c, next) => {
    const given = presentedToken((name) => c.req.header(name));
    if (given === undefined || !sameToken(given, token)) {
      return c.json(
        {
          error_code: 'STUB.Unauthorized',
          error_msg: `The admin API needs the stub's admin token, in ${ADMIN_TOKEN_HEADER} or Authorization: Bearer.`,
        },
        401,
      );
    }
    await next();
  };
}
