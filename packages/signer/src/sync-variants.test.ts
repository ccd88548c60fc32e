import { describe, expect, it } from 'vitest';
import { DOC_CREDENTIALS, DOC_VECTOR } from '../test/vectors.js';
import { signRequest, signRequestSync } from './sign-request.js';
import { verifyRequest, verifyRequestSync } from './verify-request.js';

const NOW = new Date('2025-01-01T00:00:00Z');
const secretFor = (ak: string) =>
  ak === DOC_CREDENTIALS.accessKeyId ? DOC_CREDENTIALS.secretAccessKey : undefined;
const BODY = '{"volume_id":"v-é"}';

function post(): Request {
  return new Request('https://modelarts.example.com/v1/p/dev-servers?limit=2', {
    method: 'POST',
    body: BODY,
    headers: { 'content-type': 'application/json', 'X-Project-Id': 'p' },
  });
}

describe('signRequestSync', () => {
  it('reproduces the official documentation example, in place', () => {
    const request = new Request(DOC_VECTOR.url, { headers: DOC_VECTOR.headers });
    expect(signRequestSync(request, DOC_CREDENTIALS, { date: DOC_VECTOR.date })).toBe(request);
    expect(request.headers.get('authorization')).toBe(DOC_VECTOR.authorization);
  });

  it('signs a body given as text or bytes exactly as signRequest does', async () => {
    const expected = (await signRequest(post(), DOC_CREDENTIALS, { date: NOW })).headers.get(
      'authorization',
    );
    const text = signRequestSync(post(), DOC_CREDENTIALS, { date: NOW, body: BODY });
    const bytes = signRequestSync(post(), DOC_CREDENTIALS, {
      date: NOW,
      body: new TextEncoder().encode(BODY),
    });
    expect(text.headers.get('authorization')).toBe(expected);
    expect(bytes.headers.get('authorization')).toBe(expected);
    expect(await text.text()).toBe(BODY);
  });

  it('re-signing replaces the previous signature instead of signing it', () => {
    const request = post();
    signRequestSync(request, DOC_CREDENTIALS, { date: NOW, body: BODY });
    const first = request.headers.get('authorization');
    signRequestSync(request, DOC_CREDENTIALS, { date: NOW, body: BODY });
    expect(request.headers.get('authorization')).toBe(first);
  });

  it('refuses a body it cannot see rather than signing the wrong hash', () => {
    expect(() => signRequestSync(post(), DOC_CREDENTIALS, { date: NOW })).toThrow(TypeError);
    const unsigned = post();
    unsigned.headers.set('X-Sdk-Content-Sha256', 'UNSIGNED-PAYLOAD');
    expect(() => signRequestSync(unsigned, DOC_CREDENTIALS, { date: NOW })).not.toThrow();
  });
});

describe('verifyRequestSync', () => {
  it('accepts what signRequest signed, with the body given', async () => {
    const signed = await signRequest(post(), DOC_CREDENTIALS, { date: NOW });
    expect(verifyRequestSync(signed, secretFor, { now: NOW, body: BODY })).toEqual({
      ok: true,
      accessKeyId: DOC_CREDENTIALS.accessKeyId,
    });
    // The Request's own body is left alone.
    expect(signed.bodyUsed).toBe(false);
  });

  it('gives the same codes as verifyRequest', async () => {
    const signed = await signRequest(post(), DOC_CREDENTIALS, { date: NOW });
    const tampered = verifyRequestSync(signed, secretFor, { now: NOW, body: `${BODY} ` });
    expect(tampered).toMatchObject({ ok: false, code: 'bad_signature' });
    const late = new Date(NOW.getTime() + 16 * 60_000);
    expect(verifyRequestSync(signed, secretFor, { now: late, body: BODY })).toEqual(
      await verifyRequest(signed, secretFor, { now: late }),
    );
    expect(verifyRequestSync(signed, () => undefined, { now: NOW, body: BODY })).toMatchObject({
      ok: false,
      code: 'unknown_access_key',
    });
  });

  it('needs no body for a bodiless request and throws when a needed body is missing', async () => {
    const get = await signRequest(new Request('https://h/x'), DOC_CREDENTIALS, { date: NOW });
    expect(verifyRequestSync(get, secretFor, { now: NOW }).ok).toBe(true);
    const signed = await signRequest(post(), DOC_CREDENTIALS, { date: NOW });
    expect(() => verifyRequestSync(signed, secretFor, { now: NOW })).toThrow(TypeError);
  });
});

describe('verifyRequest on a bodiless request', () => {
  it('does not clone the request', async () => {
    const get = await signRequest(new Request('https://h/x'), DOC_CREDENTIALS, { date: NOW });
    const clone = get.clone.bind(get);
    let clones = 0;
    get.clone = () => {
      clones++;
      return clone();
    };
    expect((await verifyRequest(get, secretFor, { now: NOW })).ok).toBe(true);
    expect(clones).toBe(0);
  });
});
