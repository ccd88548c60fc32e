const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * Formats a date as an `X-Sdk-Date` value: UTC, `YYYYMMDDTHHMMSSZ`, milliseconds dropped.
 *
 * @throws {RangeError} if `date` is an invalid Date.
 * @example
 * ```ts
 * formatSdkDate(new Date('2019-11-15T03:36:55.123Z')); // '20191115T033655Z'
 * ```
 */
export function formatSdkDate(date: Date): string {
  if (Number.isNaN(date.getTime())) {
    throw new RangeError('Invalid Date');
  }
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1, 2)}${pad(date.getUTCDate(), 2)}` +
    `T${pad(date.getUTCHours(), 2)}${pad(date.getUTCMinutes(), 2)}${pad(date.getUTCSeconds(), 2)}Z`
  );
}

/**
 * Parses an `X-Sdk-Date` value. Returns `undefined` unless it is exactly `YYYYMMDDTHHMMSSZ` and a
 * real calendar time (no month 13, no 30 February, no hour 24).
 *
 * @example
 * ```ts
 * parseSdkDate('20191115T033655Z')?.toISOString(); // '2019-11-15T03:36:55.000Z'
 * parseSdkDate('2019-11-15T03:36:55Z'); // undefined
 * ```
 */
export function parseSdkDate(value: string): Date | undefined {
  const match = SDK_DATE.exec(value);
  if (match === null) {
    return undefined;
  }
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hours, minutes, seconds, 0);
  // Out-of-range fields roll over (month 13 becomes January); formatting back exposes that.
  return formatSdkDate(date) === value ? date : undefined;
}
