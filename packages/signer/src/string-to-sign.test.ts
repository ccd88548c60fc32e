import { describe, expect, it } from 'vitest';
import { ALGORITHM, stringToSign } from './string-to-sign.js';

describe('stringToSign', () => {
  it('joins algorithm, date and the hex SHA-256 of the canonical request', async () => {
    expect(await stringToSign('20191115T033655Z', '')).toBe(
      `${ALGORITHM}\n20191115T033655Z\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`,
    );
    expect(ALGORITHM).toBe('SDK-HMAC-SHA256');
  });
});
