import type { CheckName } from './check-names.js';

/** A request as reported: credentials redacted. */
export interface ReportedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** A response as reported: credentials redacted, body truncated. */
export interface ReportedResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

/** One check that failed on one exchange. */
export interface Violation {
  check: CheckName;
  /** The operation the request targeted; null for an unknown route or an undeclared method. */
  operationId: string | null;
  /** What the request was, e.g. `ShowServerOperation: path parameter 'id' breaks pattern ("…")`. */
  case: string;
  /** What went wrong. */
  message: string;
  /** What the spec says. */
  expected: string;
  request: ReportedRequest;
  response: ReportedResponse;
  /** A curl command reproducing the request (credentials redacted). */
  curl: string;
}

/** What `verifyServer` returns and `verify --report json` writes. */
export interface VerifyReport {
  baseUrl: string;
  seed: number;
  unsafe: boolean;
  startedAt: string;
  durationMs: number;
  /** Requests sent, retries of 429s included. */
  requests: number;
  /** Passed and failed counts of every check, in a stable order. */
  checks: Record<CheckName, { passed: number; failed: number }>;
  violations: Violation[];
  /** Operations or cases not checked, and why (not safe, request budget, throttled). */
  skipped: { operationId: string | null; case?: string; reason: string }[];
  /** True when there is no violation. */
  ok: boolean;
}
