/** Where the stub reads the time: operation timelines and the AK/SK date-skew rule use it. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** A clock that only moves when told to, so that tests are deterministic. */
export interface ManualClock extends Clock {
  readonly manual: true;
  /** Moves the clock forward (or back, with a negative value) by `ms`. */
  advance(ms: number): void;
  /** Sets the clock to `ms` since the Unix epoch. */
  set(ms: number): void;
}

/** The system clock (`Date.now()`). */
export const systemClock: Clock = { now: () => Date.now() };

function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value))
    throw new RangeError(`${what} must be a finite number of milliseconds`);
}

/** The furthest a JavaScript Date reaches either side of the epoch. */
const MAX_TIME_MS = 8.64e15;

/** A time the clock may show: one a Date can represent, which the AK/SK date rule needs. */
function assertTime(value: number, what: string): number {
  if (!(Math.abs(value) <= MAX_TIME_MS)) {
    throw new RangeError(`${what} must stay within ±${MAX_TIME_MS} ms of the epoch (a valid Date)`);
  }
  return value;
}

/**
 * Creates a manual clock starting at `startMs` (default: now).
 *
 * @example
 * const clock = createManualClock(Date.parse('2026-01-01T00:00:00Z'));
 * const stub = createStub({ clock });
 * clock.advance(1000);
 */
export function createManualClock(startMs: number = Date.now()): ManualClock {
  assertFinite(startMs, 'startMs');
  let current = assertTime(startMs, 'startMs');
  return {
    manual: true,
    now: () => current,
    advance(ms: number) {
      assertFinite(ms, 'ms');
      current = assertTime(current + ms, 'the advanced clock');
    },
    set(ms: number) {
      assertFinite(ms, 'ms');
      current = assertTime(ms, 'ms');
    },
  };
}

/** Whether a clock can be set and advanced. */
export function isManualClock(clock: Clock): clock is ManualClock {
  return (clock as Partial<ManualClock>).manual === true;
}
