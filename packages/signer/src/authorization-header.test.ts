import { describe, expect, it } from 'vitest';
import { formatAuthorization, parseAuthorization } from './authorization-header.js';

const SIG = '7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe';
const HEADER = `SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=${SIG}`;

describe('formatAuthorization', () => {
  it('matches the documented layout', () => {
    expect(
      formatAuthorization({
        accessKeyId: 'QTWAOYTTINDUT2QVKYUC',
        signedHeaders: ['content-type', 'host', 'x-sdk-date'],
        signature: SIG,
      }),
    ).toBe(HEADER);
  });
});

describe('parseAuthorization', () => {
  it('round-trips the formatted header', () => {
    expect(parseAuthorization(HEADER)).toEqual({
      ok: true,
      fields: {
        accessKeyId: 'QTWAOYTTINDUT2QVKYUC',
        signedHeaders: ['content-type', 'host', 'x-sdk-date'],
        signature: SIG,
      },
    });
  });

  it('tolerates extra spaces and any field order, and lower-cases the signature', () => {
    const parsed = parseAuthorization(
      `  SDK-HMAC-SHA256   Signature=${SIG.toUpperCase()} ,SignedHeaders=host;x-sdk-date,Access=AK  `,
    );
    expect(parsed).toEqual({
      ok: true,
      fields: { accessKeyId: 'AK', signedHeaders: ['host', 'x-sdk-date'], signature: SIG },
    });
  });

  it.each([
    ['', /unsupported algorithm ""/],
    ['SDK-HMAC-SHA256', /missing Access, SignedHeaders and Signature/],
    [HEADER.replace('SDK-HMAC-SHA256', 'V11-HMAC-SHA256'), /unsupported algorithm "V11-HMAC/],
    [HEADER.replace('SDK-HMAC-SHA256', 'sdk-hmac-sha256'), /unsupported algorithm/],
    [`Bearer ${SIG}`, /unsupported algorithm "Bearer"/],
    [`SDK-HMAC-SHA256 SignedHeaders=host, Signature=${SIG}`, /missing Access$/],
    [`SDK-HMAC-SHA256 Access=AK, Signature=${SIG}`, /missing SignedHeaders$/],
    ['SDK-HMAC-SHA256 Access=AK, SignedHeaders=host', /missing Signature$/],
    [`SDK-HMAC-SHA256 Access=, SignedHeaders=host, Signature=${SIG}`, /Access is empty/],
    [`${HEADER}, Access=AK2`, /Access appears twice/],
    [`${HEADER}, Credential=x`, /unknown Authorization field "Credential"/],
    [`${HEADER},`, /unknown Authorization field ""/],
    [HEADER.replace('Access=', 'access='), /unknown Authorization field "access"/],
    [HEADER.replace(SIG, SIG.replace('7', 'g')), /not 64 hex digits/],
    [HEADER.replace(SIG, SIG.slice(1)), /not 64 hex digits/],
    [HEADER.replace(SIG, `${SIG}00`), /not 64 hex digits/],
    [HEADER.replace('content-type;', 'Content-Type;'), /invalid header name "Content-Type"/],
    [HEADER.replace('content-type;', ';'), /invalid header name ""/],
    [HEADER.replace('content-type;', 'host;'), /lists a header twice/],
    [HEADER.replace('Access=QTWAOYTTINDUT2QVKYUC', 'Access=A K'), /Access contains whitespace/],
  ])('rejects %j', (header, reason) => {
    const parsed = parseAuthorization(header);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toMatch(reason);
  });
});
