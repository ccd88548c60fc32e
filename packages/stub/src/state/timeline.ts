/** The error of a failed operation, as `operation_error` carries it. */
export interface OperationError {
  code?: string;
  message?: string;
}

/** From `at` milliseconds after the operation's creation on, it reports `status` (and `error`). */
export interface TimelineEntry {
  status: string;
  at: number;
  error?: OperationError;
}

/** Options of {@link lifecycleTimeline}. */
export interface LifecycleOptions {
  /** When the operation starts running, in ms after creation. Default 1000. */
  runningAt?: number;
  /** When it ends, in ms after creation. Default 5000. */
  finishedAt?: number;
  /** How it ends. Default `success`. */
  outcome?: 'success' | 'failed';
  /** The error of a failed operation. Default ModelArts.7000 "Operation failed.". */
  error?: OperationError;
}

/**
 * The common timeline: `pending` at creation, `running` at `runningAt`, then `success` or `failed`
 * (with its error) at `finishedAt`.
 *
 * @example
 * stub.state.createOperation({
 *   serverId, type: 'node_attach_volume',
 *   timeline: lifecycleTimeline({ runningAt: 1000, finishedAt: 5000, outcome: 'failed' }),
 * });
 */
export function lifecycleTimeline(options: LifecycleOptions = {}): TimelineEntry[] {
  const { runningAt = 1000, finishedAt = 5000, outcome = 'success' } = options;
  const last: TimelineEntry = { status: outcome, at: finishedAt };
  if (outcome === 'failed') {
    last.error = options.error ?? { code: 'ModelArts.7000', message: 'Operation failed.' };
  }
  return [{ status: 'pending', at: 0 }, { status: 'running', at: runningAt }, last];
}

/**
 * The entry in force `elapsedMs` after creation: the last one whose `at` has been reached (the
 * first one before that).
 *
 * @example
 * entryAt(timeline, 1000).status; // 'running' for lifecycleTimeline()
 */
export function entryAt(timeline: readonly TimelineEntry[], elapsedMs: number): TimelineEntry {
  let current = timeline[0] as TimelineEntry;
  for (const entry of timeline) {
    if (entry.at > elapsedMs) break;
    current = entry;
  }
  return current;
}

/**
 * Checks a timeline's shape (non-empty, `at` finite, non-negative and ascending); the statuses and
 * errors themselves are checked against the spec by the store. Returns a problem or undefined.
 *
 * @example
 * checkTimelineShape([{ status: 'pending', at: 0 }]); // undefined
 */
export function checkTimelineShape(timeline: unknown): string | undefined {
  if (!Array.isArray(timeline) || timeline.length === 0)
    return 'timeline must be a non-empty array';
  let previous = -1;
  for (const [index, entry] of timeline.entries()) {
    if (entry === null || typeof entry !== 'object') return `timeline[${index}] must be an object`;
    const { at, status } = entry as Partial<TimelineEntry>;
    if (typeof status !== 'string') return `timeline[${index}].status must be a string`;
    if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) {
      return `timeline[${index}].at must be a non-negative number of milliseconds`;
    }
    if (at < previous) return `timeline[${index}].at must not be before the previous entry's`;
    previous = at;
  }
  return undefined;
}
