import type { ServedStub } from '../node.js';
import { isLoopback } from '../server/exposure.js';

/**
 * The lines the CLI prints to stderr at start about who can reach the stub: a warning off
 * loopback, and a generated admin token, the only time it is ever printed.
 *
 * @example
 * for (const line of exposureNotice(served, '0.0.0.0', { generatedToken: true })) process.stderr.write(`${line}\n`);
 */
export function exposureNotice(
  served: ServedStub,
  host: string,
  { adminOff, tokenGiven }: { adminOff: boolean; tokenGiven: boolean },
): string[] {
  if (isLoopback(host)) return [];
  const lines = [
    `modelarts-stub: warning: listening on ${host}, reachable from other machines; it is a test double with test credentials, bind 127.0.0.1 unless you need this`,
  ];
  if (!adminOff && !tokenGiven && served.adminToken !== undefined) {
    lines.push(
      `modelarts-stub: admin API (/__stub/*) token, printed once: ${served.adminToken}`,
      'modelarts-stub: send it as X-Stub-Admin-Token: <token> or Authorization: Bearer <token>',
    );
  }
  return lines;
}
