// The Vitest helper of `@modelarts-lite/stub/vitest`. It returns the hook instead of registering
// it, so that the package needs no dependency on Vitest: `afterAll(coverageGate(stub, { … }))`.
import type { ContractCoverage } from './coverage/coverage-recorder.js';
import {
  type CoverageThresholds,
  checkCoverage,
  formatCoverage,
} from './coverage/format-coverage.js';

/** Where coverage comes from: a stub in-process, or the base URL of one served over HTTP. */
export type CoverageSource = { coverage(): ContractCoverage } | string;

/** Options of {@link coverageGate}: thresholds in percent, and where the table goes. */
export interface CoverageGateOptions extends CoverageThresholds {
  /** Prints the table; default console.log. */
  print?: (text: string) => void;
}

async function coverageOf(
  source: CoverageSource | (() => CoverageSource),
): Promise<ContractCoverage> {
  const resolved = typeof source === 'function' ? source() : source;
  if (typeof resolved !== 'string') return resolved.coverage();
  const response = await fetch(`${resolved.replace(/\/+$/, '')}/__stub/coverage`);
  if (!response.ok) throw new Error(`GET /__stub/coverage answered ${response.status}`);
  return (await response.json()) as ContractCoverage;
}

/**
 * A Vitest `afterAll` hook: prints the stub's contract coverage table at the end of the run of a
 * file (or `describe`), and fails it when a total is below its threshold. Pass the stub, its URL,
 * or a function returning either (for stubs created in `beforeAll`).
 *
 * @example
 * import { afterAll } from 'vitest';
 * import { coverageGate } from '@modelarts-lite/stub/vitest';
 * const stub = createStub();
 * afterAll(coverageGate(stub, { operations: 100, statuses: 50, constraints: 25 }));
 */
export function coverageGate(
  source: CoverageSource | (() => CoverageSource),
  options: CoverageGateOptions = {},
): () => Promise<void> {
  return async () => {
    const coverage = await coverageOf(source);
    const print = options.print ?? ((text: string) => console.log(text));
    print(`Contract coverage\n${formatCoverage(coverage)}`);
    const failures = checkCoverage(coverage, options);
    if (failures.length > 0) {
      throw new Error(`Contract coverage below thresholds: ${failures.join(', ')}`);
    }
  };
}

export { type CoverageThresholds, checkCoverage, formatCoverage };
