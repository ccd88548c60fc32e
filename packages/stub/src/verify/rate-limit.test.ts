import { describe, expect, it } from 'vitest';
import { DEFAULT_REMOTE_RATE, defaultRate, retryAfterMs } from './rate-limit.js';

describe('rate limits', () => {
  it('is unlimited on loopback and conservative elsewhere', () => {
    expect(defaultRate('http://127.0.0.1:4010')).toBe(Number.POSITIVE_INFINITY);
    expect(defaultRate('http://localhost:4010')).toBe(Number.POSITIVE_INFINITY);
    expect(defaultRate('http://[::1]:4010')).toBe(Number.POSITIVE_INFINITY);
    expect(defaultRate('https://modelarts.cn-north-4.myhuaweicloud.com')).toBe(DEFAULT_REMOTE_RATE);
    expect(DEFAULT_REMOTE_RATE).toBe(2);
  });

  it('reads Retry-After as seconds or an HTTP date, capped, 1 s when absent', () => {
    expect(retryAfterMs('2', 60_000)).toBe(2000);
    expect(retryAfterMs('3600', 60_000)).toBe(60_000);
    expect(retryAfterMs(null, 60_000)).toBe(1000);
    const inFiveSeconds = new Date(Date.now() + 5000).toUTCString();
    expect(retryAfterMs(inFiveSeconds, 60_000)).toBeGreaterThan(3000);
    expect(retryAfterMs(inFiveSeconds, 60_000)).toBeLessThanOrEqual(5000);
    expect(retryAfterMs('garbage', 60_000)).toBe(1000);
  });
});
