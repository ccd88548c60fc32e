import { describe, expect, it } from 'vitest';
import { DOC_CREDENTIALS, DOC_VECTOR, MODELARTS_VECTOR } from '../test/vectors.js';
import { parseAuthorization } from './authorization-header.js';
import { signRequest } from './sign-request.js';

const DATE = new Date('2025-01-01T00:00:00Z');

function signedHeadersOf(request: Request): readonly string[] {
  const parsed = parseAuthorization(request.headers.get('authorization') ?? '');
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.fields.signedHeaders;
}

describe('signRequest: published vectors', () => {
  it('reproduces the official documentation example', async () => {
    const signed = await signRequest(
      new Request(DOC_VECTOR.url, { headers: DOC_VECTOR.headers }),
      DOC_CREDENTIALS,
      { date: DOC_VECTOR.date },
    );
    expect(signed.headers.get('authorization')).toBe(DOC_VECTOR.authorization);
    expect(signed.headers.get('x-sdk-date')).toBe(DOC_VECTOR.sdkDate);
  });

  it('reproduces the derived ModelArts operation vector', async () => {
    const signed = await signRequest(
      new Request(MODELARTS_VECTOR.url, { headers: MODELARTS_VECTOR.headers }),
      DOC_CREDENTIALS,
      { date: MODELARTS_VECTOR.date },
    );
    expect(signed.headers.get('authorization')).toBe(MODELARTS_VECTOR.authorization);
  });
});

describe('signRequest', () => {
  it('uses the current time when no date is given', async () => {
    const before = Date.now();
    const signed = await signRequest(new Request('https://h/x'), DOC_CREDENTIALS);
    const value = signed.headers.get('x-sdk-date') ?? '';
    expect(value).toMatch(/^\d{8}T\d{6}Z$/);
    const iso = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 11)}:${value.slice(11, 13)}:${value.slice(13)}`;
    expect(Date.parse(iso)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(Date.parse(iso)).toBeLessThanOrEqual(Date.now());
  });

  it('signs host from the URL without setting a Host header', async () => {
    const signed = await signRequest(new Request('https://h.example.com/x'), DOC_CREDENTIALS, {
      date: DATE,
    });
    expect(signed.headers.has('host')).toBe(false);
    expect(signedHeadersOf(signed)).toEqual(['host', 'x-sdk-date']);
  });

  it('omits the default port from host and keeps any other', async () => {
    const sign = async (url: string) =>
      (await signRequest(new Request(url), DOC_CREDENTIALS, { date: DATE })).headers.get(
        'authorization',
      );
    expect(await sign('https://h:443/x')).toBe(await sign('https://h/x'));
    expect(await sign('http://h:80/x')).toBe(await sign('http://h/x'));
    expect(await sign('https://h:8443/x')).not.toBe(await sign('https://h/x'));
    expect(await sign('http://h:443/x')).not.toBe(await sign('http://h/x'));
  });

  it('signs every header on the request, lower-cased and sorted', async () => {
    const signed = await signRequest(
      new Request('https://h/x', {
        headers: { 'X-Zeta': '1', Accept: 'application/json', 'X-Project-Id': 'p' },
      }),
      DOC_CREDENTIALS,
      { date: DATE },
    );
    expect(signedHeadersOf(signed)).toEqual([
      'accept',
      'host',
      'x-project-id',
      'x-sdk-date',
      'x-zeta',
    ]);
  });

  it('sorts header names by code unit, not by locale', async () => {
    // localeCompare would put "x_a" first; the official SDK uses code-unit order for SignedHeaders.
    const signed = await signRequest(
      new Request('https://h/x', { headers: { x_a: '1', 'x-a': '2', x1: '3' } }),
      DOC_CREDENTIALS,
      { date: DATE },
    );
    expect(signedHeadersOf(signed)).toEqual(['host', 'x-a', 'x-sdk-date', 'x1', 'x_a']);
  });

  it('adds X-Security-Token before signing, so it is signed', async () => {
    const signed = await signRequest(
      new Request('https://h/x'),
      { ...DOC_CREDENTIALS, securityToken: 'token-123' },
      { date: DATE },
    );
    expect(signed.headers.get('x-security-token')).toBe('token-123');
    expect(signedHeadersOf(signed)).toEqual(['host', 'x-sdk-date', 'x-security-token']);
  });

  it('treats an empty security token as none, like the SDK', async () => {
    const signed = await signRequest(
      new Request('https://h/x'),
      { ...DOC_CREDENTIALS, securityToken: '' },
      { date: DATE },
    );
    expect(signed.headers.has('x-security-token')).toBe(false);
  });

  it('replaces an existing Authorization and X-Sdk-Date instead of signing them', async () => {
    const first = await signRequest(new Request('https://h/x'), DOC_CREDENTIALS, { date: DATE });
    const again = await signRequest(first, DOC_CREDENTIALS, {
      date: new Date('2025-01-01T00:00:01Z'),
    });
    expect(signedHeadersOf(again)).toEqual(['host', 'x-sdk-date']);
    expect(again.headers.get('x-sdk-date')).toBe('20250101T000001Z');
    expect(again.headers.get('authorization')).not.toBe(first.headers.get('authorization'));
  });

  it('hashes the body: different bodies give different signatures', async () => {
    const sign = async (body: string) =>
      (
        await signRequest(
          new Request('https://h/x', {
            method: 'POST',
            body,
            headers: { 'content-type': 'application/json' },
          }),
          DOC_CREDENTIALS,
          { date: DATE },
        )
      ).headers.get('authorization');
    expect(await sign('{"a":1}')).not.toBe(await sign('{"a":2}'));
  });

  it('signs an empty body like no body', async () => {
    const sign = async (init: RequestInit) =>
      (
        await signRequest(new Request('https://h/x', init), DOC_CREDENTIALS, { date: DATE })
      ).headers.get('authorization');
    expect(await sign({ method: 'POST', body: new Uint8Array() })).toBe(
      await sign({ method: 'POST' }),
    );
  });

  it('honours X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD without reading the body', async () => {
    const sign = async (body: string) =>
      (
        await signRequest(
          new Request('https://h/x', {
            method: 'PUT',
            body,
            headers: { 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' },
          }),
          DOC_CREDENTIALS,
          { date: DATE },
        )
      ).headers.get('authorization');
    expect(await sign('one body')).toBe(await sign('another body'));
  });

  it('leaves the caller’s Request untouched and usable, and keeps the body', async () => {
    const original = new Request('https://h/x', {
      method: 'POST',
      body: JSON.stringify({ name: 'é' }),
      headers: { 'content-type': 'application/json' },
    });
    const signed = await signRequest(original, DOC_CREDENTIALS, { date: DATE });
    expect(signed).not.toBe(original);
    expect(original.headers.has('authorization')).toBe(false);
    expect(original.bodyUsed).toBe(false);
    expect(await original.json()).toEqual({ name: 'é' });
    expect(await signed.json()).toEqual({ name: 'é' });
    expect(signed.method).toBe('POST');
    expect(signed.url).toBe('https://h/x');
  });

  it('keeps a streamed body readable on both Requests when the payload is unsigned', async () => {
    const original = new Request('https://h/x', {
      method: 'POST',
      body: new Blob(['streamed']).stream(),
      headers: { 'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD' },
      duplex: 'half',
    } as RequestInit);
    const signed = await signRequest(original, DOC_CREDENTIALS, { date: DATE });
    expect(await signed.text()).toBe('streamed');
    expect(await original.text()).toBe('streamed');
  });

  it('keeps the abort signal and other Request properties', async () => {
    const controller = new AbortController();
    const original = new Request('https://h/x', {
      method: 'DELETE',
      signal: controller.signal,
      redirect: 'manual',
    });
    const signed = await signRequest(original, DOC_CREDENTIALS, { date: DATE });
    expect(signed.method).toBe('DELETE');
    expect(signed.redirect).toBe('manual');
    controller.abort();
    expect(signed.signal.aborted).toBe(true);
  });

  it('rejects an invalid date', async () => {
    await expect(
      signRequest(new Request('https://h/x'), DOC_CREDENTIALS, { date: new Date(Number.NaN) }),
    ).rejects.toThrow(RangeError);
  });
});
