import { describe, expect, it } from 'vitest';
import { formatSdkDate, parseSdkDate } from './sdk-date.js';

describe('formatSdkDate', () => {
  it('formats in UTC and drops milliseconds', () => {
    expect(formatSdkDate(new Date('2019-11-15T03:36:55.999Z'))).toBe('20191115T033655Z');
    expect(formatSdkDate(new Date('2025-01-01T00:00:00+08:00'))).toBe('20241231T160000Z');
  });

  it('pads every field', () => {
    expect(formatSdkDate(new Date('0999-02-03T04:05:06Z'))).toBe('09990203T040506Z');
  });

  it('throws on an invalid Date', () => {
    expect(() => formatSdkDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('parseSdkDate', () => {
  it('parses the basic ISO 8601 form as UTC', () => {
    expect(parseSdkDate('20191115T033655Z')?.toISOString()).toBe('2019-11-15T03:36:55.000Z');
    expect(parseSdkDate('00500101T000000Z')?.getUTCFullYear()).toBe(50);
  });

  it.each([
    ['', 'empty'],
    ['2019-11-15T03:36:55Z', 'extended ISO form'],
    ['20191115T033655', 'no Z'],
    ['20191115T033655+0800', 'offset'],
    ['20191115 033655Z', 'space'],
    ['20191115T033655.000Z', 'fraction'],
    ['20191315T033655Z', 'month 13'],
    ['20190230T000000Z', '30 February'],
    ['20191115T240000Z', 'hour 24'],
    ['20191115T036055Z', 'minute 60'],
    ['Fri, 15 Nov 2019 03:36:55 GMT', 'HTTP date'],
  ])('rejects %j (%s)', (value) => {
    expect(parseSdkDate(value)).toBeUndefined();
  });

  it('round-trips with formatSdkDate', () => {
    const value = '20240229T235959Z';
    const date = parseSdkDate(value);
    expect(date).toBeInstanceOf(Date);
    expect(formatSdkDate(date as Date)).toBe(value);
  });
});
