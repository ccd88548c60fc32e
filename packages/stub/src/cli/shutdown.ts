import type { ServedStub } from '../node.js';

/** Exit codes of a second signal: 128 + the signal's number, as shells report them. */
const FORCED_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * Graceful shutdown on SIGINT and SIGTERM: the first stops accepting connections, lets requests
 * in flight finish for up to `graceMs`, then exits 0; a second one exits at once (130 or 143).
 *
 * @example
 * exitOnSignals(await serve({ port: 4010 }), 10_000);
 */
export function exitOnSignals(served: ServedStub, graceMs: number): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(FORCED_EXIT[signal] ?? 1);
    stopping = true;
    served.shutdown(graceMs).then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
