/** What a fuzz run tried and found. */
export interface FuzzStats {
  mode: string;
  seed: number;
  /** Requests sent. */
  tried: number;
  /** Requests a web `Request` cannot represent (in-process only; the socket run sends them). */
  skipped: number;
  /** Count of answers by status (0: no answer). */
  statuses: Record<string, number>;
  /** Broken properties, with the request that broke them (at most 1000). */
  violations: { problem: string; request: unknown }[];
}

interface FuzzSubject {
  /** A stub's in-process fetch and route table. */
  stub: { fetch(request: Request): Promise<Response>; routes: { operations: unknown[] } };
}

/** Sends `runs` hostile requests to `stub.fetch` (skipping those a web Request cannot carry), seeded, and checks each answer. */
export function fuzzInProcess(
  options: FuzzSubject & { runs: number; seed: number },
): Promise<FuzzStats>;

/** Sends `runs` hostile requests as raw bytes to 127.0.0.1:port, seeded, and checks each answer. */
export function fuzzSockets(options: {
  port: number;
  routes: { operations: unknown[] };
  runs: number;
  seed: number;
  concurrency?: number;
  /** Client-side wait for an answer; above the server's request timeout. Default 5000. */
  timeoutMs?: number;
}): Promise<FuzzStats>;
