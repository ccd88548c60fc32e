import type { CheckName } from '../verify/check-names.js';

/** One way an exchange broke the contract, as listed in `X-Contract-Violations`. */
export interface ContractViolationEntry {
  in: 'request' | 'response';
  /** Where: `path.id`, `header.X-Project-Id`, `body`, `status`, `headers`, `header.content-type`… */
  location: string;
  message: string;
  /** For response violations, the verify check that failed. */
  check?: CheckName;
  /** For request violations, the constraint broken, e.g. `path.id.pattern`. */
  constraint?: string;
}

/** The response header carrying an exchange's violations as a JSON array. */
export const VIOLATIONS_HEADER = 'x-contract-violations';

/**
 * Serialises violations for the `X-Contract-Violations` header: JSON with every non-ASCII
 * character escaped, as header values must be ASCII.
 *
 * @example
 * headers.set(VIOLATIONS_HEADER, violationsHeader([{ in: 'request', location: 'path.id', message: '…' }]));
 */
export function violationsHeader(violations: ContractViolationEntry[]): string {
  return JSON.stringify(violations).replace(
    /[^\x20-\x7e]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
