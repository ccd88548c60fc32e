import { describe, expect, expectTypeOf, it } from 'vitest';
import { DOC_CREDENTIALS, DOC_VECTOR } from '../test/vectors.js';
import { signRequest } from './sign-request.js';
import {
  DEFAULT_MAX_SKEW_MS,
  type SecretLookup,
  VERIFY_FAILURE_CODES,
  type VerifyFailureCode,
  type VerifyResult,
  verifyRequest,
} from './verify-request.js';

const NOW = new Date('2025-01-01T00:00:00Z');
const AK = DOC_CREDENTIALS.accessKeyId;
const secrets = new Map([[AK, DOC_CREDENTIALS.secretAccessKey]]);
const secretFor = (accessKeyId: string) => secrets.get(accessKeyId);

function at(offsetMs: number): Date {
  return new Date(NOW.getTime() + offsetMs);
}

function post(url = 'https://modelarts.example.com/v1/p/dev-servers?limit=2', body = '{"a":"é"}') {
  return new Request(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'X-Project-Id': 'p' },
  });
}

async function signed(request: Request = post(), date: Date = NOW): Promise<Request> {
  return signRequest(request, DOC_CREDENTIALS, { date });
}

/** A copy of `request` with headers changed; the body is carried over from a clone. */
async function withHeaders(
  request: Request,
  change: (headers: Headers) => void,
  url = request.url,
): Promise<Request> {
  const headers = new Headers(request.headers);
  change(headers);
  const body = request.body === null ? null : await request.clone().arrayBuffer();
  return new Request(url, { method: request.method, headers, body });
}

async function expectFailure(
  result: Promise<VerifyResult>,
  code: VerifyFailureCode,
  reason: RegExp,
): Promise<void> {
  const settled = await result;
  expect(settled).toMatchObject({ ok: false, code });
  expect(settled.ok ? '' : settled.reason).toMatch(reason);
}

describe('verifyRequest: accepts', () => {
  it('round-trips a signed request', async () => {
    expect(await verifyRequest(await signed(), secretFor, { now: NOW })).toEqual({
      ok: true,
      accessKeyId: AK,
    });
  });

  it('accepts the official documentation example', async () => {
    const request = new Request(DOC_VECTOR.url, {
      headers: {
        ...DOC_VECTOR.headers,
        'X-Sdk-Date': DOC_VECTOR.sdkDate,
        Authorization: DOC_VECTOR.authorization,
      },
    });
    expect(await verifyRequest(request, secretFor, { now: DOC_VECTOR.date })).toEqual({
      ok: true,
      accessKeyId: AK,
    });
  });

  it('round-trips GET, empty body, query, non-default port, unicode path and security token', async () => {
    const request = await signRequest(
      new Request('http://127.0.0.1:8080/v1/é%20x/a%2Fb/?z=1&a=&a=b+c&%E4%B8%AD=%F0%9F%98%80'),
      { ...DOC_CREDENTIALS, securityToken: 'tok' },
      { date: NOW },
    );
    expect(await verifyRequest(request, secretFor, { now: NOW })).toEqual({
      ok: true,
      accessKeyId: AK,
    });
  });

  it('accepts an async secret lookup', async () => {
    const lookup = async (accessKeyId: string) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return secrets.get(accessKeyId);
    };
    expect(await verifyRequest(await signed(), lookup, { now: NOW })).toMatchObject({ ok: true });
  });

  it('accepts headers added after signing, such as a proxy would add', async () => {
    const request = await withHeaders(await signed(), (h) => h.set('x-forwarded-for', '10.0.0.1'));
    expect(await verifyRequest(request, secretFor, { now: NOW })).toMatchObject({ ok: true });
  });

  it('accepts UNSIGNED-PAYLOAD whatever the body', async () => {
    const request = await signed(
      new Request('https://h/x', {
        method: 'PUT',
        body: 'original',
        headers: { 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' },
      }),
    );
    const replaced = new Request(request, { body: 'replaced' });
    expect(await verifyRequest(replaced, secretFor, { now: NOW })).toMatchObject({ ok: true });
  });

  it('accepts a signed X-Sdk-Content-Sha256 that is the real body hash, in either case', async () => {
    const body = 'hello';
    const hash = '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824';
    for (const declared of [hash, hash.toUpperCase()]) {
      const request = await signed(
        new Request('https://h/x', {
          method: 'POST',
          body,
          headers: { 'x-sdk-content-sha256': declared },
        }),
      );
      expect(await verifyRequest(request, secretFor, { now: NOW })).toMatchObject({ ok: true });
    }
  });
});

describe('verifyRequest: clock skew', () => {
  it('defaults to 15 minutes', () => {
    expect(DEFAULT_MAX_SKEW_MS).toBe(15 * 60 * 1000);
  });

  it.each([
    ['exactly 15 min old', -DEFAULT_MAX_SKEW_MS, true],
    ['exactly 15 min ahead', DEFAULT_MAX_SKEW_MS, true],
    ['15 min 1 s old', -DEFAULT_MAX_SKEW_MS - 1000, false],
    ['15 min 1 s ahead', DEFAULT_MAX_SKEW_MS + 1000, false],
  ])('%s → ok %s', async (_label, offsetMs, ok) => {
    const result = await verifyRequest(await signed(post(), at(offsetMs)), secretFor, { now: NOW });
    expect(result.ok).toBe(ok);
    if (!result.ok) {
      expect(result.code).toBe('date_out_of_range');
      expect(result.reason).toMatch(offsetMs < 0 ? /901 s behind/ : /901 s ahead/);
    }
  });

  it('rejects a date 1 ms past the limit (the server clock has milliseconds)', async () => {
    const request = await signed(post(), NOW);
    await expectFailure(
      verifyRequest(request, secretFor, { now: at(DEFAULT_MAX_SKEW_MS + 1) }),
      'date_out_of_range',
      /at most 900 s/,
    );
    expect(await verifyRequest(request, secretFor, { now: at(DEFAULT_MAX_SKEW_MS) })).toMatchObject(
      { ok: true },
    );
  });

  it('honours a custom maxSkewMs in both directions', async () => {
    const options = { now: NOW, maxSkewMs: 60_000 };
    for (const offset of [-60_000, 60_000]) {
      expect(
        await verifyRequest(await signed(post(), at(offset)), secretFor, options),
      ).toMatchObject({
        ok: true,
      });
    }
    for (const offset of [-61_000, 61_000]) {
      await expectFailure(
        verifyRequest(await signed(post(), at(offset)), secretFor, options),
        'date_out_of_range',
        /at most 60 s/,
      );
    }
  });

  it('with maxSkewMs 0 accepts only the exact second', async () => {
    const options = { now: NOW, maxSkewMs: 0 };
    expect(await verifyRequest(await signed(), secretFor, options)).toMatchObject({ ok: true });
    await expectFailure(
      verifyRequest(await signed(post(), at(1000)), secretFor, options),
      'date_out_of_range',
      /ahead/,
    );
  });

  it('throws on invalid options rather than accepting everything', async () => {
    const request = await signed();
    await expect(
      verifyRequest(request, secretFor, { now: NOW, maxSkewMs: Number.NaN }),
    ).rejects.toThrow(RangeError);
    await expect(verifyRequest(request, secretFor, { now: NOW, maxSkewMs: -1 })).rejects.toThrow(
      RangeError,
    );
    await expect(verifyRequest(request, secretFor, { now: new Date(Number.NaN) })).rejects.toThrow(
      RangeError,
    );
  });
});

describe('verifyRequest: rejects', () => {
  it('a missing Authorization header', async () => {
    const request = await withHeaders(await signed(), (h) => h.delete('authorization'));
    await expectFailure(
      verifyRequest(request, secretFor, { now: NOW }),
      'missing_authorization',
      /missing/,
    );
  });

  it.each([
    [
      'a wrong algorithm',
      (a: string) => a.replace('SDK-HMAC-SHA256', 'V11-HMAC-SHA256'),
      /unsupported algorithm/,
    ],
    ['no Access', (a: string) => a.replace(/Access=\w+, /, ''), /missing Access/],
    [
      'no SignedHeaders',
      (a: string) => a.replace(/SignedHeaders=[^,]+, /, ''),
      /missing SignedHeaders/,
    ],
    ['no Signature', (a: string) => a.replace(/, Signature=\w+/, ''), /missing Signature/],
    ['a non-hex Signature', (a: string) => a.replace(/Signature=\w/, 'Signature=x'), /hex/],
    ['a short Signature', (a: string) => a.slice(0, -2), /hex/],
    ['a Basic header', () => 'Basic dXNlcjpwYXNz', /unsupported algorithm "Basic"/],
  ])('a malformed Authorization header: %s', async (_label, change, reason) => {
    const request = await withHeaders(await signed(), (h) =>
      h.set('authorization', change(h.get('authorization') ?? '')),
    );
    await expectFailure(
      verifyRequest(request, secretFor, { now: NOW }),
      'malformed_authorization',
      reason,
    );
  });

  it.each([
    ['host', /missing host$/],
    ['x-sdk-date', /missing x-sdk-date$/],
  ])('SignedHeaders without %s', async (name, reason) => {
    const request = await withHeaders(await signed(), (h) =>
      h.set(
        'authorization',
        (h.get('authorization') ?? '').replace(
          /SignedHeaders=([^,]+)/,
          (_match, list: string) =>
            `SignedHeaders=${list
              .split(';')
              .filter((n) => n !== name)
              .join(';')}`,
        ),
      ),
    );
    const result = await verifyRequest(request, secretFor, { now: NOW });
    expect(result).toMatchObject({ ok: false, code: 'host_or_date_not_signed', accessKeyId: AK });
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });

  it('a missing X-Sdk-Date header', async () => {
    const request = await withHeaders(await signed(), (h) => h.delete('x-sdk-date'));
    await expectFailure(
      verifyRequest(request, secretFor, { now: NOW }),
      'missing_date',
      /X-Sdk-Date header is missing/,
    );
  });

  it.each(['2025-01-01T00:00:00Z', '20250101T000000', '20251301T000000Z', 'garbage', ''])(
    'a malformed X-Sdk-Date %j',
    async (value) => {
      const request = await withHeaders(await signed(), (h) => h.set('x-sdk-date', value));
      await expectFailure(
        verifyRequest(request, secretFor, { now: NOW }),
        'malformed_date',
        /YYYYMMDDTHHMMSSZ/,
      );
    },
  );

  it('an unknown access key, also when the lookup returns an empty secret', async () => {
    const request = await signed();
    const result = await verifyRequest(request, () => undefined, { now: NOW });
    expect(result).toEqual({
      ok: false,
      code: 'unknown_access_key',
      reason: `unknown access key "${AK}"`,
      accessKeyId: AK,
    });
    await expectFailure(
      verifyRequest(request, async () => '', { now: NOW }),
      'unknown_access_key',
      /unknown/,
    );
  });

  it('the wrong secret', async () => {
    await expectFailure(
      verifyRequest(await signed(), () => 'another-secret', { now: NOW }),
      'bad_signature',
      /does not match/,
    );
  });

  it('a signed header that is absent from the request', async () => {
    const request = await withHeaders(await signed(), (h) => h.delete('x-project-id'));
    await expectFailure(
      verifyRequest(request, secretFor, { now: NOW }),
      'missing_signed_header',
      /"x-project-id" is listed in SignedHeaders but absent/,
    );
  });

  it('a tampered body', async () => {
    const original = await signed();
    const tampered = new Request(original, { body: '{"a":"e"}' });
    await expectFailure(
      verifyRequest(tampered, secretFor, { now: NOW }),
      'bad_signature',
      /does not match/,
    );
  });

  it('a tampered path', async () => {
    const original = await signed();
    const tampered = await withHeaders(
      original,
      () => {},
      original.url.replace('dev-servers', 'dev-server'),
    );
    await expectFailure(
      verifyRequest(tampered, secretFor, { now: NOW }),
      'bad_signature',
      /does not match/,
    );
  });

  it('a tampered query', async () => {
    const original = await signed();
    for (const url of [
      original.url.replace('limit=2', 'limit=3'),
      `${original.url}&extra=1`,
      original.url.replace('?limit=2', ''),
    ]) {
      const tampered = await withHeaders(original, () => {}, url);
      await expectFailure(
        verifyRequest(tampered, secretFor, { now: NOW }),
        'bad_signature',
        /does not match/,
      );
    }
  });

  it('a tampered host or port', async () => {
    const original = await signed();
    for (const url of [
      original.url.replace('modelarts.example.com', 'other.example.com'),
      original.url.replace('modelarts.example.com', 'modelarts.example.com:8443'),
    ]) {
      const tampered = await withHeaders(original, () => {}, url);
      await expectFailure(
        verifyRequest(tampered, secretFor, { now: NOW }),
        'bad_signature',
        /does not match/,
      );
    }
  });

  it('a tampered method', async () => {
    const original = await signed();
    const tampered = new Request(original, { method: 'PUT' });
    await expectFailure(
      verifyRequest(tampered, secretFor, { now: NOW }),
      'bad_signature',
      /does not match/,
    );
  });

  it('a tampered signed header value, including the date within the allowed skew', async () => {
    for (const [name, value] of [
      ['x-project-id', 'q'],
      ['content-type', 'text/plain'],
      ['x-sdk-date', '20250101T000001Z'],
    ] as const) {
      const tampered = await withHeaders(await signed(), (h) => h.set(name, value));
      await expectFailure(
        verifyRequest(tampered, secretFor, { now: NOW }),
        'bad_signature',
        /does not match/,
      );
    }
  });

  it('a security token that was removed or changed', async () => {
    const original = await signRequest(
      post(),
      { ...DOC_CREDENTIALS, securityToken: 'tok' },
      { date: NOW },
    );
    const removed = await withHeaders(original, (h) => h.delete('x-security-token'));
    await expectFailure(
      verifyRequest(removed, secretFor, { now: NOW }),
      'missing_signed_header',
      /x-security-token/,
    );
    const changed = await withHeaders(original, (h) => h.set('x-security-token', 'other'));
    await expectFailure(
      verifyRequest(changed, secretFor, { now: NOW }),
      'bad_signature',
      /does not match/,
    );
  });

  it('UNSIGNED-PAYLOAD added after signing a hashed body', async () => {
    const tampered = await withHeaders(await signed(), (h) =>
      h.set('x-sdk-content-sha256', 'UNSIGNED-PAYLOAD'),
    );
    const swapped = new Request(tampered, { body: 'anything' });
    await expectFailure(
      verifyRequest(swapped, secretFor, { now: NOW }),
      'bad_signature',
      /does not match/,
    );
  });

  it('a body that does not match a signed X-Sdk-Content-Sha256', async () => {
    const hash = '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824';
    const request = await signed(
      new Request('https://h/x', {
        method: 'POST',
        body: 'hello',
        headers: { 'x-sdk-content-sha256': hash },
      }),
    );
    const tampered = new Request(request, { body: 'HELLO' });
    await expectFailure(
      verifyRequest(tampered, secretFor, { now: NOW }),
      'payload_hash_mismatch',
      /does not match the SHA-256 of the body/,
    );
  });

  it('a body the caller already consumed, without throwing', async () => {
    const request = await signed();
    await request.text();
    await expectFailure(
      verifyRequest(request, secretFor, { now: NOW }),
      'unreadable_body',
      /could not be read/,
    );
  });

  it('never throws on garbage headers', async () => {
    for (const authorization of [
      '',
      ' ',
      'SDK-HMAC-SHA256 ,,,',
      'SDK-HMAC-SHA256 =,=,=',
      '\u00ff'.repeat(100),
    ]) {
      const request = new Request('https://h/x', {
        headers: { authorization, 'x-sdk-date': '\u00e9' },
      });
      const result = await verifyRequest(request, secretFor, { now: NOW });
      expect(result.ok).toBe(false);
    }
  });

  it('covers every failure code in the tests above', () => {
    expect(VERIFY_FAILURE_CODES).toEqual([
      'missing_authorization',
      'malformed_authorization',
      'host_or_date_not_signed',
      'missing_date',
      'malformed_date',
      'date_out_of_range',
      'missing_signed_header',
      'unknown_access_key',
      'unreadable_body',
      'payload_hash_mismatch',
      'bad_signature',
    ]);
  });
});

describe('verifyRequest: the caller’s Request', () => {
  it('keeps the body readable after signing and after verifying', async () => {
    const original = post();
    const request = await signRequest(original, DOC_CREDENTIALS, { date: NOW });
    expect(await verifyRequest(request, secretFor, { now: NOW })).toMatchObject({ ok: true });
    expect(request.bodyUsed).toBe(false);
    expect(await request.json()).toEqual({ a: 'é' });
    expect(await original.json()).toEqual({ a: 'é' });
  });

  it('rethrows a failing secret lookup instead of reporting the client', async () => {
    await expect(
      verifyRequest(await signed(), () => Promise.reject(new Error('key store down')), {
        now: NOW,
      }),
    ).rejects.toThrow('key store down');
  });
});

describe('verifyRequest: types', () => {
  it('narrows the result on ok', async () => {
    const result = await verifyRequest(await signed(), secretFor, { now: NOW });
    expectTypeOf(result).toEqualTypeOf<VerifyResult>();
    if (result.ok) {
      expectTypeOf(result.accessKeyId).toEqualTypeOf<string>();
      expectTypeOf(result).not.toHaveProperty('reason');
      expect(result.accessKeyId).toBe(AK);
    } else {
      expectTypeOf(result.reason).toEqualTypeOf<string>();
      expectTypeOf(result.code).toEqualTypeOf<VerifyFailureCode>();
      expectTypeOf(result.accessKeyId).toEqualTypeOf<string | undefined>();
      expect.unreachable(result.reason);
    }
  });

  it('accepts sync and async secret lookups', () => {
    expectTypeOf(verifyRequest).parameter(1).toEqualTypeOf<SecretLookup>();
    expectTypeOf<(ak: string) => string>().toExtend<SecretLookup>();
    expectTypeOf<(ak: string) => Promise<string | undefined>>().toExtend<SecretLookup>();
    expectTypeOf<(ak: string) => number>().not.toExtend<SecretLookup>();
    expectTypeOf(verifyRequest).returns.resolves.toEqualTypeOf<VerifyResult>();
    expect(VERIFY_FAILURE_CODES).toHaveLength(11);
  });
});
