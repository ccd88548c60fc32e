import type { OperationRoute, RouteTable } from '../route-table.js';

/** Coverage of one operation. */
export interface OperationCoverage {
  operationId: string;
  method: string;
  path: string;
  /** Requests the operation answered. */
  requests: number;
  /** Every documented status, and any answered one, with how often it was answered. */
  statuses: Record<string, { documented: boolean; answered: number }>;
  /** Named examples served, by status then name. */
  examples: Record<string, Record<string, number>>;
  /** Each request constraint (e.g. `path.id.pattern`) and how many rejections exercised it. */
  constraints: Record<string, number>;
}

/** Covered out of total, and the percentage (one decimal). */
export interface CoverageRatio {
  covered: number;
  total: number;
  percent: number;
}

/** What `stub.coverage()` and `GET /__stub/coverage` return. */
export interface ContractCoverage {
  operations: OperationCoverage[];
  totals: {
    requests: number;
    /** Operations called at least once. */
    operations: CoverageRatio;
    /** Documented statuses answered at least once. */
    statuses: CoverageRatio;
    /** Request constraints exercised by at least one rejection. */
    constraints: CoverageRatio;
    /** Named examples served at least once. */
    examples: CoverageRatio;
  };
}

/** Counts answers as they happen; builds the report on demand. */
export interface CoverageRecorder {
  answered(operationId: string, status: number): void;
  exampleServed(operationId: string, status: string, body: unknown): void;
  rejected(operationId: string, constraint: string): void;
  snapshot(): ContractCoverage;
  reset(): void;
}

function ratio(covered: number, total: number): CoverageRatio {
  return { covered, total, percent: total === 0 ? 100 : Math.round((covered / total) * 1000) / 10 };
}

// Keyed so that counting allocates nothing per request: statuses by number, examples by status
// then name (no key strings built).
interface Counters {
  requests: number;
  statuses: Map<number, number>;
  examples: Map<string, Map<string, number>>;
  constraints: Map<string, number>;
}

/**
 * Creates the coverage recorder of a route table. Recording is a few map increments per request;
 * the example names are found by the identity of the example values the stub serves.
 *
 * @example
 * const coverage = createCoverageRecorder(routes);
 * coverage.answered('ShowServerOperation', 200);
 * coverage.snapshot().totals.operations.percent; // 100
 */
export function createCoverageRecorder(routes: RouteTable): CoverageRecorder {
  const exampleNames = new Map<unknown, string>();
  for (const operation of routes.operations) {
    for (const response of Object.values(operation.responses)) {
      for (const example of response.examples) {
        if (example.value !== null && typeof example.value === 'object')
          exampleNames.set(example.value, example.name);
      }
    }
  }
  let counters = new Map<string, Counters>();
  const countersOf = (operationId: string): Counters => {
    let found = counters.get(operationId);
    if (found === undefined) {
      found = { requests: 0, statuses: new Map(), examples: new Map(), constraints: new Map() };
      counters.set(operationId, found);
    }
    return found;
  };
  const increment = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

  const operationCoverage = (operation: OperationRoute): OperationCoverage => {
    const counted = counters.get(operation.operationId);
    const statuses: OperationCoverage['statuses'] = {};
    for (const status of Object.keys(operation.responses))
      statuses[status] = { documented: true, answered: 0 };
    for (const [code, answered] of counted?.statuses ?? []) {
      const status = String(code);
      statuses[status] = { documented: operation.responses[status] !== undefined, answered };
    }
    const examples: OperationCoverage['examples'] = {};
    for (const [status, response] of Object.entries(operation.responses)) {
      if (response.examples.length === 0) continue;
      examples[status] = Object.fromEntries(
        response.examples.map((e) => [e.name, counted?.examples.get(status)?.get(e.name) ?? 0]),
      );
    }
    const constraints: Record<string, number> = {};
    for (const name of operation.constraints ?? []) constraints[name] = 0;
    for (const [name, count] of counted?.constraints ?? []) constraints[name] = count;
    return {
      operationId: operation.operationId,
      method: operation.method,
      path: operation.path,
      requests: counted?.requests ?? 0,
      statuses,
      examples,
      constraints,
    };
  };

  return {
    answered(operationId, status) {
      const counted = countersOf(operationId);
      counted.requests++;
      increment(counted.statuses, status);
    },
    exampleServed(operationId, status, body) {
      const name = exampleNames.get(body);
      if (name === undefined) return;
      const examples = countersOf(operationId).examples;
      let byName = examples.get(status);
      if (byName === undefined) {
        byName = new Map();
        examples.set(status, byName);
      }
      increment(byName, name);
    },
    rejected(operationId, constraint) {
      increment(countersOf(operationId).constraints, constraint);
    },
    snapshot() {
      const operations = routes.operations.map(operationCoverage);
      const count = (values: number[]) =>
        [values.filter((n) => n > 0).length, values.length] as const;
      const statuses = count(
        operations.flatMap((o) =>
          Object.values(o.statuses)
            .filter((s) => s.documented)
            .map((s) => s.answered),
        ),
      );
      const constraints = count(operations.flatMap((o) => Object.values(o.constraints)));
      const examples = count(
        operations.flatMap((o) =>
          Object.values(o.examples).flatMap((byName) => Object.values(byName)),
        ),
      );
      return {
        operations,
        totals: {
          requests: operations.reduce((sum, o) => sum + o.requests, 0),
          operations: ratio(...count(operations.map((o) => o.requests))),
          statuses: ratio(...statuses),
          constraints: ratio(...constraints),
          examples: ratio(...examples),
        },
      };
    },
    reset() {
      counters = new Map();
    },
  };
}
