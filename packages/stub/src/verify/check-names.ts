/**
 * The checks verification runs, with stable names (they appear in reports, JUnit test names and
 * exit decisions, so renaming one is a breaking change).
 */
export const CHECK_NAMES = [
  'status_code_conformance',
  'response_schema_conformance',
  'response_headers_conformance',
  'content_type_conformance',
  'negative_data_rejection',
  'ignored_auth',
  'unsupported_method',
  'unknown_route',
  'server_error',
] as const;

/** The name of one check. */
export type CheckName = (typeof CHECK_NAMES)[number];

/** The outcome of one check on one exchange; `expected` says what the spec requires. */
export interface CheckResult {
  check: CheckName;
  ok: boolean;
  message: string;
  expected: string;
}
