/** The server's memory at one moment, in bytes (after a garbage collection when available). */
export interface MemorySample {
  at: 'start' | 'middle' | 'end';
  rss: number;
  heapUsed: number;
}

/** What a soak run measured. */
export interface SoakResult {
  durationS: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  adminCalls: number;
  /** Socket errors + timeouts + 5xx + statuses a request may not get: the goal is 0. */
  errors: number;
  socketErrors: number;
  timeouts: number;
  serverErrors: number;
  unexpectedStatuses: number;
  byKind: Record<string, { requests: number; unexpected: number }>;
  latencyMs: { p50: number; p99: number; max: number };
  memory: MemorySample[];
  /** end / middle - 1 of heapUsed (goal: at most +0.10). */
  endVsMiddleHeap: number | undefined;
  endVsMiddleRss: number | undefined;
}

/** Runs the soak load against `url` for `durationS` seconds on `connections` connections. */
export function soak(options: {
  url: string;
  durationS: number;
  connections: number;
  /** Reads the server's memory. */
  memory: () => Promise<{ rss: number; heapUsed: number }>;
  /** The stub's admin token, when it has one. */
  adminToken?: string;
  onSample?: (sample: MemorySample) => void;
}): Promise<SoakResult>;
