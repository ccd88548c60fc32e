/** The request side the oracle needs. */
export interface OracleRequest {
  method: string;
  /** Raw request target: path and query. */
  target: string;
  /** The request's Prefer header(s), which may ask for a 5xx on purpose. */
  prefer?: string;
}

/** The answer side the oracle needs. */
export interface OracleResponse {
  /** 0 for no answer. */
  status: number;
  requestId: string | null | undefined;
  body: string;
}

/** Builds the oracle of a route table: it returns the problem with an answer, or undefined. */
export function createOracle(routes: {
  operations: readonly unknown[];
}): (request: OracleRequest, response: OracleResponse) => string | undefined;
