const DELAY_SECONDS = /^\d+$/;
// Date.parse accepts almost anything ("5.5" is a date to V8); an HTTP-date always names a month.
const HAS_LETTERS = /[a-z]/i;

/**
 * Reads a `Retry-After` header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.
 *
 * @param value the header's value, `null` when absent.
 * @param now the current time in epoch milliseconds, to turn a date into a delay.
 * @returns the delay in milliseconds (0 for a date in the past), or `undefined` when absent or
 * unreadable.
 * @example
 * ```ts
 * parseRetryAfter('2', Date.now()); // 2000
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('2015-10-21T07:27:58Z')); // 2000
 * ```
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed) {
    return undefined;
  }
  if (DELAY_SECONDS.test(trimmed)) {
    return Number(trimmed) * 1000;
  }
  if (!HAS_LETTERS.test(trimmed)) {
    return undefined;
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
