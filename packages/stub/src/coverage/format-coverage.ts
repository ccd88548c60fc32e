import type { ContractCoverage } from './coverage-recorder.js';

/** Minimum percentages a run must reach; an omitted one is not checked. */
export interface CoverageThresholds {
  operations?: number;
  statuses?: number;
  constraints?: number;
  examples?: number;
}

const TOTALS = ['operations', 'statuses', 'constraints', 'examples'] as const;

function pad(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  '),
    )
    .join('\n');
}

/**
 * Coverage as a table: one row per operation (requests, documented statuses answered, constraints
 * exercised, examples served), then the totals as percentages.
 *
 * @example
 * console.log(formatCoverage(stub.coverage()));
 */
export function formatCoverage(coverage: ContractCoverage): string {
  const rows = [['operation', 'requests', 'statuses', 'constraints', 'examples']];
  const fraction = (values: number[]) => `${values.filter((n) => n > 0).length}/${values.length}`;
  for (const operation of coverage.operations) {
    rows.push([
      `${operation.method} ${operation.operationId}`,
      String(operation.requests),
      fraction(
        Object.values(operation.statuses)
          .filter((s) => s.documented)
          .map((s) => s.answered),
      ),
      fraction(Object.values(operation.constraints)),
      fraction(Object.values(operation.examples).flatMap((byName) => Object.values(byName))),
    ]);
  }
  const { totals } = coverage;
  rows.push([
    'total',
    String(totals.requests),
    `${totals.statuses.percent}%`,
    `${totals.constraints.percent}%`,
    `${totals.examples.percent}%`,
  ]);
  return `${pad(rows)}\noperations covered: ${totals.operations.covered}/${totals.operations.total} (${totals.operations.percent}%)`;
}

/**
 * The thresholds a coverage misses, worded for a failure message; empty when all are met.
 *
 * @example
 * checkCoverage(stub.coverage(), { operations: 100, statuses: 50 });
 * // ['statuses: 42.9% < 50%']
 */
export function checkCoverage(
  coverage: ContractCoverage,
  thresholds: CoverageThresholds,
): string[] {
  const failures: string[] = [];
  for (const name of TOTALS) {
    const minimum = thresholds[name];
    const { percent } = coverage.totals[name];
    if (minimum !== undefined && percent < minimum)
      failures.push(`${name}: ${percent}% < ${minimum}%`);
  }
  return failures;
}
