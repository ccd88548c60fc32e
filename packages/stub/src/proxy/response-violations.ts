import type { OperationRoute } from '../route-table.js';
import type { CheckName } from '../verify/check-names.js';
import { checkResponse, type ReceivedResponse } from '../verify/check-response.js';
import type { ContractViolationEntry } from './contract-violations.js';

const LOCATIONS: Partial<Record<CheckName, string>> = {
  status_code_conformance: 'status',
  response_schema_conformance: 'body',
  response_headers_conformance: 'headers',
  content_type_conformance: 'header.content-type',
};

/**
 * The contract violations of an upstream response, from the same checks `verify` runs. A 5xx is
 * not one when the spec documents it: the proxy reports contract breaches, not outages.
 *
 * @example
 * responseViolations(operation, { status: 200, headers, body });
 */
export function responseViolations(
  operation: OperationRoute,
  response: ReceivedResponse,
): ContractViolationEntry[] {
  return checkResponse(operation, response)
    .filter((result) => !result.ok && result.check !== 'server_error')
    .map((result) => ({
      in: 'response',
      location: LOCATIONS[result.check] ?? 'response',
      message: `${result.message} (spec: ${result.expected})`,
      check: result.check,
    }));
}
