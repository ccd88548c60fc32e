import type { RouteTable } from '../route-table.js';
import type { Random } from '../seeded-random.js';

/** Fault injection: for a share of API requests, answer an error status or drop the connection. */
export interface FaultOptions {
  /** Share of API requests affected, 0 to 1. */
  rate: number;
  /** Status to answer (its spec example is the body). Default 500 unless `drop`. */
  status?: number;
  /** Drop the connection instead: in-process fetch rejects with a TypeError, over HTTP the socket is destroyed. */
  drop?: boolean;
}

/** The fault chosen for one request. */
export type Fault = { drop: true } | { drop: false; status: string };

/**
 * Checks fault options: a rate in [0, 1], and a status every operation of the route table declares
 * (its body must come from the spec).
 * @throws {RangeError} on invalid options.
 * @example
 * checkFaults({ rate: 0.1, status: 503 }, routeTable); // throws: no operation declares 503
 */
export function checkFaults(faults: FaultOptions, routes: RouteTable): void {
  if (faults === null || typeof faults !== 'object')
    throw new RangeError('faults must be an object');
  if (typeof faults.rate !== 'number' || !(faults.rate >= 0 && faults.rate <= 1)) {
    throw new RangeError('faults.rate must be a number from 0 to 1');
  }
  if (faults.drop) return;
  const status = String(faults.status ?? 500);
  const missing = routes.operations.filter((op) => op.responses[status] === undefined);
  if (missing.length > 0) {
    throw new RangeError(
      `faults.status ${status} is not declared by ${missing.map((op) => op.operationId).join(', ')} in the spec`,
    );
  }
}

/**
 * Draws whether a request is hit by a fault, from the stub's seeded PRNG.
 *
 * @example
 * const fault = drawFault(faults, random);
 */
export function drawFault(faults: FaultOptions | undefined, random: Random): Fault | undefined {
  if (faults === undefined || faults.rate <= 0) return undefined;
  if (random() >= faults.rate) return undefined;
  return faults.drop ? { drop: true } : { drop: false, status: String(faults.status ?? 500) };
}
